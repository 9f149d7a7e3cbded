/**
 * How an annotation's anchor status is shown: a chip (dispute cards, the
 * detail header) and, in the detail panel, a line that says what happened and
 * what to do. A `changed` anchor (after a re-import only a passage with other
 * wording was found) shows the wording as it was marked and offers Confirm
 * (the text it now points at is the passage) and Re-attach (select the right
 * text); it stays flagged until one of them is done.
 */
import type { Annotation } from '../../../shared/model/session';
import { ANCHOR_STATUS_LABELS, type AnchorStatus } from '../../../shared/model/vocabulary';
import { wrapQuote } from '../../../shared/text/quote-marks';
import { shorten } from '../format';

export const STATUS_TEXT: Record<AnchorStatus, string> = {
  anchored: 'Anchored: the quote is at its original place.',
  moved: 'Moved: after a re-import the same quote was found at a new place.',
  changed:
    'Changed: after a re-import only a passage with other wording was found. Check that it is the passage that was marked, then confirm it, or select the right text and re-attach.',
  orphaned:
    'Not found: after a re-import this quote is no longer in the text. Re-attach it to new text, or delete it.',
};

/** The status as a small chip. `compact` leaves out `anchored` (cards show only what needs attention). */
export function AnchorStatusChip({
  status,
  compact = false,
}: {
  status: AnchorStatus;
  compact?: boolean;
}) {
  if (compact && (status === 'anchored' || status === 'moved')) return null;
  return (
    <span
      class={`status-chip status-${status}`}
      title={STATUS_TEXT[status]}
      data-testid="anchor-status"
      data-status={status}
    >
      {ANCHOR_STATUS_LABELS[status]}
    </span>
  );
}

/** The detail panel's status line with what the reviewer can do about it; nothing when anchored. */
export function AnchorStatusNotice({
  annotation: a,
  readOnly,
  onConfirm,
  onReattach,
}: {
  annotation: Annotation;
  readOnly: boolean;
  onConfirm: (id: string) => void;
  onReattach: (id: string) => void;
}) {
  const status = a.target.status;
  if (status === 'anchored') return null;
  return (
    <div class={`status-line status-${status}`} data-testid="anchor-status-line">
      <p>{STATUS_TEXT[status]}</p>
      {status === 'changed' && a.target.was ? (
        <p class="status-was">
          As marked: <span class="was-quote">{wrapQuote(shorten(a.target.was, 400))}</span>
        </p>
      ) : null}
      {!readOnly && (status === 'changed' || status === 'orphaned') ? (
        <div class="status-actions">
          {status === 'changed' ? (
            <button
              type="button"
              class="button button-small button-primary"
              onClick={() => onConfirm(a.id)}
            >
              Confirm this passage
            </button>
          ) : null}
          <button type="button" class="button button-small" onClick={() => onReattach(a.id)}>
            Re-attach to selected text…
          </button>
        </div>
      ) : null}
    </div>
  );
}
