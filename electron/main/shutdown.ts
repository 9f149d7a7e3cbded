/**
 * Quitting without losing edits. The sequence, run once however many times
 * quitting is requested:
 *   1. push `before-quit` to the page, which sends its pending edits;
 *   2. give the page `settleMs` to start those calls, then wait until no IPC
 *      call is in flight;
 *   3. `service.flushAll()`, then `service.close()`, then `releaseLock()`.
 * The whole sequence is bounded by `timeoutMs`: past it the app quits anyway
 * (whatever the page had not sent is still in the recovery journal) and the
 * reason is logged.
 */
import type { ApiService } from '../service/api-service';

export interface ShutdownDeps {
  /** Push `before-quit` to the page; false when there is no page to tell. */
  notifyPage(): boolean;
  /** Resolves when no IPC call is in flight. */
  whenIpcIdle(): Promise<void>;
  /** The service, once it exists. */
  getService(): Pick<ApiService, 'flushAll' | 'close'> | null;
  /** Release the data directory's lock file once the service is closed (not after a timeout). */
  releaseLock?(): Promise<void>;
  /** How long the page gets to start its last saves. */
  settleMs?: number;
  /** Upper bound of the whole sequence. */
  timeoutMs?: number;
  log?(message: string): void;
}

export interface Shutdown {
  /** Run the sequence (once); resolves when it is safe to quit. Never rejects. */
  run(): Promise<void>;
  /** True once the sequence has finished. */
  readonly done: boolean;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Create the quit sequence. */
export function createShutdown(deps: ShutdownDeps): Shutdown {
  const settleMs = deps.settleMs ?? 250;
  const timeoutMs = deps.timeoutMs ?? 8_000;
  const log = deps.log ?? ((m: string) => console.error(m));
  let running: Promise<void> | null = null;
  let done = false;

  const sequence = async (): Promise<void> => {
    if (deps.notifyPage()) {
      await delay(settleMs);
      await deps.whenIpcIdle();
    }
    const service = deps.getService();
    if (service) {
      await service.flushAll();
      await service.close();
    }
    await deps.releaseLock?.();
  };

  return {
    get done() {
      return done;
    },
    run() {
      running ??= (async () => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), timeoutMs);
        });
        try {
          const outcome = await Promise.race([sequence().then(() => 'flushed' as const), timeout]);
          if (outcome === 'timeout')
            log(
              `Quitting after ${timeoutMs} ms without a complete flush; unsaved edits remain in the recovery journal.`,
            );
        } catch (err) {
          log(`Flushing before quit failed: ${String((err as Error)?.message ?? err)}`);
        } finally {
          clearTimeout(timer);
          done = true;
        }
      })();
      return running;
    },
  };
}
