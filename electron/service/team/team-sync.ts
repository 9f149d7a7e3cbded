/**
 * Two-way sync of one session's team state with a team database, through
 * PouchDB replication (push and pull, resumable from checkpoints, retried
 * with backoff). Nothing home-made goes over the wire.
 *
 * One sync:
 * 1. probe the server (CouchDB? credentials? may this user read the database?);
 * 2. load the state into an in-memory PouchDB: each document at the revision
 *    it had on the server at the last sync, locally changed ones as a new
 *    revision on top (documents never synced are new);
 * 3. push, then pull this session's documents (CouchDB: a `_selector`
 *    filter; compatible servers: the same filter run on the client);
 * 4. validate every pulled revision with zod (parseTeamDoc): a malformed or
 *    hostile one is refused and reported, never applied;
 * 5. where CouchDB kept concurrent revisions (conflicts), join them field by
 *    field (the same merge as the offline file merge), write the result on
 *    one branch and close the others; push that;
 * 6. return the new state, with the revision each document now has.
 *
 * Network failures (the server restarting, a dropped connection) are retried
 * with exponential backoff; replication resumes from its checkpoint, so what
 * was transferred before is not sent again. Wrong credentials, a forbidden
 * database or a server that is not CouchDB fail at once. The caller's state
 * is never changed: a failed sync returns nothing to write.
 */
import { parseTeamDoc, sessionDocPrefix, type TeamDoc } from '../../../shared/team/team-doc';
import { mergeDocs, sameDocContent, type TeamState } from '../../../shared/team/team-state';
import {
  describeNetworkError,
  probeRemote,
  showRemote,
  TeamSyncError,
  type CouchCredentials,
  type RemoteInfo,
} from './couch-access';
import {
  memoryDatabase,
  remoteDatabase,
  type PouchDatabase,
  type PouchDoc,
  type ReplicationOptions,
  type ReplicationResult,
} from './pouch';

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

export interface SyncOptions {
  remote: URL;
  credentials: CouchCredentials;
  retry?: RetryPolicy;
  /** Documents per replication batch (default 100). */
  batchSize?: number;
  onProgress?: (p: SyncProgress) => void;
  /** Waits between tries; tests may shorten them. */
  sleep?: (ms: number) => Promise<void>;
}

