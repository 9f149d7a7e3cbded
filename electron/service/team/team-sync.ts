/**
 * Two-way sync of one session's team state with a team database, through
 * PouchDB replication (push and pull, retried with backoff). Nothing
 * home-made goes over the wire.
 *
 * One sync:
 * 1. probe the server (CouchDB? credentials? may this user read the database?);
 * 2. load what is to be sent into an in-memory PouchDB: each locally changed
 *    document at the revision it had on the server at the last sync with the
 *    change as a new revision on top, and documents never synced. Nothing
 *    else: one edit costs the same whatever the session's size;
 *    (A copy that holds nothing reads the session's documents instead: first-pull.ts.)
 * 3. push, then pull this session's documents changed on the server since the
 *    last sync (`since`, the server's update sequence then; CouchDB: a
 *    `_selector` filter; compatible servers: the same filter run on the client);
 * 4. validate every pulled revision with zod (parseTeamDoc): a malformed or
 *    hostile one is refused and reported, never applied;
 * 5. where CouchDB kept concurrent revisions (conflicts), join them field by
 *    field (the same merge as the offline file merge), write the result on
 *    one branch and close the others; push that;
 * 6. return the new state, with the revision each document now has, and the
 *    update sequence to start from next time.
 *
 * Network failures are retried with exponential backoff (replicate-retry.ts).
 * Wrong credentials, a forbidden database or a server that is not CouchDB
 * fail at once. The caller's state is never changed: a failed sync returns
 * nothing to write.
 */
import { parseTeamDoc, sessionDocPrefix, type TeamDoc } from '../../../shared/team/team-doc';
import { mergeDocs, sameDocContent, type TeamState } from '../../../shared/team/team-state';
import { TeamSyncError, type RemoteInfo } from './couch-access';
import {
  memoryDatabase,
  remoteDatabase,
  type PouchDatabase,
  type PouchDoc,
  type ReplicationOptions,
} from './pouch';
import { firstPull } from './first-pull';
import {
  probeWithRetry,
  replicateWithRetry,
  type RetryOptions,
  type RetryPolicy,
  type SyncProgress,
} from './replicate-retry';

export {
  DEFAULT_RETRY,
  type RetryPolicy,
  type SyncPhase,
  type SyncProgress,
} from './replicate-retry';

export interface SyncOptions extends RetryOptions {
  retry?: RetryPolicy;
  /** Documents per replication batch (default 100 for the push, 1000 for the pull). */
  batchSize?: number;
  onProgress?: (p: SyncProgress) => void;
  /**
   * The server's update sequence at the end of the last sync with this
   * remote (its {@link SyncOutcome.since}); absent: pull from the start.
   */
  since?: number | string;
}

export interface SyncOutcome {
  state: TeamState;
  /** Documents written to the server / pulled into this copy. */
  pushed: number;
  pulled: number;
  /** Documents from the server that failed validation, each with its reason. */
  refused: string[];
  server: RemoteInfo;
  /** Where the next sync with this remote starts its pull. */
  since: number | string;
}

function body(doc: TeamDoc): Record<string, unknown> {
  const { _rev, ...rest } = doc;
  void _rev;
  return rest;
}

/**
 * Load what is to be sent into a working database: documents never synced,
 * and locally changed ones as a new revision on top of the one they had.
 * Returns the ids loaded and the update sequence after loading.
 */
async function load(
  local: PouchDatabase,
  state: TeamState,
): Promise<{ ids: string[]; seq: number | string }> {
  const known: Record<string, unknown>[] = [];
  const edits: Record<string, unknown>[] = [];
  for (const doc of state.docs.values()) if (!doc._rev) edits.push(body(doc));
  for (const id of state.dirty) {
    const doc = state.docs.get(id);
    if (!doc?._rev) continue;
    // The synced revision (new_edits: false keeps its id; its content does not matter)…
    known.push({ ...body(doc), _rev: doc._rev });
    // …and the change on top of it.
    edits.push({ ...body(doc), _rev: doc._rev });
  }
  for (let i = 0; i < known.length; i += 1000)
    await local.bulkDocs(known.slice(i, i + 1000), { new_edits: false });
  for (let i = 0; i < edits.length; i += 1000) {
    const res = await local.bulkDocs(edits.slice(i, i + 1000));
    const bad = res.find((r) => r.error);
    if (bad)
      throw new TeamSyncError(
        `The local copy could not be prepared (${bad.reason ?? bad.error}).`,
        'server',
      );
  }
  return { ids: edits.map((d) => d._id as string), seq: (await local.info()).update_seq };
}

