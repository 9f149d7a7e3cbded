/**
 * Reading the team database's list of sessions: every session's `meta`
 * document (`fcw:<id>:meta:<id>`), for every session id found among the
 * document ids (all of them, page by page), read with `_all_docs` (PouchDB's
 * HTTP adapter), each validated like any
 * document from a server (a malformed one is left out). The server is probed
 * first, so wrong credentials or a forbidden database say so in words.
 */
import type { TeamSessionEntry } from '../../../shared/api/team-types';
import { parseTeamDoc, teamDocId } from '../../../shared/team/team-doc';
import { probeRemote, TeamSyncError, type CouchCredentials } from './couch-access';
import { remoteDatabase, type PouchDatabase } from './pouch';

const SESSION_OF = /^fcw:([^:]+):/;

/** Document ids read per `_all_docs` page when listing. */
export const LIST_PAGE_SIZE = 500;

/**
 * The id of every session in the database, read page by page from the ids
 * (`_all_docs`, no documents). A session's ids sort together
 * (`fcw:<session>:…`), so after each page the next one starts past the last
 * session seen: a session of 10,000 annotations costs one page, not twenty.
 */
async function sessionIds(db: PouchDatabase, pageSize: number): Promise<string[]> {
  const ids: string[] = [];
  let startkey = 'fcw:';
  for (;;) {
    const rows = (await db.allDocs({ startkey, endkey: 'fcw:\ufff0', limit: pageSize })).rows;
    let last: string | null = null;
    for (const r of rows) {
      const m = SESSION_OF.exec(r.id);
      if (m && m[1] !== last) {
        last = m[1]!;
        if (ids[ids.length - 1] !== last) ids.push(last);
      }
    }
    if (rows.length < pageSize) return ids;
    // Past every id of the last session seen (`;` sorts right after `:`), or past the last
    // row when it belongs to no session.
    const lastId = rows[rows.length - 1]!.id;
    const m = SESSION_OF.exec(lastId);
    startkey = m ? `fcw:${m[1]!};` : `${lastId}\u0000`;
  }
}

/** The team's sessions, newest first; `isLocal` says which are in this library already. */
export async function listTeamSessions(
  url: URL,
  credentials: CouchCredentials,
  isLocal: (id: string) => boolean,
  pageSize = LIST_PAGE_SIZE,
): Promise<TeamSessionEntry[]> {
  await probeRemote(url, credentials);
  const db = remoteDatabase(url, credentials);
  try {
    const metaIds = (await sessionIds(db, pageSize)).map((id) => teamDocId(id, 'meta', id));
    const rows: { doc?: unknown }[] = [];
    for (let i = 0; i < metaIds.length; i += pageSize)
      rows.push(
        ...(await db.allDocs({ keys: metaIds.slice(i, i + pageSize), include_docs: true })).rows,
      );
    const out: TeamSessionEntry[] = [];
    for (const row of rows) {
      const p = parseTeamDoc(row.doc);
      if (!p.ok) continue;
      const f = p.doc.fields;
      const last = <T>(k: string) => f[k]!.heads[f[k]!.heads.length - 1]!.v as T;
      out.push({
        id: p.doc.session,
        name: last<string>('name'),
        status: last('status'),
        createdBy: p.doc.created.name,
        createdAt: p.doc.created.at,
        local: isLocal(p.doc.session),
      });
    }
    return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  } catch (err) {
    if (err instanceof TeamSyncError) throw err;
    throw new TeamSyncError(
      `The team database could not be listed (${(err as { status?: number }).status ?? 'no answer'}).`,
      'server',
    );
  } finally {
    await db.close().catch(() => undefined);
  }
}
