/**
 * Keeping one session's live changes feed (change-feed.ts) running, without
 * loading PouchDB itself (the service starts without it; the feed is loaded
 * when a shared session first syncs).
 */
import { TeamSyncError } from './couch-access';
import type { Watch } from './change-feed';

/**
 * Keeps one session's feed running: at most one watch at a time; when it
 * stops, `onStopped` gets the wait before trying again (exponential backoff;
 * a feed that ran 30 s or more counts as healthy and starts the count anew).
 */
export class FeedKeeper {
  private feed: Watch | 'starting' | null = null;
  private failures = 0;
  private startedAt = 0;
  private generation = 0;

  constructor(
    private readonly opts: {
      backoffMs: number;
      maxBackoffMs: number;
      onStopped(waitMs: number, err: TeamSyncError): void;
    },
  ) {}

  /** Start a watch with `open` unless one is running or starting. */
  start(open: (onError: (err: TeamSyncError) => void) => Promise<Watch>): void {
    if (this.feed) return;
    this.feed = 'starting';
    const gen = ++this.generation;
    const started = Date.now();
    const stopped = (err: TeamSyncError) => {
      if (gen !== this.generation || this.feed === null) return;
      this.feed = null;
      if (Date.now() - this.startedAt >= 30_000) this.failures = 0;
      this.failures++;
      const { backoffMs, maxBackoffMs } = this.opts;
      this.opts.onStopped(Math.min(backoffMs * 2 ** (this.failures - 1), maxBackoffMs), err);
    };
    open(stopped).then(
      (w) => {
        if (gen !== this.generation || this.feed !== 'starting') w.cancel();
        else {
          this.feed = w;
          this.startedAt = started;
        }
      },
      (err: unknown) =>
        stopped(
          err instanceof TeamSyncError
            ? err
            : new TeamSyncError((err as Error).message, 'unreachable'),
        ),
    );
  }

  /** Stop the watch (no `onStopped`). */
  stop(): void {
    const f = this.feed;
    this.feed = null;
    this.generation++;
    if (f && f !== 'starting') f.cancel();
  }
}
