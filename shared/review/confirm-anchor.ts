/**
 * Confirming an annotation whose passage was found only with other wording
 * after a re-import (anchor status `changed`): the reviewer has read the text
 * it now points at and agrees it is the passage that was marked. The
 * annotation becomes `anchored` on that text and forgets the old wording. One
 * `annotation.put`, so it is undone like every other edit.
 */
import type { Annotation, Session } from '../model/session';
import type { SessionOp } from '../session/session-ops';

export type ConfirmResult = { ok: true; ops: SessionOp[] } | { ok: false; message: string };

/**
 * The ops that confirm annotation `id`. Refuses (with a sentence) when the
 * annotation is gone or is not `changed`; an orphan must be re-attached.
 */
export function confirmChangedAnchor(session: Session, id: string, now: string): ConfirmResult {
  const prev = session.annotations.find((a) => a.id === id);
  if (!prev) return { ok: false, message: 'That annotation no longer exists.' };
  if (prev.target.status !== 'changed')
    return {
      ok: false,
      message:
        prev.target.status === 'orphaned'
          ? 'This annotation’s passage was not found: select the text it refers to now and re-attach it.'
          : 'This annotation has nothing to confirm.',
    };
  const { was: _was, ...target } = prev.target;
  const annotation: Annotation = {
    ...prev,
    target: { ...target, status: 'anchored' },
    modified: now,
  };
  return { ok: true, ops: [{ op: 'annotation.put', annotation }] };
}