/**
 * The live (not deleted) leaf revisions of each document, read in pages: a
 * document without conflicts is its one revision (`allDocs`); only those with
 * conflicts are asked for every leaf.
 */
async function* leavesOf(
  local: PouchDatabase,
  ids: string[],
): AsyncGenerator<[string, PouchDoc[]]> {
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = (
      await local.allDocs({ keys: ids.slice(i, i + 1000), include_docs: true, conflicts: true })
    ).rows;
    for (const row of rows) {
      if (row.error || !row.value || row.value.deleted || !row.doc) {
        yield [row.id, []];
        continue;
      }
      const { _conflicts, ...doc } = row.doc as PouchDoc & { _conflicts?: string[] };
      if (!_conflicts?.length) {
        yield [row.id, [doc as PouchDoc]];
        continue;
      }
      const leaves = (await local.get(row.id, { open_revs: 'all' }))
        .map((l) => ('ok' in l ? l.ok : null))
        .filter((d): d is PouchDoc => !!d && !d._deleted);
      yield [row.id, leaves];
    }
  }
}

/** The ids of this session's documents the pull brought into the working copy. */
async function pulledIds(
  local: PouchDatabase,
  since: number | string,
  prefix: string,
): Promise<Set<string>> {
  const touched = new Set<string>();
  for (;;) {
    const ch = await local.changes({ since, limit: 1000 });
    for (const r of ch.results) if (r.id.startsWith(prefix)) touched.add(r.id);
    if (ch.results.length < 1000) return touched;
    since = ch.last_seq;
  }
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
  const pushBatch = opts.batchSize ?? 100;
  const pullBatch = opts.batchSize ?? 1000;
  const since = opts.since ?? 0;
  // Checkpoints go to the working copy only (it is thrown away): the pull starts from `since`.
  const pullOptions: ReplicationOptions = {
    since,
    checkpoint: 'target',
    batch_size: pullBatch,
    ...(server.couchdb
      ? { selector: { session: state.sessionId } }
      : { filter: (d: PouchDoc) => d._id.startsWith(prefix) }),
  };
  try {
    if (state.docs.size === 0 && opts.since === undefined) {
      // A copy that holds nothing: read the session's documents, no replication needed.
      const first = await firstPull(remote, state.sessionId, opts);
      if (first)
        return {
          state: { sessionId: state.sessionId, docs: first.docs, dirty: new Set() },
          pushed: 0,
          pulled: first.docs.size + first.refused.length,
          refused: first.refused,
          server,
          since: first.since,
        };
    }
    const loaded = await load(local, state);
    let pushed = loaded.ids.length
      ? (
          await replicateWithRetry(
            () => local.replicate.to(remote, { batch_size: pushBatch, checkpoint: 'source' }),
            'push',
            opts,
            'sending changes to',
          )
        ).written
      : 0;
    const pull = await replicateWithRetry(
      () => local.replicate.from(remote, pullOptions),
      'pull',
      opts,
      'reading',
    );

    // What the pull brought: validate, join concurrent revisions, note the revision now held.
    const touched = await pulledIds(local, loaded.seq, prefix);
    const refused: string[] = [];
    const docs = new Map(state.docs);
    const revs = new Map<string, string>();
    let resolutions = 0;
    for await (const [id, leaves] of leavesOf(local, [...touched])) {
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
      // The winning revision among the valid ones (CouchDB's rule: the deepest, then the highest).
      const base = await winner(local, id, valid);
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
      pushed += (
        await replicateWithRetry(
          () => local.replicate.to(remote, { batch_size: pushBatch, checkpoint: 'source' }),
          'resolve',
          opts,
          'sending merged changes to',
        )
      ).written;

    // The documents sent keep their content; their revision is the one the working copy holds.
    // Every other document is as it was, at the revision it had.
    const sent = loaded.ids.filter((id) => !revs.has(id));
    for (let i = 0; i < sent.length; i += 1000) {
      const rows = (await local.allDocs({ keys: sent.slice(i, i + 1000) })).rows;
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
      pulled: pull.written,
      refused,
      server,
      since: pull.result.last_seq ?? since,
    };
  } finally {
    await local.destroy().catch(() => undefined);
    await remote.close().catch(() => undefined);
  }
}

/** The revision PouchDB shows for `id` (its winner), among the valid leaves. */
async function winner(local: PouchDatabase, id: string, valid: TeamDoc[]): Promise<TeamDoc> {
  if (valid.length === 1) return valid[0]!;
  const w = await local.get(id);
  return valid.find((v) => v._rev === w._rev) ?? valid[0]!;
}
