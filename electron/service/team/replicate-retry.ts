/**
 * Trying again when the team server cannot be reached: one replication (or
 * the server probe) is retried with exponential backoff on network failures
 * (the server restarting, a dropped connection) and 5xx answers; a refusal
 * (401, 403, 404, 400, 413) fails at once with a sentence saying which.
 */
import {
  describeNetworkError,
  probeRemote,
  showRemote,
  TeamSyncError,
  type CouchCredentials,
  type RemoteInfo,
} from './couch-access';
import type { ReplicationResult } from './pouch';

/** How hard to try when the server cannot be reached. */
export interface RetryPolicy {
  /** Tries in all (at least 1). */
  attempts: number;
  /** Wait before the second try; doubled each time up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 250, maxDelayMs: 8_000 };

export type SyncPhase = 'probe' | 'push' | 'pull' | 'resolve' | 'retry';

/** Progress of a sync, for the UI's words ("syncing…") and for tests. */
export interface SyncProgress {
  phase: SyncPhase;
  /** Documents written so far in this phase's current try. */
  docsWritten?: number;
  /** For `retry`: the try about to start, and why the last one failed. */
  attempt?: number;
  reason?: string;
}

/** What the retrying needs to know of a sync. */
export interface RetryOptions {
  remote: URL;
  credentials: CouchCredentials;
  retry?: RetryPolicy;
  onProgress?: (p: SyncProgress) => void;
  /** Waits between tries; tests may shorten them. */
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function statusOf(err: unknown): number | undefined {
  const s = (err as { status?: unknown } | undefined)?.status;
  return typeof s === 'number' ? s : undefined;
}

/** A replication failure that another try may fix (network, server restarting, 5xx). */
function isTransient(err: unknown): boolean {
  if (err instanceof TeamSyncError) return err.kind === 'unreachable';
  const status = statusOf(err);
  if (status === 401 || status === 403 || status === 404 || status === 400 || status === 413)
    return false;
  return true;
}

/** A replication failure in words. */
export function failure(err: unknown, remote: URL, what: string): TeamSyncError {
  if (err instanceof TeamSyncError) return err;
  const status = statusOf(err);
  if (status === 401)
    return new TeamSyncError(
      `The team server ${remote.origin} refused the user name or password.`,
      'unauthorized',
    );
  if (status === 403)
    return new TeamSyncError(
      `The team server does not allow ${what} ${showRemote(remote)}.`,
      'forbidden',
    );
  if (status === 404)
    return new TeamSyncError(`The team database ${showRemote(remote)} is gone.`, 'no-database');
  if (status && status >= 400)
    return new TeamSyncError(
      `The team server answered HTTP ${status} while ${what} ${showRemote(remote)}.`,
      'server',
    );
  return new TeamSyncError(
    `Cannot reach the team server ${remote.origin}: ${describeNetworkError(err)}.`,
    'unreachable',
  );
}

/**
 * The one backoff loop: run `attempt`; on a failure, `retryReason` says in words why it may be
 * tried again (or throws the error to give up); then wait, doubling the delay up to the policy's
 * maximum, and report the retry.
 */
async function withBackoff<T>(
  opts: RetryOptions,
  attempt: () => Promise<T>,
  retryReason: (err: unknown, attempt: number, attempts: number) => string,
): Promise<T> {
  const policy = opts.retry ?? DEFAULT_RETRY;
  const sleep = opts.sleep ?? sleepFor;
  let delay = policy.baseDelayMs;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      const reason = retryReason(err, n, policy.attempts);
      opts.onProgress?.({ phase: 'retry', attempt: n + 1, reason });
      await sleep(delay);
      delay = Math.min(delay * 2, policy.maxDelayMs);
    }
  }
}

/** Network failures are tried again while attempts are left; anything else fails in words. */
function transientReason(opts: RetryOptions, what: string) {
  return (err: unknown, attempt: number, attempts: number): string => {
    if (!isTransient(err) || attempt >= attempts) throw failure(err, opts.remote, what);
    return describeNetworkError(err);
  };
}

/** Run one replication to completion, retrying transient failures. Returns it with the documents written. */
export async function replicateWithRetry(
  run: () => PromiseLike<ReplicationResult> & {
    on(e: 'change', fn: (i: { docs_written: number }) => void): unknown;
  },
  phase: 'push' | 'pull' | 'resolve',
  opts: RetryOptions,
  what: string,
): Promise<{ written: number; result: ReplicationResult }> {
  let written = 0;
  const transient = transientReason(opts, what);
  return withBackoff(
    opts,
    async () => {
      const r = run();
      let seen = 0;
      r.on('change', (info) => {
        seen = info.docs_written;
        opts.onProgress?.({ phase, docsWritten: seen });
      });
      try {
        const result = await r;
        written += result.docs_written;
        if (result.doc_write_failures > 0)
          throw new TeamSyncError(
            `${result.doc_write_failures} document${result.doc_write_failures === 1 ? '' : 's'} could not be written while ${what} ${showRemote(opts.remote)}.`,
            'server',
          );
        return { written, result };
      } catch (err) {
        written += seen;
        throw err;
      }
    },
    (err, attempt, attempts) => {
      if (err instanceof TeamSyncError && err.kind !== 'unreachable') throw err;
      return transient(err, attempt, attempts);
    },
  );
}

/** Probe the server (probeRemote), retrying while it cannot be reached. */
export function probeWithRetry(opts: RetryOptions): Promise<RemoteInfo> {
  return withBackoff(
    opts,
    () => probeRemote(opts.remote, opts.credentials),
    (err, attempt, attempts) => {
      if (!(err instanceof TeamSyncError) || err.kind !== 'unreachable' || attempt >= attempts)
        throw err;
      return err.message;
    },
  );
}

/** Run `task` (one request to the server), retrying network failures like a replication. */
export function retrying<T>(task: () => Promise<T>, opts: RetryOptions, what: string): Promise<T> {
  return withBackoff(opts, task, transientReason(opts, what));
}
