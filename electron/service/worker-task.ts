/**
 * One task on a worker thread, off the thread that answers requests: the
 * service runs imports (import/import-runner.ts) and the analysis behind
 * suggestions (suggest/suggest-runner.ts) this way, so that saves and every
 * other request are answered while they run.
 *
 * Each task gets its own worker with a memory cap (`resourceLimits`) and a
 * time limit, and can be cancelled; the worker is terminated at the end,
 * which frees everything it held. The promise never rejects: how the task
 * ended is a value for the caller to put into words.
 *
 * The worker's side of the protocol: any number of
 * `{ type: 'progress', fraction }` messages, then one `{ type: 'done', result }`.
 *
 * Where a worker's code is: from source (tsx, vitest) an `.mjs` entry beside
 * the body registers tsx and loads the TypeScript; in the builds esbuild
 * bundles the body to a `.js` file beside the bundle that starts it
 * (build/build-electron.mjs, build/build-node.mjs). {@link workerUrl} picks.
 */
import { Worker } from 'node:worker_threads';

/** Messages from a worker. */
export type WorkerMessage<T> = { type: 'progress'; fraction: number } | { type: 'done'; result: T };

export interface WorkerTaskOptions {
  /** Heap cap of the worker in MB. */
  memoryMb: number;
  /** The worker is stopped after this long: no task may run for ever. */
  timeLimitMs: number;
  /** Called with 0…1 as the task goes on. */
  onProgress?: (fraction: number) => void;
  /** Aborting stops the worker; the task ends as `cancelled`. */
  signal?: AbortSignal;
}

/** How a task ended. */
export type WorkerEnd<T> =
  | { type: 'done'; result: T }
  | { type: 'cancelled' }
  | { type: 'timeout' }
  | { type: 'out-of-memory' }
  | { type: 'failed'; message: string };

/**
 * The URL of a worker's code: `<name>.js` beside the running bundle, or, when
 * the caller runs from TypeScript source, the `<name>-entry.mjs` bootstrap
 * beside the caller's own module (`moduleUrl`, its `import.meta.url`).
 */
export function workerUrl(name: string, moduleUrl: string): URL {
  return /\.ts$/.test(moduleUrl)
    ? new URL(`./${name}-entry.mjs`, moduleUrl)
    : new URL(`./${name}.js`, moduleUrl);
}

/** Run one task on a new worker thread (see the module comment). */
export function runWorkerTask<T>(
  url: URL,
  workerData: unknown,
  opts: WorkerTaskOptions,
): Promise<WorkerEnd<T>> {
  if (opts.signal?.aborted) return Promise.resolve({ type: 'cancelled' });
  return new Promise((resolve) => {
    const worker = new Worker(url, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: opts.memoryMb, maxYoungGenerationSizeMb: 64 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const finish = (end: WorkerEnd<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(end);
    };
    const onAbort = () => finish({ type: 'cancelled' });
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => finish({ type: 'timeout' }), opts.timeLimitMs);
    timer.unref();
    worker.on('message', (m: WorkerMessage<T>) => {
      if (m.type === 'progress') opts.onProgress?.(m.fraction);
      else finish({ type: 'done', result: m.result });
    });
    worker.on('error', (e: Error & { code?: string }) =>
      finish(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { type: 'out-of-memory' }
          : { type: 'failed', message: e.message },
      ),
    );
    worker.on('exit', () => finish({ type: 'failed', message: 'the worker stopped unexpectedly' }));
  });
}
