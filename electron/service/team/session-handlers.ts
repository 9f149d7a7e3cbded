/**
 * The `team.*` methods on one session (share, open from the team, its info,
 * sync now, settle a disagreement, status, history) and
 * `sessions.mergeFile` (a colleague's `.fcw.json` of the same session, merged
 * with the same rules as a sync).
 */
import { SCHEMA_VERSION } from '../../../shared/model/session-schema';
import {
  changeStatus,
  recordSession,
  resolveDisagreement,
} from '../../../shared/team/record-changes';
import { itemHistory } from '../../../shared/team/team-info';
import { readTeamSessionText, showState, upToDate } from '../../../shared/team/team-session';
import { emptyTeamState, mergeStates } from '../../../shared/team/team-state';
import { materialize } from '../../../shared/team/materialize';
import { validateSession } from '../../../shared/session/validate-session';
import { makeReviewer } from '../../../shared/team/reviewer';
import { isSafeSessionId } from '../store/store-layout';
import type { SessionStore } from '../store';
import { showRemote } from './couch-access';
import type { TeamFiles } from './team-files';
import type { SessionTracker } from './session-tracker';
import type { SyncTiming } from './session-sync';
import type { TeamHandlers } from './team-service';
import { asError, ok, refused } from './team-results';

type SessionMethod = Exclude<
  keyof TeamHandlers,
  | 'team.identity'
  | 'team.setIdentity'
  | 'team.connection'
  | 'team.connect'
  | 'team.disconnect'
  | 'team.list'
>;

export interface SessionHandlerDeps {
  files: TeamFiles;
  tracker: SessionTracker;
  store: SessionStore;
  timing: SyncTiming;
  clock: () => string;
}

export function sessionHandlers({
  files,
  tracker,
  store,
  timing,
  clock,
}: SessionHandlerDeps): Pick<TeamHandlers, SessionMethod> {
  return {
    'team.share': async ({ id }) => {
      try {
        const { url } = await tracker.connected();
        const me = await files.identity();
        if (!me.name) return refused('Set your reviewer name in Settings before sharing.');
        let s = await tracker.track(id);
        if (!s) {
          const opened = await store.open(id);
          if (!opened.ok) return opened;
          const r = recordSession(null, opened.value.session, await tracker.context());
          if (!r.ok) return refused(r.problem);
          s = tracker.start(tracker.create(id, r.state, {}));
        }
        const shared = s;
        await shared.run(() => shared.attach(showRemote(url)));
        return ok(await shared.describe());
      } catch (err) {
        return asError(err);
      }
    },
    'team.open': async ({ sessionId }) => {
      try {
        if (!isSafeSessionId(sessionId)) return refused('That is not a session id.');
        if (store.has(sessionId)) {
          const s = await tracker.track(sessionId);
          s?.syncSoon();
          return store.open(sessionId);
        }
        const { url, credentials } = await tracker.connected();
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
          createdAt: clock(),
          revision: 0,
          reviewerName: me.name,
          view: { openArticleId: null, scroll: {} },
        });
        if (typeof m === 'string')
          return refused(`There is no session ${sessionId} in the team database.`);
        const valid = validateSession(m.session);
        if (!valid.ok) return refused(`The team session is not valid: ${valid.problems[0]}`);
        const created = await store.create(m.session);
        if (!created.ok) return created;
        const s = tracker.start(tracker.create(sessionId, out.state, { since: out.since }));
        await s.run(() => s.attach(showRemote(url)));
        return created;
      } catch (err) {
        return asError(err);
      }
    },
    'team.session': async ({ id }) => {
      try {
        return ok(await tracker.infoOf(id));
      } catch (err) {
        return asError(err);
      }
    },
    'team.sync': async ({ id }) => {
      const s = await tracker.track(id);
      if (!s?.remote) return refused('This session is not shared with a team database.');
      s.syncSoon();
      return ok(await s.describe());
    },
    'team.resolve': async ({ id, docId, field, choice }) => {
      const s = await tracker.track(id);
      if (!s) return refused('This session has no disagreements: it is not shared.');
      try {
        const ctx = await tracker.context();
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
      const s = await tracker.track(id);
      if (!s) return refused('Share the session with the team before changing its status.');
      const ctx = await tracker.context();
      const r = await s.run(() =>
        s.change((state, session) => changeStatus(state, session, status, ctx)),
      );
      return r.ok ? ok(await s.describe()) : r;
    },
    'team.history': async ({ id, itemId }) => {
      const s = await tracker.track(id);
      if (!s) return ok([]);
      const opened = await store.open(id);
      if (!opened.ok) return opened;
      await s.run(() => s.record());
      return ok(itemHistory(s.teamState, opened.value.session, itemId));
    },
    'sessions.mergeFile': async ({ id, content }) => {
      const read = readTeamSessionText(content);
      if (!read.ok) return refused(`That file cannot be merged: ${read.message}`);
      const theirs = read.file;
      const opened = await store.open(id);
      if (!opened.ok) return opened;
      if (theirs.session.id !== id)
        return refused(
          'That file holds another session (its session id differs); only copies of this session can be merged.',
        );
      const ctx = await tracker.context();
      let s = await tracker.track(id);
      if (!s) {
        const r = recordSession(null, opened.value.session, ctx);
        if (!r.ok) return refused(r.problem);
        s = tracker.start(tracker.create(id, r.state, {}));
      }
      // The colleague's unrecorded changes are theirs (the reviewer named in their file).
      const named = makeReviewer(theirs.session.settings.reviewer.trim() || 'Unnamed reviewer');
      const theirState = upToDate(theirs, {
        reviewer: typeof named === 'string' ? ctx.reviewer : named,
        now: ctx.now,
      });
      if (typeof theirState === 'string') return refused(theirState);
      const merging = s;
      const r = await merging.run(() => merging.change((mine) => mergeStates(mine, theirState)));
      if (!r.ok) return r;
      return ok({ ...r.value, info: await merging.describe() });
    },
  };
}
