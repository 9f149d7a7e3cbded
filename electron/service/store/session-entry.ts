/**
 * The store's in-memory record of one open session ({@link Entry}) and the pure helpers around
 * it: building one from a loaded file, finding journaled batches to offer back after a crash,
 * and turning it into what the API returns.
 */
import { Low } from 'lowdb';
import type { ApiResult, OpenedSession } from '../../../shared/api/contract';
import type { Session, SessionSummary } from '../../../shared/model/session';
import { applyOps } from '../../../shared/session/session-ops';
import type { SessionFileAdapter } from './session-file';
import { newerProblem } from './session-file';
import type { SessionValidator } from './session-validator';
import { readJournal, type JournalEntry, type JournalWriter } from './journal';
import { fail } from './store-errors';

export interface Entry {
  id: string;
  db: Low<Session | null>;
  adapter: SessionFileAdapter;
  /** The current session (cache); an immutable value, replaced on every change. */
  session: Session;
  /** Revision in the session file; -1 when the file must be rewritten (migrated, replaced). */
  savedRevision: number;
  readOnly: boolean;
  readOnlyNotice: string | null;
  /** One-shot message for the next `open`. */
  notice: string | null;
  /** Journaled batches from before a crash, offered back; null when none or decided. */
  pending: { entries: JournalEntry[]; session: Session; keepBytes: number } | null;
  journal: JournalWriter | null;
  /** Bytes of the journal file to keep when first opening it for writing. */
  keepJournalBytes: number;
  /** Journal lines newer than the file. */
  tail: { rev: number; line: string }[];
  batchesSinceSave: number;
  timer: NodeJS.Timeout | null;
  /** Archived, replaced by a restored backup, or the store closed: no more writes. */
  gone: boolean;
}

/**
 * An entry for a session held by `adapter`'s file. The adapter's last read says whether the
 * file is read-only (newer format) or was migrated (then it is rewritten at the next save).
 */
export function makeEntry(id: string, adapter: SessionFileAdapter, session: Session): Entry {
  const { readOnly, newerVersion, migratedFrom } = adapter.info;
  return {
    id,
    db: new Low<Session | null>(adapter, session),
    adapter,
    session,
    savedRevision: migratedFrom === null ? session.revision : -1,
    readOnly,
    readOnlyNotice: readOnly
      ? `This session ${newerProblem(newerVersion ?? 0)}. It is shown read-only and will not be changed here; update the app to edit it.`
      : null,
    notice:
      migratedFrom === null
        ? null
        : `This session was saved in an older format (${migratedFrom}) and has been upgraded; the original file is kept as the backup.`,
    pending: null,
    journal: null,
    keepJournalBytes: 0,
    tail: [],
    batchesSinceSave: 0,
    timer: null,
    gone: false,
  };
}

/**
 * Journaled batches newer than `session` that replay cleanly, in order, with the session they
 * lead to (`pending`, null when there are none). Damaged records are skipped (the good ones after
 * them still replay); replay stops at the first gap or refused batch; `leftover` is then true, so the caller can keep a copy of what could not be
 * replayed. A torn last line (a crash mid-append) is simply ignored. Throws the I/O error when
 * the journal cannot be read.
 */
export async function findPendingBatches(
  journalFile: string,
  session: Session,
  validator: SessionValidator,
): Promise<{ pending: Entry['pending']; leftover: boolean }> {
  const scan = await readJournal(journalFile);
  let current = session;
  const entries: JournalEntry[] = [];
  let leftover = scan.badLine !== null;
  for (const j of scan.entries) {
    if (j.rev <= current.revision) continue; // already in the file
    // After a damaged record the next good one may skip a revision: it is replayed onto what
    // came before (ops are whole puts and deletes) and keeps its own revision number.
    const inOrder =
      j.rev === current.revision + 1 || (scan.damaged > 0 && j.rev > current.revision);
    const ops = inOrder ? validator.validateOps(j.ops) : null;
    const r = ops?.ok ? applyOps(current, ops.value, j.at) : null;
    if (!ops?.ok || !r?.ok) {
      leftover = true;
      break;
    }
    current = r.session.revision === j.rev ? r.session : { ...r.session, revision: j.rev };
    entries.push({ ...j, ops: ops.value });
  }
  const pending = entries.length ? { entries, session: current, keepBytes: scan.goodBytes } : null;
  return { pending, leftover };
}

/** Why a change to this entry must be refused now, or null. */
export function refusal(e: Entry): ApiResult<never> | null {
  if (e.gone) return fail('not-found', 'That session has been deleted.');
  if (e.readOnly) return fail('read-only', e.readOnlyNotice ?? 'This session is read-only.');
  if (e.pending) {
    const n = e.pending.entries.length;
    return fail(
      'refused',
      `This session has ${n} unsaved change${n === 1 ? '' : 's'} from before the app closed unexpectedly (the last at ${e.pending.entries[n - 1]!.at}). Restore or discard ${n === 1 ? 'it' : 'them'} before making new changes.`,
    );
  }
  return null;
}

/** What `open` returns; consumes the one-shot notice. */
export function opened(e: Entry): OpenedSession {
  const notice = [e.readOnlyNotice, e.notice].filter(Boolean).join(' ') || null;
  e.notice = null;
  return {
    session: e.session,
    readOnly: e.readOnly,
    notice,
    recovery: e.pending
      ? {
          changes: e.pending.entries.length,
          lastChangeAt: e.pending.entries[e.pending.entries.length - 1]!.at,
        }
      : null,
  };
}

export function summarize(e: Entry): SessionSummary {
  const s = e.session;
  return {
    id: e.id,
    name: s.name,
    updatedAt: s.updatedAt,
    createdAt: s.createdAt,
    articleTitles: s.articles.map((a) => a.meta.title),
    articleIds: s.articles.map((a) => a.id),
    articleHashes: s.articles.map((a) => a.sha256),
    reviewer: s.settings.reviewer,
    annotationCount: s.annotations.length,
    linkCount: s.links.length,
    status: e.readOnly ? 'read-only' : 'ok',
    ...(e.readOnly ? { problem: e.readOnlyNotice ?? '' } : {}),
    recoveryAvailable: e.pending !== null,
  };
}

/** A list entry for a file that could not be read at all (permissions, I/O). */
export function unreadableSummary(id: string, problem: string): SessionSummary {
  const now = new Date().toISOString();
  return {
    id,
    name: `Unreadable session ${id.slice(0, 8)}`,
    updatedAt: now,
    createdAt: now,
    articleTitles: [],
    annotationCount: 0,
    linkCount: 0,
    status: 'damaged',
    problem,
  };
}
