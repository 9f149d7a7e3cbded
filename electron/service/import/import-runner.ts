/**
 * Runs an import off the thread that answers requests: each import gets its
 * own worker thread with a memory cap (`resourceLimits`), reports progress,
 * and can be cancelled (the worker is terminated, which frees everything it
 * held). A worker that runs out of memory, runs past the time limit or dies
 * becomes an error value with a sentence; nothing is ever added half-done.
 *
 * Where the worker's code is: from source (tsx, vitest) the `.mjs` entry
 * beside this file registers tsx and loads import-worker.ts; in the desktop
 * build esbuild bundles import-worker.ts to `import-worker.js` beside the
 * main bundle (build/build-electron.mjs).
 */
import type { ApiResult } from '../../../shared/api/contract';
import type { Article } from '../../../shared/model/article';
import { IMPORT_MEMORY_MB } from '../../../shared/model/limits';
import { runWorkerTask, workerUrl, type WorkerMessage as TaskMessage } from '../worker-task';

/** What one import reads. */
export type ImportInput =
  | { kind: 'file'; fileName: string; bytes: Uint8Array }
  /** An upload as it arrives (base64): decoded in the worker, off the request thread. */
  | { kind: 'upload'; fileName: string; base64: string }
  | { kind: 'pasted'; pasteKind: 'text' | 'html'; content: string; label?: string };

/** Messages from the worker. */
export type WorkerMessage = TaskMessage<ApiResult<Article>>;

export interface RunImportOptions {
  /** Called with 0…1 as the import goes on. */
  onProgress?: (fraction: number) => void;
  /** Aborting cancels the import: the promise resolves with a `cancelled` error. */
  signal?: AbortSignal;
  /** Heap cap of the worker in MB (default IMPORT_MEMORY_MB). */
  memoryMb?: number;
  /** The worker is stopped after this long (default 5 minutes): no import may run for ever. */
  timeLimitMs?: number;
}

const DEFAULT_TIME_LIMIT_MS = 5 * 60_000;

/** The worker's entry: the bundled `.js` in the desktop build, else the tsx bootstrap. */
export function importWorkerUrl(moduleUrl: string = import.meta.url): URL {
  return workerUrl('import-worker', moduleUrl);
}

function failure(code: 'too-large' | 'io' | 'cancelled', message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Import in a worker thread. Never rejects: cancellation, running out of
 * memory or time, and a crashed worker all resolve as error values.
 */
export async function runImportInWorker(
  input: ImportInput,
  opts: RunImportOptions = {},
): Promise<ApiResult<Article>> {
  const name = input.kind === 'pasted' ? 'The pasted content' : `“${input.fileName}”`;
  const memoryMb = opts.memoryMb ?? IMPORT_MEMORY_MB;
  const timeLimitMs = opts.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const end = await runWorkerTask<ApiResult<Article>>(importWorkerUrl(), input, {
    memoryMb,
    timeLimitMs,
    onProgress: opts.onProgress,
    signal: opts.signal,
  });
  switch (end.type) {
    case 'done':
      return end.result;
    case 'cancelled':
      return failure('cancelled', `The import of ${name} was cancelled.`);
    case 'timeout':
      return failure(
        'too-large',
        `${name} took longer than ${Math.round(timeLimitMs / 60_000)} minutes to import and was stopped.`,
      );
    case 'out-of-memory':
      return failure(
        'too-large',
        `${name} needed more than ${memoryMb} MB of memory to import and was stopped.`,
      );
    case 'failed':
      return failure('io', `The import of ${name} failed: ${end.message}. Nothing was added.`);
  }
}
