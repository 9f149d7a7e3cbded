/**
 * A portable session file with its team section, as one value: read it,
 * bring its team state up to date with the session (changes made where the
 * team layer was not looking, such as an import), show the result, write it.
 * The CLI commands and the service use these; the offline file merge
 * ({@link mergeTeamSessions}) is the same join as a sync.
 */
import type { Session } from '../model/session';
import { validateSession } from '../session/validate-session';
import { readPortableSession, renderPortableSession } from '../interchange/portable-session';
import { materialize, localPartsOf, type Materialized } from './materialize';
import { recordSession } from './record-changes';
import { packTeamState, unpackTeamState, type TeamFileInfo } from './team-file';
import { mergeStates, type ChangeContext, type TeamState } from './team-state';

/** A session file's contents: the session, its team state (null if never shared) and sync bookkeeping. */
export interface TeamSessionFile {
  session: Session;
  state: TeamState | null;
  info: TeamFileInfo;
}

export type TeamSessionRead =
  { ok: true; file: TeamSessionFile } | { ok: false; message: string; problems: string[] };

/** Read a `.fcw.json` text with its team section. Never throws. */
export function readTeamSessionText(text: string): TeamSessionRead {
  const r = readPortableSession(text);
  if (!r.ok) return { ok: false, message: r.error.message, problems: r.problems };
  if (r.team === undefined)
    return { ok: true, file: { session: r.session, state: null, info: {} } };
  const t = unpackTeamState(r.team, r.session);
  if (!t.ok) return { ok: false, message: t.problems[0]!, problems: t.problems };
  return { ok: true, file: { session: r.session, state: t.state, info: t.info } };
}

/** The result of a change: the new team state and the session it shows. */
export interface TeamView {
  state: TeamState;
  shown: Materialized;
}

/**
 * Show a state as a session. The session keeps `base`'s local parts (view,
 * reviewer name, creation time) and its revision, counted up once when the
 * shown content differs. Returns a sentence when the result is not a valid
 * session (a bug or a damaged state; nothing should be written then).
 */
export function showState(state: TeamState, base: Session): TeamView | string {
  const m = materialize(state, localPartsOf(base));
  if (typeof m === 'string') return m;
  const valid = validateSession(m.session);
  if (!valid.ok) return `The merged session is not valid: ${valid.problems[0]}`;
  return { state, shown: m };
}

/** Record what changed in the file's session since its team state last showed it. */
export function upToDate(file: TeamSessionFile, ctx: ChangeContext): TeamState | string {
  const r = recordSession(file.state, file.session, ctx);
  return r.ok ? r.state : r.problem;
}

/** The file's text after a change. The revision counts up when the shown session changed. */
export function renderTeamSessionText(
  previous: Session,
  view: TeamView,
  info: TeamFileInfo,
  exportedAt: string,
): string {
  const s = view.shown.session;
  const changed =
    JSON.stringify({ ...s, revision: 0, updatedAt: '' }) !==
    JSON.stringify({ ...previous, revision: 0, updatedAt: '' });
  const session: Session = changed
    ? { ...s, revision: previous.revision + 1 }
    : { ...s, revision: previous.revision, updatedAt: previous.updatedAt };
  return renderPortableSession(session, exportedAt, packTeamState(view.state, session, info));
}

/**
 * Merge two files of the same session offline: each side's unrecorded
 * changes are recorded first (for the reviewer named in its settings, or
 * `ctx`'s), then the two states are joined. Returns a sentence when the files
 * hold different sessions.
 */
export function mergeTeamSessions(
  a: TeamSessionFile,
  b: TeamSessionFile,
  ctx: ChangeContext,
  reviewerOf: (file: TeamSessionFile) => ChangeContext = () => ctx,
): TeamView | string {
  if (a.session.id !== b.session.id)
    return 'The two files hold different sessions (their session ids differ); only copies of one session can be merged.';
  const sa = upToDate(a, reviewerOf(a));
  if (typeof sa === 'string') return sa;
  const sb = upToDate(b, reviewerOf(b));
  if (typeof sb === 'string') return sb;
  return showState(mergeStates(sa, sb), a.session);
}
