/**
 * A copy's first pull of a session (no documents yet, no `since`): the
 * session's documents read page by page straight from the database's
 * `_all_docs` (with `include_docs` and `conflicts`, through PouchDB's HTTP
 * adapter), each validated like anything from a server. Replication would
 * move every document twice on a compatible server (in the changes feed and
 * again by `_bulk_get`) and ask `_revs_diff` about each; a copy that holds
 * nothing needs none of that.
 *
 * The database's update sequence is read first, so a document changed while
 * the pages are read comes again with the next pull (merging it twice is
 * harmless). A document with conflicting revisions needs them joined and the
 * join written back: then this gives up (null) and the ordinary sync, with
 * replication, does the whole pull.
 */
import { parseTeamDoc, sessionDocPrefix, type TeamDoc } from '../../../shared/team/team-doc';
import type { PouchDatabase, PouchDoc } from './pouch';
import { retrying, type RetryOptions } from './replicate-retry';

export interface FirstPull {
  docs: Map<string, TeamDoc>;
  refused: string[];
  since: number | string;
}

/** Documents per `_all_docs` page. */
const PAGE = 2_000;

/** Read a session's documents for a copy that has none (see the module comment). */
export async function firstPull(
  remote: PouchDatabase,
  sessionId: string,
  opts: RetryOptions,
): Promise<FirstPull | null> {
  const prefix = sessionDocPrefix(sessionId);
  const since = (await retrying(() => remote.info(), opts, 'reading')).update_seq;
  const docs = new Map<string, TeamDoc>();
  const refused: string[] = [];
  let startkey = prefix;
  let skip = 0;
  for (;;) {
    const page = await retrying(
      () =>
        remote.allDocs({
          startkey,
          endkey: `${prefix}\ufff0`,
          include_docs: true,
          conflicts: true,
          limit: PAGE,
          skip,
        }),
      opts,
      'reading',
    );
    for (const row of page.rows) {
      if (!row.doc) continue;
      const { _conflicts, ...doc } = row.doc as PouchDoc & { _conflicts?: string[] };
      if (_conflicts?.length) return null;
      const p = parseTeamDoc(doc, sessionId);
      if (p.ok && p.doc._id === row.id) docs.set(row.id, p.doc);
      else refused.push(p.ok ? `${row.id}: its id does not match` : p.problem);
    }
    if (page.rows.length < PAGE) return { docs, refused, since };
    // The next page starts after the last id read.
    startkey = page.rows[page.rows.length - 1]!.id;
    skip = 1;
  }
}
