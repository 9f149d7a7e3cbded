/**
 * The floating toolbar above a text selection: mark it as one of the four
 * kinds (or re-attach an orphan to it). Positioned from the selection's
 * viewport rectangle; shortcuts are in the tooltips.
 */
import type { AnnotationKind } from '../../../shared/model/vocabulary';
import { ANNOTATION_KINDS, KIND_LABELS } from '../../../shared/model/vocabulary';
import { withShortcut, type ReviewCommand } from '../../editor/shortcuts';

export interface SelectionToolbarProps {
  rect: { left: number; right: number; top: number; bottom: number };
  reattaching: boolean;
  onMark: (kind: AnnotationKind) => void;
  onReattach: () => void;
  onCancelReattach: () => void;
}

export function SelectionToolbar({
  rect,
  reattaching,
  onMark,
  onReattach,
  onCancelReattach,
}: SelectionToolbarProps) {
  const width = reattaching ? 300 : 440;
  const left = Math.max(
    8,
    Math.min((rect.left + rect.right) / 2 - width / 2, window.innerWidth - width - 8),
  );
  const above = rect.top > 64;
  const top = above ? rect.top - 48 : rect.bottom + 8;
  return (
    <div
      class="selection-toolbar"
      role="toolbar"
      aria-label="Mark the selection"
      style={{ left: `${left}px`, top: `${top}px` }}
      onMouseDown={(e) => e.preventDefault()}
      data-testid="selection-toolbar"
    >
      {reattaching ? (
        <>
          <button type="button" class="button button-small button-primary" onClick={onReattach}>
            Re-attach here
          </button>
          <button type="button" class="button button-small" onClick={onCancelReattach}>
            Cancel
          </button>
        </>
      ) : (
        ANNOTATION_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            class={`mark-button kind-${k}`}
            title={withShortcut(`Mark as ${KIND_LABELS[k]}`, `mark-${k}` as ReviewCommand)}
            onClick={() => onMark(k)}
          >
            <span class={`kind-dot kind-${k}`} aria-hidden="true" />
            {KIND_LABELS[k]}
          </button>
        ))
      )}
    </div>
  );
}
