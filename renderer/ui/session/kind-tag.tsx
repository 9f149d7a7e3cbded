/**
 * An annotation kind as a small coloured tag ("Claim", "Evidence", …), in
 * the kind's colour: in link rows, link previews and pickers.
 */
import { KIND_LABELS, type AnnotationKind } from '../../../shared/model/vocabulary';

export function KindTag({ kind }: { kind: AnnotationKind }) {
  return <span class={`kind-tag kind-${kind}`}>{KIND_LABELS[kind]}</span>;
}
