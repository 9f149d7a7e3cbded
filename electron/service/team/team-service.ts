/**
 * The `team.*` methods of the API (and `sessions.mergeFile`): the reviewer's
 * identity, the connection to a team database, the team's sessions, sharing
 * and opening one, and for each tracked session its live sync
 * ({@link SessionSync}), disagreements, resolutions, status and history.
 *
 * The renderer never talks to the team server: everything goes through
 * here, with PouchDB replication underneath (team-sync.ts). Credentials are
 * kept by {@link TeamFiles} and appear in no answer, event or message.
 */
import type { ApiMethod, ApiRequest, ApiResponses, ApiResult } from '../../../shared/api/contract';
import type { TeamSessionInfo } from '../../../shared/api/team-types';
import { SCHEMA_VERSION } from '../../../shared/model/session-schema';
import type { SessionOp } from '../../../shared/session/op-schema';
import { changeStatus, resolveDisagreement } from '../../../shared/team/record-changes';
import { itemHistory, untrackedInfo } from '../../../shared/team/team-info';
import { readTeamSessionText, showState, upToDate } from '../../../shared/team/team-session';
import {
  emptyTeamState,
  mergeStates,
  type ChangeContext,
  type TeamState,
} from '../../../shared/team/team-state';
import type { TeamFileInfo } from '../../../shared/team/team-file';
import { materialize } from '../../../shared/team/materialize';
import { validateSession } from '../../../shared/session/validate-session';
import { recordSession } from '../../../shared/team/record-changes';
import { makeReviewer } from '../../../shared/team/reviewer';
import { isSafeSessionId } from '../store/store-layout';
import type { SessionStore } from '../store';
import { checkRemoteUrl, probeRemote, showRemote, TeamSyncError } from './couch-access';
import { TeamFiles, type SecretBox } from './team-files';
import { DEFAULT_TIMING, SessionSync, type SyncTiming } from './session-sync';

type TeamMethod = Extract<ApiMethod, `team.${string}`> | 'sessions.mergeFile';
export type TeamHandlers = {
  [M in TeamMethod]: (req: ApiRequest<M>) => Promise<ApiResult<ApiResponses[M]>>;
};

export interface TeamServiceOptions {
  dataDir: string;
  store: SessionStore;
  clock: () => string;
  secrets?: SecretBox;
  timing?: Partial<SyncTiming>;
  onInfo(id: string, info: TeamSessionInfo): void;
  onHostChange(id: string, revision: number, ops: SessionOp[]): void;
}

export interface TeamService {
  handlers: TeamHandlers;
  /** A batch was saved to a session: record it for the team (if the session is tracked). */
  edited(id: string): void;
  close(): Promise<void>;
}

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
const refused = (message: string): ApiResult<never> => ({
  ok: false,
  error: { code: 'refused', message },
});

/** A TeamSyncError (or anything thrown) as an API error, in words. */
function asError(err: unknown): ApiResult<never> {
  if (err instanceof TeamSyncError)
    return {
      ok: false,
      error: { code: err.kind === 'usage' ? 'invalid-request' : 'refused', message: err.message },
    };
  throw err;
}

