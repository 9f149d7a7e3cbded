/**
 * Reading the team database's list of sessions: every session's `meta`
 * document (`fcw:<id>:meta:<id>`), found among the document ids and read
 * with `_all_docs` (PouchDB's HTTP adapter), each validated like any
 * document from a server (a malformed one is left out). The server is probed
 * first, so wrong credentials or a forbidden database say so in words.
 */
import type { TeamSessionEntry } from '../../../shared/api/team-types';
import { parseTeamDoc } from '../../../shared/team/team-doc';
import { probeRemote, TeamSyncError, type CouchCredentials } from './couch-access';
import { remoteDatabase } from './pouch';

const META_ID = /^fcw:([^:]+):meta:\1$/;

/** The team's sessions, newest first; `isLocal` says which are in this library already. */
export async function listTeamSessions(
  url: URL,
  credentials: CouchCredentials,
  isLocal: (id: string) => boolean,
): Promise<TeamSessionEntry[]> {
  await probeRemote(url, credentials);
  const db = remoteDatabase(url, credentials);
  try {
    const ids = (await db.allDocs({ startkey: 'fcw:', endkey: 'fcw:\ufff0' })).rows
      .map((r) => r.id)
      .filter((id) => META_ID.test(id));
    const rows = ids.length ? (await db.allDocs({ keys: ids, include_docs: true })).rows : [];
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
