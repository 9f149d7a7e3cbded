/**
 * What to do with kept edits (see `kept-edits.ts`) when their session opens.
 *
 * Ops are state-based, so replaying edits the host already has changes
 * nothing: such a record is simply forgotten (this is the common case after a
 * reload, whose last save went out with the page). Otherwise the edits are
 * applied to the opened session and queued to be sent on the revision they
 * were made on, so the host's usual conflict rule decides: when nothing else
 * changed the session meanwhile they save at once; when something did, the
 * reviewer gets the conflict choice ("save my version over it" or "load the
 * saved version"). Edits that no longer apply (a link to an annotation
 * deleted elsewhere) are set aside and offered to the reviewer, never dropped.
 */
import type { OpenedSession } from '../../shared/api/contract';
import type { Session } from '../../shared/model/session';
import { applyOps, type SessionOp } from '../../shared/session/session-ops';
import { countEdits, type KeptEdits, type KeptEditsStore } from './kept-edits';

export type ReplayOutcome =
  | { kind: 'none' }
  /** The host already had them; the record was removed. */
  | { kind: 'already-saved' }
  /** Applied locally and queued on their own revision (`conflict`: the session changed meanwhile). */
  | {
      kind: 'replayed';
      session: Session;
      ops: SessionOp[];
      baseRevision: number;
      edits: number;
      conflict: boolean;
    }
  /** Not applied now: kept as they are until the session can take changes again. */
  | { kind: 'waiting'; edits: number; reason: string }
  /** They no longer apply: set aside for the reviewer to download or discard. */
  | { kind: 'set-aside'; record: KeptEdits; problems: string[] };

/**
 * Decide what happens to a session's kept edits as it opens. `blocked` is why
 * the session takes no changes right now (read-only, or a crash recovery
 * waiting for a decision), or null.
 */
export function replayKept(
  store: KeptEditsStore | null,
  opened: OpenedSession,
  blocked: { reason: string; permanent: boolean } | null,
): ReplayOutcome {
  const id = opened.session.id;
  const aside = store?.readAside(id) ?? null;
  const rec = store?.read(id) ?? null;
  if (!store || !rec) return aside ? { kind: 'set-aside', record: aside, problems: [] } : none;
  const r = tryApply(opened.session, rec.ops);
  if (r.ok && sameContent(r.session, opened.session)) {
    store.clear(id);
    return aside ? { kind: 'set-aside', record: aside, problems: [] } : { kind: 'already-saved' };
  }
  if (blocked && !blocked.permanent)
    return { kind: 'waiting', edits: countEdits(rec.ops), reason: blocked.reason };
  const problems = !r.ok ? r.problems : blocked ? [blocked.reason] : null;
  if (problems) {
    store.setAside(rec);
    return { kind: 'set-aside', record: store.readAside(id) ?? rec, problems };
  }
  return {
    kind: 'replayed',
    session: (r as { session: Session }).session,
    ops: rec.ops,
    baseRevision: rec.baseRevision,
    edits: countEdits(rec.ops),
    conflict: rec.baseRevision !== opened.session.revision,
  };
}

const none: ReplayOutcome = { kind: 'none' };

/** Apply locally, stamping no times (the service stamps the batch when it saves it). */
function tryApply(session: Session, ops: SessionOp[]): ReturnType<typeof applyOps> {
  try {
    return applyOps(session, ops, null);
  } catch {
    return { ok: false, problems: ['They are not valid changes for this session.'] };
  }
}

/** True when the saved session already holds everything these ops would do. */
export function alreadySaved(session: Session, ops: SessionOp[]): boolean {
  const r = tryApply(session, ops);
  return r.ok && sameContent(r.session, session);
}

/** Same record: equal in everything but the revision and the save time. */
export function sameContent(a: Session, b: Session): boolean {
  return deepEqual({ ...a, revision: 0, updatedAt: '' }, { ...b, revision: 0, updatedAt: '' });
}

/**
 * Structural equality of JSON values (key order ignored). Written here
 * because it is ten lines and the renderer has no such library bundled.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}