export function createTeamService(opts: TeamServiceOptions): TeamService {
  const files = new TeamFiles(opts.dataDir, opts.secrets);
  const timing: SyncTiming = { ...DEFAULT_TIMING, ...opts.timing };
  const tracked = new Map<string, Promise<SessionSync | null>>();
  let closed = false;

  const context = async (): Promise<ChangeContext> => {
    const me = await files.identity();
    const r = makeReviewer(me.name || 'Unnamed reviewer', me.role, me.id);
    if (typeof r === 'string') throw new TeamSyncError(r, 'usage');
    return { reviewer: r, now: opts.clock() };
  };

  const connected = async () => {
    const c = await files.connection();
    if (!c) throw new TeamSyncError('Connect to a team database first (Library → Team).', 'usage');
    return {
      c,
      url: checkRemoteUrl(c.url, c.allowInsecureHttp),
      credentials: await files.credentials(),
    };
  };

  const sessionSync = (id: string, state: TeamState, info: TeamFileInfo) =>
    new SessionSync(id, state, info, {
      store: opts.store,
      timing,
      context,
      async sync(s, remote) {
        const { url, credentials } = await connected();
        if (showRemote(url) !== remote)
          throw new TeamSyncError(
            `This session syncs with ${remote}, but the app is connected to ${showRemote(url)}.`,
            'usage',
          );
        const { syncTeamState } = await import('./team-sync');
        return syncTeamState(s, { remote: url, credentials, retry: timing.retry });
      },
      persist: (s, session, fileInfo) => files.writeState(s, session, fileInfo),
      changed: (sid, i) => opts.onInfo(sid, i),
      hostChanged: (sid, rev, ops) => opts.onHostChange(sid, rev, ops),
    });

  /** Why a session's team copy could not be loaded (a damaged team file), by session id. */
  const unreadable = new Map<string, string>();

  /** The tracked session, loaded from its team file on first use; null when not tracked. */
  const track = (id: string): Promise<SessionSync | null> => {
    let p = tracked.get(id);
    if (!p) {
      p = (async () => {
        if (closed || !isSafeSessionId(id) || !(await files.hasState(id))) return null;
        const opened = await opts.store.open(id);
        if (!opened.ok) return null;
        const r = await files.readState(opened.value.session);
        return r ? sessionSync(id, r.state, r.info) : null;
      })().catch((err: unknown) => {
        unreadable.set(id, (err as Error).message);
        return null;
      });
      tracked.set(id, p);
      void p.then((s) => {
        if (!s) tracked.delete(id);
      });
    }
    return p;
  };

  // Shared sessions sync from the start, open or not: changes made offline go when the server is back.
  void files.trackedIds().then((ids) => {
    for (const id of ids) void track(id);
  });

  const startTracking = (s: SessionSync): SessionSync => {
    tracked.set(s.id, Promise.resolve(s));
    return s;
  };

  const infoOf = async (id: string): Promise<TeamSessionInfo> => {
    const s = await track(id);
    if (s) return s.describe();
    const info = untrackedInfo(id);
    const problem = unreadable.get(id);
    return problem ? { ...info, refused: [problem] } : info;
  };

  const handlers: TeamHandlers = {
    'team.identity': async () => ok(await files.identity()),
    'team.setIdentity': async ({ name, role }) => {
      const r = await files.setIdentity(name, role);
      return typeof r === 'string' ? refused(r) : ok(r);
    },
    'team.connection': async () => {
      const c = await files.connection();
      return ok(c ? { url: c.url, user: c.user, server: c.server } : null);
    },
    'team.connect': async ({ url, user, password, allowInsecureHttp }) => {
      try {
        const u = checkRemoteUrl(url, !!allowInsecureHttp);
        const credentials = { user, password };
        const info = await probeRemote(u, credentials);
        const c = { url: showRemote(u), user, server: info.vendor };
        await files.saveConnection({ ...c, allowInsecureHttp: !!allowInsecureHttp }, credentials);
        for (const p of tracked.values()) void p.then((s) => s?.syncSoon());
        return ok(c);
      } catch (err) {
        return asError(err);
      }
    },
    'team.disconnect': async () => ok({ disconnected: await files.forgetConnection() }),
    'team.list': async () => {
      try {
        const { url, credentials } = await connected();
        const { listTeamSessions } = await import('./team-remote');
        return ok(await listTeamSessions(url, credentials, (id) => opts.store.has(id)));
      } catch (err) {
        return asError(err);
      }
    },
    'team.share': async ({ id }) => {
      try {
        const { url } = await connected();
        const me = await files.identity();
        if (!me.name) return refused('Set your reviewer name in Settings before sharing.');
        let s = await track(id);
        if (!s) {
          const opened = await opts.store.open(id);
          if (!opened.ok) return opened;
          const r = recordSession(null, opened.value.session, await context());
          if (!r.ok) return refused(r.problem);
          s = startTracking(sessionSync(id, r.state, {}));
        }
        await s.run(() => s.attach(showRemote(url)));
        return ok(await s.describe());
      } catch (err) {
        return asError(err);
      }
    },
    'team.open': async ({ sessionId }) => {
      try {
        if (!isSafeSessionId(sessionId)) return refused('That is not a session id.');
        if (opts.store.has(sessionId)) {
          const s = await track(sessionId);
          s?.syncSoon();
          return opts.store.open(sessionId);
        }
        const { url, credentials } = await connected();
        const me = await files.identity();
        if (!me.name)
          return refused('Set your reviewer name in Settings before opening a team session.');
        const { syncTeamState } = await import('./team-sync');
        const out = await syncTeamState(emptyTeamState(sessionId), {
          remote: url,
          credentials,
          retry: timing.retry,
        });
        const m = materialize(out.state, {
          schemaVersion: SCHEMA_VERSION,
          createdAt: opts.clock(),
          revision: 0,
          reviewerName: me.name,
          view: { openArticleId: null, scroll: {} },
        });
        if (typeof m === 'string')
          return refused(`There is no session ${sessionId} in the team database.`);
        const valid = validateSession(m.session);
        if (!valid.ok) return refused(`The team session is not valid: ${valid.problems[0]}`);
        const created = await opts.store.create(m.session);
        if (!created.ok) return created;
        const s = startTracking(sessionSync(sessionId, out.state, {}));
        await s.run(() => s.attach(showRemote(url)));
        return created;
      } catch (err) {
        return asError(err);
      }
    },
    'team.session': async ({ id }) => {
      try {
        return ok(await infoOf(id));
      } catch (err) {
        return asError(err);
      }
    },
    'team.sync': async ({ id }) => {
      const s = await track(id);
      if (!s?.remote) return refused('This session is not shared with a team database.');
      s.syncSoon();
      return ok(await s.describe());
    },
    'team.resolve': async ({ id, docId, field, choice }) => {
      const s = await track(id);
      if (!s) return refused('This session has no disagreements: it is not shared.');
      try {
        const ctx = await context();
        const r = await s.run(() =>
          s.change((state, session) => {
            const v = showState(state, session);
            if (typeof v === 'string') return { ok: false, problem: v };
            const d = v.shown.disagreements.find((x) => x.docId === docId && x.field === field);
            if (!d) return { ok: false, problem: 'That disagreement is settled already.' };
            const picked = d.values[choice];
            if (!picked)
              return { ok: false, problem: 'That value is not one of those in dispute.' };
            const value = field === 'deleted' ? picked.value === 'deleted' : picked.value;
            return resolveDisagreement(state, docId, field, value, ctx);
          }),
        );
        if (!r.ok) return r;
        return ok({ ...r.value, info: await s.describe() });
      } catch (err) {
        return asError(err);
      }
    },
    'team.setStatus': async ({ id, status }) => {
      const s = await track(id);
      if (!s) return refused('Share the session with the team before changing its status.');
      const ctx = await context();
      const r = await s.run(() =>
        s.change((state, session) => changeStatus(state, session, status, ctx)),
      );
      return r.ok ? ok(await s.describe()) : r;
    },
    'team.history': async ({ id, itemId }) => {
      const s = await track(id);
      if (!s) return ok([]);
      const opened = await opts.store.open(id);
      if (!opened.ok) return opened;
      await s.run(() => s.record());
      return ok(itemHistory(s.teamState, opened.value.session, itemId));
    },
    'sessions.mergeFile': async ({ id, content }) => {
      const read = readTeamSessionText(content);
      if (!read.ok) return refused(`That file cannot be merged: ${read.message}`);
      const theirs = read.file;
      const opened = await opts.store.open(id);
      if (!opened.ok) return opened;
      if (theirs.session.id !== id)
        return refused(
          'That file holds another session (its session id differs); only copies of this session can be merged.',
        );
      const ctx = await context();
      let s = await track(id);
      if (!s) {
        const r = recordSession(null, opened.value.session, ctx);
        if (!r.ok) return refused(r.problem);
        s = startTracking(sessionSync(id, r.state, {}));
      }
      // The colleague's unrecorded changes are theirs (the reviewer named in their file).
      const named = makeReviewer(theirs.session.settings.reviewer.trim() || 'Unnamed reviewer');
      const theirState = upToDate(theirs, {
        reviewer: typeof named === 'string' ? ctx.reviewer : named,
        now: ctx.now,
      });
      if (typeof theirState === 'string') return refused(theirState);
      const r = await s.run(() => s!.change((mine) => mergeStates(mine, theirState)));
      if (!r.ok) return r;
      return ok({ ...r.value, info: await s.describe() });
    },
  };

  return {
    handlers,
    edited(id) {
      void track(id).then((s) => s?.edited());
    },
    async close() {
      closed = true;
      for (const p of tracked.values()) (await p)?.close();
    },
  };
}
