/**
 * The body of an import worker thread: runs one import (article-import.ts)
 * on the input in `workerData`, posts progress while it runs, then posts the
 * result and ends. See import-runner.ts for the side that starts it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ApiResult } from '../../../shared/api/contract';
import type { Article } from '../../../shared/model/article';
import { importArticleFile, importPasted } from './article-import';
import type { ImportInput, WorkerMessage } from './import-runner';

const input = workerData as ImportInput;
const port = parentPort!;
let last = -1;
const progress = (fraction: number) => {
  const pct = Math.floor(fraction * 100);
  if (pct === last) return;
  last = pct;
  port.postMessage({ type: 'progress', fraction } satisfies WorkerMessage);
};

/** Bytes of a base64 upload, or null when it is not base64. */
function decodeBase64(b64: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return null;
  const buf = Buffer.from(b64, 'base64');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

async function run(): Promise<ApiResult<Article>> {
  if (input.kind === 'pasted')
    return importPasted(input.pasteKind, input.content, input.label, progress);
  const bytes = input.kind === 'file' ? input.bytes : decodeBase64(input.base64);
  if (!bytes)
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'The file could not be read (its contents were not sent correctly).',
      },
    };
  return importArticleFile(input.fileName, bytes, progress);
}

let result: ApiResult<Article>;
try {
  result = await run();
} catch (e) {
  result = {
    ok: false,
    error: {
      code: 'internal',
      message: `The import failed: ${(e as Error)?.message ?? String(e)}. Nothing was added.`,
    },
  };
}
port.postMessage({ type: 'done', result } satisfies WorkerMessage);
