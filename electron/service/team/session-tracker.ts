/**
 * The service's tracked sessions: each shared (or merged) session's
 * {@link SessionSync}, loaded from its team file on first use and kept while
 * the service runs, with what every handler needs around it: the reviewer as
 * a change context, the connected team database (URL and credentials), and
 * the team info of any session (tracked or not).
 *
 * Credentials are read from {@link TeamFiles} when a sync needs them and go
 * nowhere else.
 */
import type { TeamSessionInfo } from '../../../shared/api/team-types';
import type { SessionOp } from '../../../shared/session/op-schema';
import { untrackedInfo } from '../../../shared/team/team-info';
import type { ChangeContext, TeamState } from '../../../shared/team/team-state';
import type { TeamFileInfo } from '../../../shared/team/team-file';
import { makeReviewer } from '../../../shared/team/reviewer';
import { isSafeSessionId } from '../store/store-layout';
import type { SessionStore } from '../store';
import { checkRemoteUrl, showRemote, TeamSyncError, type CouchCredentials } from './couch-access';
import type { StoredConnection, TeamFiles } from './team-files';
import { SessionSync, type SyncTiming } from './session-sync';

export interface TrackerOptions {
  store: SessionStore;
  files: TeamFiles;
  timing: SyncTiming;
  clock: () => string;
  onInfo(id: string, info: TeamSessionInfo): void;
  onHostChange(id: string, revision: number, ops: SessionOp[]): void;
}

/** The connected team database: what is stored, the checked URL and the credentials. */
export interface Connected {
  c: StoredConnection;
  url: URL;
  credentials: CouchCredentials;
}

export class SessionTracker {
  private readonly tracked = new Map<string, Promise<SessionSync | null>>();
  /** Why a session's team copy could not be loaded (a damaged team file), by session id. */
  private readonly unreadable = new Map<string, string>();
  private closed = false;

  constructor(private readonly opts: TrackerOptions) {
    // Shared sessions sync from the start, open or not: changes made offline go when the
    // server is back.
    void opts.files.trackedIds().then((ids) => {
      for (const id of ids) void this.track(id);
    });
  }

  /** Who changes, now. Throws a usage TeamSyncError when the reviewer is not usable. */
  async context(): Promise<ChangeContext> {
    const me = await this.opts.files.identity();
    const r = makeReviewer(me.name || 'Unnamed reviewer', me.role, me.id);
    if (typeof r === 'string') throw new TeamSyncError(r, 'usage');
    return { reviewer: r, now: this.opts.clock() };
  }

  /** The connected team database; throws a usage TeamSyncError when there is none. */
  async connected(): Promise<Connected> {
    const c = await this.opts.files.connection();
    if (!c) throw new TeamSyncError('Connect to a team database first (Library → Team).', 'usage');
    return {
      c,
      url: checkRemoteUrl(c.url, c.allowInsecureHttp),
      credentials: await this.opts.files.credentials(),
    };
  }

  /** The connected database, checked to be the one a session syncs with. */
  private async connectedTo(remote: string): Promise<Connected> {
    const conn = await this.connected();
    if (showRemote(conn.url) !== remote)
      throw new TeamSyncError(
        `This session syncs with ${remote}, but the app is connected to ${showRemote(conn.url)}.`,
        'usage',
      );
    return conn;
  }

  /** A new live sync for a session (not tracked until {@link start}). */
  create(id: string, state: TeamState, info: TeamFileInfo): SessionSync {
    const { opts } = this;
    return new SessionSync(id, state, info, {
      store: opts.store,
      timing: opts.timing,
      context: () => this.context(),
      sync: async (s, remote, since) => {
        const { url, credentials } = await this.connectedTo(remote);
        const { syncTeamState } = await import('./team-sync');
        return syncTeamState(s, { remote: url, credentials, retry: opts.timing.retry, since });
      },
      watch: async (remote, sessionId, handlers) => {
        const { url, credentials } = await this.connectedTo(remote);
        const { watchRemote } = await import('./change-feed');
        return watchRemote({ remote: url, credentials, sessionId, ...handlers });
      },
      persist: (s, session, fileInfo) => opts.files.writeState(s, session, fileInfo),
      changed: (sid, i) => opts.onInfo(sid, i),
      hostChanged: (sid, rev, ops) => opts.onHostChange(sid, rev, ops),
    });
  }

  /** The tracked session, loaded from its team file on first use; null when not tracked. */
  track(id: string): Promise<SessionSync | null> {
    let p = this.tracked.get(id);
    if (!p) {
      p = (async () => {
        if (this.closed || !isSafeSessionId(id) || !(await this.opts.files.hasState(id)))
          return null;
        const opened = await this.opts.store.open(id);
        if (!opened.ok) return null;
        const r = await this.opts.files.readState(opened.value.session);
        return r ? this.create(id, r.state, r.info) : null;
      })().catch((err: unknown) => {
        this.unreadable.set(id, (err as Error).message);
        return null;
      });
      this.tracked.set(id, p);
      void p.then((s) => {
        if (!s) this.tracked.delete(id);
      });
    }
    return p;
  }

  /** Track a session made here (shared, opened from the team, merged). */
  start(s: SessionSync): SessionSync {
    this.tracked.set(s.id, Promise.resolve(s));
    return s;
  }

  /** Every tracked session, now. */
  async all(): Promise<SessionSync[]> {
    const out: SessionSync[] = [];
    for (const p of this.tracked.values()) {
      const s = await p;
      if (s) out.push(s);
    }
    return out;
  }

  /** The team info of a session, tracked or not (a damaged team copy says so). */
  async infoOf(id: string): Promise<TeamSessionInfo> {
    const s = await this.track(id);
    if (s) return s.describe();
    const info = untrackedInfo(id);
    const problem = this.unreadable.get(id);
    return problem ? { ...info, refused: [problem] } : info;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.tracked.values()) (await p)?.close();
  }
}
