/**
 * The team section of a portable session file (`.fcw.json`), beside the
 * session in the file's wrapper:
 *
 * ```json
 * { "format": "factcheck-workbench-session", …, "session": { … },
 *   "team": { "version": 1, "sessionId": "…", "docs": [ … ], "dirty": [ "…" ],
 *             "remote": "https://couch.example.org/newsroom", "syncedAt": "…",
 *             "since": "…" } }
 * ```
 *
 * `docs` are the shared documents with the revision each had on the server
 * at the last sync (`_rev`); `dirty` lists the ones changed since; `since` is
 * the remote's update sequence then, where the next pull starts. An article
 * snapshot that the session holds unchanged is written as a reference
 * (`{"$article": id}`) rather than a second copy of its text. The remote is
 * stored without credentials (they never enter a file).
 *
 * Reading validates every document like one from a server (parseTeamDoc).
 */
import { z } from 'zod';
import type { Session } from '../model/session';
import type { Article } from '../model/article';
import { canonicalJson, type FieldState } from './field-register';
import { parseTeamDoc, type TeamDoc } from './team-doc';
import type { TeamState } from './team-state';

export const TEAM_SECTION_VERSION = 1;

/** The team section as written in a file. */
export interface TeamSection {
  version: typeof TEAM_SECTION_VERSION;
  sessionId: string;
  docs: unknown[];
  dirty: string[];
  remote?: string;
  syncedAt?: string;
  since?: string | number;
}

/** Sync bookkeeping kept with the state. */
export interface TeamFileInfo {
  remote?: string;
  syncedAt?: string;
  /**
   * The remote's update sequence at the end of the last sync with it: the
   * next pull starts there (only what changed since comes over the wire).
   */
  since?: string | number;
}

const sectionSchema = z.strictObject({
  version: z.number().int().min(1),
  sessionId: z.string().min(1).max(200),
  docs: z.array(z.unknown()).max(400_000),
  dirty: z.array(z.string().max(600)).max(400_000),
  remote: z.string().max(2048).optional(),
  syncedAt: z.iso.datetime({ offset: true }).optional(),
  since: z.union([z.string().max(1000), z.number().int().min(0)]).optional(),
});

function isStub(v: unknown): v is { $article: string } {
  return !!v && typeof v === 'object' && typeof (v as { $article?: unknown }).$article === 'string';
}

/** The team section to write beside `session`. */
export function packTeamState(
  state: TeamState,
  session: Session,
  info: TeamFileInfo = {},
): TeamSection {
  const articles = new Map(session.articles.map((a) => [a.id, a]));
  const docs = [...state.docs.values()].map((doc) => {
    if (doc.type !== 'article') return doc;
    const f = doc.fields.article as FieldState<Article>;
    const heads = f.heads.map((h) => {
      const a = articles.get(h.v.id);
      return a && (a === h.v || canonicalJson(a) === canonicalJson(h.v))
        ? { ...h, v: { $article: a.id } }
        : h;
    });
    return { ...doc, fields: { ...doc.fields, article: { ...f, heads } } };
  });
  const out: TeamSection = {
    version: TEAM_SECTION_VERSION,
    sessionId: state.sessionId,
    docs,
    dirty: [...state.dirty].sort(),
  };
  if (info.remote) out.remote = info.remote;
  if (info.syncedAt) out.syncedAt = info.syncedAt;
  if (info.remote && info.since !== undefined) out.since = info.since;
  return out;
}

export type TeamUnpack =
  { ok: true; state: TeamState; info: TeamFileInfo } | { ok: false; problems: string[] };

/**
 * Read a file's team section (`raw`, the wrapper's `team` value) for the
 * session read from the same file. Never throws.
 */
export function unpackTeamState(raw: unknown, session: Session): TeamUnpack {
  const parsed = sectionSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: ['The file’s team section is damaged.'] };
  const s = parsed.data;
  if (s.version > TEAM_SECTION_VERSION)
    return { ok: false, problems: ['The file’s team section was written by a newer version.'] };
  if (s.sessionId !== session.id)
    return { ok: false, problems: ['The file’s team section belongs to another session.'] };
  const articles = new Map(session.articles.map((a) => [a.id, a]));
  const docs = new Map<string, TeamDoc>();
  const problems: string[] = [];
  for (const raw of s.docs) {
    let candidate = raw;
    if (raw && typeof raw === 'object' && (raw as { type?: unknown }).type === 'article') {
      const r = raw as { fields?: { article?: { heads?: { v: unknown }[] } } };
      const heads = r.fields?.article?.heads;
      if (Array.isArray(heads)) {
        const resolved = heads.map((h) => {
          if (!isStub(h?.v)) return h;
          const a = articles.get(h.v.$article);
          return a ? { ...h, v: a } : h;
        });
        candidate = {
          ...(raw as object),
          fields: { ...r.fields, article: { ...r.fields!.article, heads: resolved } },
        };
      }
    }
    const d = parseTeamDoc(candidate, session.id);
    if (!d.ok) problems.push(d.problem);
    else if (docs.has(d.doc._id)) problems.push(`${d.doc._id}: appears twice`);
    else docs.set(d.doc._id, d.doc);
    if (problems.length >= 5) break;
  }
  if (problems.length) return { ok: false, problems };
  const dirty = new Set(s.dirty.filter((id) => docs.has(id)));
  const info: TeamFileInfo = {};
  if (s.remote) info.remote = s.remote;
  if (s.syncedAt) info.syncedAt = s.syncedAt;
  if (s.remote && s.since !== undefined) info.since = s.since;
  return { ok: true, state: { sessionId: session.id, docs, dirty }, info };
}
