/**
 * The portable session file (`.fcw.json`): one file a colleague can open on
 * another machine. It wraps the session (which already holds snapshots of
 * its articles' canonical text with their SHA-256) with a format marker and
 * a version:
 *
 * ```json
 * { "format": "factcheck-workbench-session", "formatVersion": 1,
 *   "exportedAt": "…", "generator": "Factcheck Workbench", "session": { … } }
 * ```
 *
 * Reading is strict: the JSON must parse, the marker must be right, the
 * versions must not be newer than this build understands, and the session
 * must pass {@link validateSession} (schema, hashes, cross-references). A bare
 * session as the store keeps it is accepted too. Nothing is ever partly
 * accepted.
 */
import type { ApiError } from '../api/contract';
import type { Session } from '../model/session';
import { SCHEMA_VERSION } from '../model/session-schema';
import { validateSession } from '../session/validate-session';
import { newId } from '../model/ids';
import { stringifyJsonSafe } from './safe-json';

export const PORTABLE_FORMAT = 'factcheck-workbench-session';
export const PORTABLE_VERSION = 1;
export const PORTABLE_EXTENSION = '.fcw.json';

export interface PortableSessionFile {
  format: typeof PORTABLE_FORMAT;
  formatVersion: typeof PORTABLE_VERSION;
  exportedAt: string;
  generator: string;
  session: Session;
  /** Team review: the shared documents and sync bookkeeping (shared/team/team-file.ts). */
  team?: unknown;
}

/**
 * The portable file's text. Pretty-printed (2 spaces) so it diffs well. `team`
 * (a team section, written after the session) is passed through as given.
 */
export function renderPortableSession(
  session: Session,
  exportedAt: string,
  team?: unknown,
): string {
  const file: PortableSessionFile = {
    format: PORTABLE_FORMAT,
    formatVersion: PORTABLE_VERSION,
    exportedAt,
    generator: 'Factcheck Workbench',
    session,
  };
  if (team !== undefined) file.team = team;
  return `${stringifyJsonSafe(file, 2)}\n`;
}

export type PortableRead =
  /** `team`: the wrapper's team section, unvalidated (read it with shared/team/team-file.ts). */
  | { ok: true; session: Session; wrapped: boolean; team?: unknown }
  /** `problems` lists everything found (at most a few sentences); `error.message` says it in one line. */
  | { ok: false; error: ApiError; problems: string[] };

function fail(
  code: ApiError['code'],
  message: string,
  problems: string[] = [message],
): PortableRead {
  return { ok: false, error: { code, message }, problems };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Read a portable session file (or a bare session). Never throws. Errors:
 * `damaged` (not JSON, not a session, fails validation), `read-only`
 * (written by a newer version), `unsupported` (an older session version this
 * build cannot migrate).
 */
export function readPortableSession(text: string): PortableRead {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return fail(
      'damaged',
      `The file is not valid JSON (${err instanceof Error ? err.message : 'parse error'}).`,
    );
  }
  if (!isObject(data))
    return fail('damaged', 'The file does not hold a Factcheck Workbench session.');
  let wrapped = false;
  let session: unknown = data;
  if ('format' in data || 'formatVersion' in data) {
    if (data.format !== PORTABLE_FORMAT) {
      return fail(
        'damaged',
        `The file is not a Factcheck Workbench session file (format "${String(data.format).slice(0, 80)}").`,
      );
    }
    const v = data.formatVersion;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
      return fail('damaged', 'The session file has no valid format version.');
    if (v > PORTABLE_VERSION) {
      return fail(
        'read-only',
        `The session file was written by a newer version of Factcheck Workbench (file format ${v}; this version reads up to ${PORTABLE_VERSION}). Update the app to open it.`,
      );
    }
    wrapped = true;
    session = data.session;
    if (!isObject(session)) return fail('damaged', 'The session file has no session in it.');
  } else if (!('schemaVersion' in data)) {
    return fail('damaged', 'The file does not hold a Factcheck Workbench session.');
  }
  const sv = (session as Record<string, unknown>).schemaVersion;
  if (typeof sv === 'number' && sv > SCHEMA_VERSION) {
    return fail(
      'read-only',
      `The session was written by a newer version of Factcheck Workbench (session version ${sv}; this version understands up to ${SCHEMA_VERSION}). Update the app to open it.`,
    );
  }
  if (typeof sv === 'number' && sv < SCHEMA_VERSION) {
    return fail('unsupported', `The session has version ${sv}, which this version cannot convert.`);
  }
  const valid = validateSession(session);
  if (!valid.ok) {
    return fail(
      'damaged',
      `The session file is damaged: ${valid.problems[0] ?? 'it failed validation'}.`,
      valid.problems,
    );
  }
  return wrapped && data.team !== undefined
    ? { ok: true, session: valid.value, wrapped, team: data.team }
    : { ok: true, session: valid.value, wrapped };
}

