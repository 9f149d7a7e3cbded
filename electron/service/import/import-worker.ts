/**
 * The body of an import worker thread: runs one import (article-import.ts)
 * on the input in `workerData`, posts progress while it runs, then posts the
 * result and ends. See import-runner.ts for the side that starts it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ApiResult } from '../../../shared/api/contract';
import type { Article } from '../../../shared/model/article';
import { importArticleBytes, importPastedContent } from './article-import';
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

let result: ApiResult<Article>;
try {
  result =
    input.kind === 'file'
      ? importArticleBytes(input.fileName, input.bytes, progress)
      : importPastedContent(input.pasteKind, input.content, input.label, progress);
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
