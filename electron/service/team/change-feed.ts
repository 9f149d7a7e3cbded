/**
 * Watching a team database for changes to one session: CouchDB's `_changes`
 * feed, live (long-polled with heartbeats, PouchDB's HTTP adapter), so a
 * change a colleague pushes shows up within moments instead of at the next
 * poll. The feed only says *that* something changed (ids and revisions, no
 * documents); the pull itself is an ordinary sync (team-sync.ts), which
 * validates everything it brings.
 *
 * The feed reads the ids of every change in the database and keeps this
 * session's (`fcw:<session>:`): the same on CouchDB and compatible servers,
 * and cheap, since no document bodies travel. When the feed fails (the server
 * restarts, the connection drops) `onError` is called once and the watch is
 * over; the caller starts a new one after its backoff.
 */
import { sessionDocPrefix } from '../../../shared/team/team-doc';
import { describeNetworkError, TeamSyncError, type CouchCredentials } from './couch-access';
import { remoteDatabase } from './pouch';

export interface WatchOptions {
  remote: URL;
  credentials: CouchCredentials;
  sessionId: string;
  /** Start after this update sequence (the last sync's); default: from now. */
  since?: number | string;
  /** A document of the session changed on the server (`revs`: its new leaf revisions). */
  onChange(id: string, revs: string[]): void;
  /** The feed stopped (it is not restarted here). */
  onError(err: TeamSyncError): void;
  /** Heartbeat of the long-polled feed (default 10 s). */
  heartbeatMs?: number;
}

/** A running watch; `cancel` ends it without calling `onError`. */
export interface Watch {
  cancel(): void;
}

interface ChangeRow {
  id: string;
  changes?: { rev: string }[];
}

interface ChangesFeed {
  on(event: 'change', fn: (c: ChangeRow) => void): ChangesFeed;
  on(event: 'error', fn: (err: unknown) => void): ChangesFeed;
  on(event: 'complete', fn: (info: unknown) => void): ChangesFeed;
  cancel(): void;
}

/** Watch the team database for changes to a session (see the module comment). */
export function watchRemote(opts: WatchOptions): Watch {
  const db = remoteDatabase(opts.remote, opts.credentials);
  const prefix = sessionDocPrefix(opts.sessionId);
  let over = false;
  const end = (err: unknown) => {
    if (over) return;
    over = true;
    void db.close().catch(() => undefined);
    const status = (err as { status?: number } | undefined)?.status;
    opts.onError(
      err instanceof TeamSyncError
        ? err
        : status === 401 || status === 403
          ? new TeamSyncError(
              'The team server no longer lets this user read the database.',
              'forbidden',
            )
          : new TeamSyncError(
              `The team server's changes feed stopped: ${describeNetworkError(err)}.`,
              'unreachable',
            ),
    );
  };
  const feed = (db as unknown as { changes(o: Record<string, unknown>): ChangesFeed }).changes({
    live: true,
    since: opts.since ?? 'now',
    heartbeat: opts.heartbeatMs ?? 10_000,
    return_docs: false,
  });
  feed.on('change', (c) => {
    if (!over && c.id.startsWith(prefix))
      opts.onChange(
        c.id,
        (c.changes ?? []).map((x) => x.rev),
      );
  });
  feed.on('error', end);
  // A live feed completes only when cancelled; anything else is an error.
  feed.on('complete', () => end(new Error('the feed ended')));
  return {
    cancel() {
      if (over) return;
      over = true;
      feed.cancel();
      void db.close().catch(() => undefined);
    },
  };
}