/**
 * A copy of a session with fresh ids for the session and everything in it
 * (articles, speakers, annotations, links), references and view state
 * remapped. Used when an imported file's id already exists and the user
 * chooses "import a copy".
 */
export function copySessionWithNewIds(session: Session, makeId: () => string = newId): Session {
  const map = new Map<string, string>();
  const remap = (id: string) => {
    let n = map.get(id);
    if (!n) {
      n = makeId();
      map.set(id, n);
    }
    return n;
  };
  const articles = session.articles.map((a) => ({ ...a, id: remap(a.id) }));
  const speakers = session.speakers.map((s) => ({ ...s, id: remap(s.id) }));
  const annotations = session.annotations.map((a) => ({
    ...a,
    id: remap(a.id),
    speakerId: a.speakerId === null ? null : remap(a.speakerId),
    target: { ...a.target, articleId: remap(a.target.articleId) },
  }));
  const links = session.links.map((l) => ({
    ...l,
    id: remap(l.id),
    from: remap(l.from),
    to: remap(l.to),
  }));
  const scroll: Record<string, number> = {};
  for (const [k, v] of Object.entries(session.view.scroll)) if (map.has(k)) scroll[map.get(k)!] = v;
  return {
    ...session,
    id: makeId(),
    articles,
    speakers,
    annotations,
    links,
    view: {
      openArticleId:
        session.view.openArticleId === null ? null : (map.get(session.view.openArticleId) ?? null),
      scroll,
    },
  };
}

/** What to do with an opened portable file (the store carries it out). */
export type PortableImportPlan =
  /** No session has this id: create it as it is. */
  | { action: 'create'; session: Session }
  /** A session with this id exists and the user has not chosen yet: ask, naming it. */
  | { action: 'ask'; existingId: string }
  /** Import as a copy with fresh ids (the user chose "import a copy"). */
  | { action: 'copy'; session: Session }
  /** Replace the existing session; the store keeps a backup of the one it replaces first. */
  | { action: 'replace'; session: Session };

/**
 * Decide how to import a portable file's text given which session ids exist.
 * Pure; refusals are the errors of {@link readPortableSession}.
 */
export function planPortableImport(
  text: string,
  exists: (id: string) => boolean,
  onConflict: 'ask' | 'copy' | 'replace',
  makeId: () => string = newId,
): { ok: true; plan: PortableImportPlan } | { ok: false; error: ApiError; problems: string[] } {
  const read = readPortableSession(text);
  if (!read.ok) return read;
  const s = read.session;
  if (!exists(s.id)) return { ok: true, plan: { action: 'create', session: s } };
  if (onConflict === 'ask') return { ok: true, plan: { action: 'ask', existingId: s.id } };
  if (onConflict === 'copy')
    return { ok: true, plan: { action: 'copy', session: copySessionWithNewIds(s, makeId) } };
  return { ok: true, plan: { action: 'replace', session: s } };
}