export interface SyncOutcome {
  state: TeamState;
  /** Documents written to the server / pulled into this copy. */
  pushed: number;
  pulled: number;
  /** Documents from the server that failed validation, each with its reason. */
  refused: string[];
  server: RemoteInfo;
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

function failure(err: unknown, remote: URL, what: string): TeamSyncError {
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

/** Run one replication to completion, retrying transient failures. Returns the documents written. */
async function replicateWithRetry(
  run: () => PromiseLike<ReplicationResult> & {
    on(e: 'change', fn: (i: { docs_written: number }) => void): unknown;
  },
  phase: 'push' | 'pull' | 'resolve',
  opts: SyncOptions,
  what: string,
): Promise<number> {
  const policy = opts.retry ?? DEFAULT_RETRY;
  const sleep = opts.sleep ?? sleepFor;
  let written = 0;
  let delay = policy.baseDelayMs;
  for (let attempt = 1; ; attempt++) {
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
      return written;
    } catch (err) {
      written += seen;
      if (err instanceof TeamSyncError && err.kind !== 'unreachable') throw err;
      if (!isTransient(err) || attempt >= policy.attempts) throw failure(err, opts.remote, what);
      opts.onProgress?.({
        phase: 'retry',
        attempt: attempt + 1,
        reason: describeNetworkError(err),
      });
      await sleep(delay);
      delay = Math.min(delay * 2, policy.maxDelayMs);
    }
  }
}

function body(doc: TeamDoc): Record<string, unknown> {
  const { _rev, ...rest } = doc;
  void _rev;
  return rest;
}

/** Load a state into a working database. Returns the update sequence after loading. */
async function load(local: PouchDatabase, state: TeamState): Promise<number | string> {
  const known: Record<string, unknown>[] = [];
  const fresh: Record<string, unknown>[] = [];
  for (const doc of state.docs.values()) {
    if (doc._rev) known.push({ ...body(doc), _rev: doc._rev });
    else fresh.push(body(doc));
  }
  // The synced revisions exactly as they were (new_edits: false keeps their ids)…
  for (let i = 0; i < known.length; i += 1000)
    await local.bulkDocs(known.slice(i, i + 1000), { new_edits: false });
  // …then local changes as new revisions on top, and documents never synced.
  const edits: Record<string, unknown>[] = [...fresh];
  for (const id of state.dirty) {
    const doc = state.docs.get(id);
    if (doc?._rev) edits.push({ ...body(doc), _rev: doc._rev });
  }
  for (let i = 0; i < edits.length; i += 1000) {
    const res = await local.bulkDocs(edits.slice(i, i + 1000));
    const bad = res.find((r) => r.error);
    if (bad)
      throw new TeamSyncError(
        `The local copy could not be prepared (${bad.reason ?? bad.error}).`,
        'server',
      );
  }
  return (await local.info()).update_seq;
}

/**
 * Sync `state` with the team database. Resolves with the new state and what
 * moved; rejects with a {@link TeamSyncError} (the caller keeps its state).
 */
export async function syncTeamState(state: TeamState, opts: SyncOptions): Promise<SyncOutcome> {
  opts.onProgress?.({ phase: 'probe' });
  const server = await probeWithRetry(opts);
  const remote = remoteDatabase(opts.remote, opts.credentials);
  const local = memoryDatabase();
  const prefix = sessionDocPrefix(state.sessionId);
  const batch = opts.batchSize ?? 100;
  const pullOptions: ReplicationOptions = server.couchdb
    ? { selector: { session: state.sessionId }, batch_size: batch }
    : { filter: (d: PouchDoc) => d._id.startsWith(prefix), batch_size: batch };
  try {
    const loadedSeq = await load(local, state);
    let pushed = await replicateWithRetry(
      () => local.replicate.to(remote, { batch_size: batch }),
      'push',
      opts,
      'sending changes to',
    );
    const pulled = await replicateWithRetry(
      () => local.replicate.from(remote, pullOptions),
      'pull',
      opts,
      'reading',
    );

    // What the pull brought: validate, join concurrent revisions, note the revision now held.
    const touched = new Set<string>();
    let since: number | string = loadedSeq;
    for (;;) {
      const ch = await local.changes({ since, limit: 1000 });
      for (const r of ch.results) if (r.id.startsWith(prefix)) touched.add(r.id);
      if (ch.results.length < 1000) break;
      since = ch.last_seq;
    }
    const refused: string[] = [];
    const docs = new Map(state.docs);
    const revs = new Map<string, string>();
    let resolutions = 0;
    for (const id of touched) {
      const leaves = (await local.get(id, { open_revs: 'all' }))
        .map((l) => ('ok' in l ? l.ok : null))
        .filter((d): d is PouchDoc => !!d && !d._deleted);
      const valid: TeamDoc[] = [];
      for (const leaf of leaves) {
        const p = parseTeamDoc(leaf, state.sessionId);
        if (p.ok && p.doc._id === id) valid.push(p.doc);
        else refused.push(p.ok ? `${id}: its id does not match` : p.problem);
      }
      const mine = state.docs.get(id);
      if (valid.length === 0) {
        // Nothing acceptable arrived: keep ours as it was, at the revision it had.
        if (mine?._rev) revs.set(id, mine._rev);
        else if (mine) {
          revs.set(id, '');
          docs.set(id, mine);
        }
        continue;
      }
      let merged = mine ? mergeDocs({ ...mine }, valid[0]!) : valid[0]!;
      for (const v of valid.slice(1)) merged = mergeDocs(merged, v);
      const winner = await local.get(id);
      const base = valid.find((v) => v._rev === winner._rev) ?? valid[0]!;
      const others = valid.filter((v) => v !== base);
      let rev = base._rev!;
      if (!sameDocContent(merged, base)) {
        const res = await local.put({ ...body(merged), _id: id, _rev: base._rev });
        rev = res.rev;
        resolutions++;
      }
      if (others.length) {
        const res = await local.bulkDocs(
          others.map((o) => ({ _id: id, _rev: o._rev, _deleted: true })),
        );
        const bad = res.find((r) => r.error);
        if (bad)
          throw new TeamSyncError(
            `A conflict could not be closed (${bad.reason ?? bad.error}).`,
            'server',
          );
        resolutions++;
      }
      docs.set(id, { ...merged, _rev: rev });
      revs.set(id, rev);
    }
    opts.onProgress?.({ phase: 'resolve' });
    if (resolutions)
      pushed += await replicateWithRetry(
        () => local.replicate.to(remote, { batch_size: batch }),
        'resolve',
        opts,
        'sending merged changes to',
      );

    // Every other document keeps its content; its revision is the one the working copy holds.
    const rest = [...state.docs.keys()].filter((id) => !revs.has(id));
    for (let i = 0; i < rest.length; i += 1000) {
      const rows = (await local.allDocs({ keys: rest.slice(i, i + 1000) })).rows;
      for (const row of rows) {
        const doc = docs.get(row.id);
        if (doc && row.value && !row.error) docs.set(row.id, { ...doc, _rev: row.value.rev });
      }
    }
    for (const [id, rev] of revs) {
      if (rev === '') {
        const { _rev, ...doc } = docs.get(id)!;
        void _rev;
        docs.set(id, doc);
      }
    }
    return {
      state: { sessionId: state.sessionId, docs, dirty: new Set() },
      pushed,
      pulled,
      refused,
      server,
    };
  } finally {
    await local.destroy().catch(() => undefined);
    await remote.close().catch(() => undefined);
  }
}

async function probeWithRetry(opts: SyncOptions): Promise<RemoteInfo> {
  const policy = opts.retry ?? DEFAULT_RETRY;
  const sleep = opts.sleep ?? sleepFor;
  let delay = policy.baseDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await probeRemote(opts.remote, opts.credentials);
    } catch (err) {
      if (
        !(err instanceof TeamSyncError) ||
        err.kind !== 'unreachable' ||
        attempt >= policy.attempts
      )
        throw err;
      opts.onProgress?.({ phase: 'retry', attempt: attempt + 1, reason: err.message });
      await sleep(delay);
      delay = Math.min(delay * 2, policy.maxDelayMs);
    }
  }
}
