/**
 * Where highlights overlap, a click (or Enter at the caret) offers each
 * annotation there, innermost first, so every one can be picked.
 */
import type { Session } from '../../../shared/model/session';
import { KIND_LABELS } from '../../../shared/model/vocabulary';
import { Menu } from '../menu';
import { shorten } from '../format';
import { wrapQuote } from '../../../shared/text/quote-marks';

export function AnnotationChooser({
  session,
  ids,
  point,
  onPick,
  onClose,
}: {
  session: Session;
  ids: string[];
  point: { x: number; y: number };
  onPick: (id: string) => void;
  onClose: (restoreFocus: boolean) => void;
}) {
  const byId = new Map(session.annotations.map((a) => [a.id, a]));
  const items = ids
    .map((id) => byId.get(id))
    .filter((a) => !!a)
    .map((a) => ({
      label: `${KIND_LABELS[a.kind]}: ${wrapQuote(shorten(a.target.quote.exact, 60))}`,
      run: () => onPick(a.id),
      testId: 'chooser-item',
    }));
  return (
    <Menu
      items={items}
      label="Overlapping annotations: choose one"
      at={{ x: point.x, y: point.y + 12 }}
      onClose={onClose}
      class="chooser"
    />
  );
}
