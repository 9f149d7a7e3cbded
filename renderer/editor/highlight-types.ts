/**
 * The highlight state's shapes, shared by the plugin that keeps it
 * (`plugins/highlight-plugin.ts`) and the painter that draws it
 * (`highlight-painter.ts`). They live here, on their own, so neither of those
 * two modules imports the other for types: the plugin creates the painter, the
 * painter only reads the state.
 */
import type { AnchorStatus } from '../../shared/model/session';
import type { AnnotationKind } from '../../shared/model/vocabulary';
import type { IntervalIndex, IndexedRange } from '../../shared/review/interval-index';

/** One highlight: an annotation's range in document positions. */
export interface HighlightRange extends IndexedRange {
  kind: AnnotationKind;
  status: AnchorStatus;
}

/** What the last transaction changed, for incremental painting. */
export type HighlightChange =
  { type: 'none' } | { type: 'all' } | { type: 'some'; put: HighlightRange[]; removed: string[] };

/** The plugin's state: the ranges by position, the open one and the flashing one. */
export interface HighlightState {
  index: IntervalIndex<HighlightRange>;
  active: string | null;
  /** The flashing highlight; `seq` changes on every new flash, even of the same id. */
  flash: { id: string; seq: number } | null;
  change: HighlightChange;
}
