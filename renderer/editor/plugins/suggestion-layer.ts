/**
 * The claim-suggestion layer (issue 13): a quiet mark under each suggested
 * sentence, a stronger one under the suggestion the reviewer is on. It only
 * shows; accepting or dismissing is the host's business (the session view
 * applies ops), so nothing here annotates anything.
 *
 * State: the suggestions' ranges in document positions (an
 * {@link IntervalIndex}, mapped through each transaction), the current one,
 * and whether the layer is shown. Painting follows the highlight painter
 * (highlight-painter.ts): CSS Custom Highlights `fc-suggestion` and
 * `fc-suggestion-current`, only for the ranges near the view, repainted on
 * scroll; inline decorations where custom highlights are missing (jsdom).
 *
 * The plugin key is private; use the factory, the meta helpers and the readers.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { IntervalIndex, type IndexedRange } from '../../../shared/review/interval-index';
import { supportsCustomHighlights } from '../highlight-painter';
import { nearViewSpan, type PosSpan } from '../visible-span';
import { domRange } from '../dom-range';

/** One suggestion's range in document positions; `id` is the host's. */
export type SuggestionRange = IndexedRange;

export interface SuggestionLayerState {
  index: IntervalIndex<SuggestionRange>;
  current: string | null;
  visible: boolean;
}

type Action =
  | { type: 'set'; ranges: SuggestionRange[] }
  | { type: 'current'; id: string | null }
  | { type: 'visible'; visible: boolean };

const key = new PluginKey<SuggestionLayerState>('fc-suggestions');

const NAMES = { all: 'fc-suggestion', current: 'fc-suggestion-current' } as const;

interface Registry {
  set(name: string, h: Highlight): void;
  delete(name: string): void;
}

/** Paints the layer's ranges near the view with custom highlights. */
class SuggestionPainter {
  private readonly registry: Registry;
  private readonly all = new Highlight();
  private readonly current = new Highlight();
  private painted = new Map<string, Range>();
  private span: PosSpan | null = null;
  private blockStarts: number[] = [];
  private frame = 0;
  private last: SuggestionLayerState | null = null;
  private readonly onScroll = () => this.schedule();

  constructor(private view: EditorView) {
    this.registry = (CSS as unknown as { highlights: Registry }).highlights;
    // Below every annotation highlight (priorities 1–12): a suggestion never hides a mark.
    this.all.priority = 0;
    this.current.priority = 0;
    this.registry.set(NAMES.all, this.all);
    this.registry.set(NAMES.current, this.current);
    this.indexBlocks();
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    window.addEventListener('resize', this.onScroll, { passive: true });
    this.update(view);
  }

  private indexBlocks(): void {
    const starts: number[] = [];
    let pos = 0;
    this.view.state.doc.forEach((node) => {
      starts.push(pos);
      pos += node.nodeSize;
    });
    starts.push(pos);
    this.blockStarts = starts;
  }

  update(view: EditorView): void {
    this.view = view;
    const s = key.getState(view.state)!;
    if (s === this.last) return;
    const prev = this.last;
    this.last = s;
    if (!prev || prev.index !== s.index || prev.visible !== s.visible) {
      this.clear();
      this.schedule();
    }
    this.paintCurrent(s);
  }

  private clear(): void {
    this.all.clear();
    this.painted.clear();
    this.span = null;
  }

  private paintCurrent(s: SuggestionLayerState): void {
    this.current.clear();
    const r = s.visible && s.current ? s.index.get(s.current) : undefined;
    const range = r && this.makeRange(r);
    if (range) this.current.add(range);
  }

  private makeRange(r: { from: number; to: number }): Range | null {
    return domRange(this.view, r.from, r.to);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paintVisible();
    });
  }

  /** Paint exactly the ranges meeting the span near the view (none while hidden). */
  private paintVisible(): void {
    const s = key.getState(this.view.state)!;
    if (!s.visible) return this.clear();
    const span = nearViewSpan(this.view, this.blockStarts);
    if (!span || (this.span && this.span.from === span.from && this.span.to === span.to)) return;
    this.span = span;
    for (const [id, range] of this.painted) {
      const r = s.index.get(id);
      if (!r || r.to < span.from || r.from > span.to) {
        this.all.delete(range);
        this.painted.delete(id);
      }
    }
    for (const r of s.index.between(span.from, span.to, true)) {
      if (this.painted.has(r.id)) continue;
      const range = this.makeRange(r);
      if (!range) continue;
      this.all.add(range);
      this.painted.set(r.id, range);
    }
  }

  destroy(): void {
    document.removeEventListener('scroll', this.onScroll, { capture: true });
    window.removeEventListener('resize', this.onScroll);
    if (this.frame) cancelAnimationFrame(this.frame);
    this.registry.delete(NAMES.all);
    this.registry.delete(NAMES.current);
  }
}

function decorations(state: EditorState): DecorationSet {
  const s = key.getState(state)!;
  if (!s.visible) return DecorationSet.empty;
  return DecorationSet.create(
    state.doc,
    s.index.all().map((r) =>
      Decoration.inline(r.from, r.to, {
        class: r.id === s.current ? 'fc-sg fc-sg-current' : 'fc-sg',
      }),
    ),
  );
}

/** The layer plugin: empty and shown until the host sets ranges. */
export function suggestionLayer(options: { forceDecorations?: boolean } = {}): Plugin {
  const useHighlights = !options.forceDecorations && supportsCustomHighlights();
  return new Plugin<SuggestionLayerState>({
    key,
    state: {
      init: () => ({ index: IntervalIndex.empty(), current: null, visible: true }),
      apply(tr, value) {
        let next = value;
        if (tr.docChanged) {
          const ranges: SuggestionRange[] = [];
          for (const r of value.index.all()) {
            const from = tr.mapping.map(r.from, 1);
            const to = tr.mapping.map(r.to, -1);
            if (to > from) ranges.push({ ...r, from, to });
          }
          next = { ...next, index: IntervalIndex.from(ranges) };
        }
        const a = tr.getMeta(key) as Action | undefined;
        if (!a) return next;
        if (a.type === 'set') {
          const index = IntervalIndex.from(a.ranges);
          return {
            ...next,
            index,
            current: next.current && index.get(next.current) ? next.current : null,
          };
        }
        if (a.type === 'current') return { ...next, current: a.id };
        return { ...next, visible: a.visible };
      },
    },
    props: useHighlights ? {} : { decorations },
    view: useHighlights ? (view) => new SuggestionPainter(view) : undefined,
  });
}

/** Replace the layer's ranges (the current one stays when it is still among them). */
export function setSuggestionRanges(tr: Transaction, ranges: SuggestionRange[]): Transaction {
  return tr.setMeta(key, { type: 'set', ranges } satisfies Action);
}

/** Mark one suggestion as the one the reviewer is on, or none. */
export function setCurrentSuggestion(tr: Transaction, id: string | null): Transaction {
  return tr.setMeta(key, { type: 'current', id } satisfies Action);
}

/** Show or hide the layer. */
export function setSuggestionsVisible(tr: Transaction, visible: boolean): Transaction {
  return tr.setMeta(key, { type: 'visible', visible } satisfies Action);
}

/** The layer's state, or null where the plugin is not installed. */
export function suggestionLayerState(state: EditorState): SuggestionLayerState | null {
  return key.getState(state) ?? null;
}

/** Ids of the shown suggestions under a position (touching ends count), in document order. */
export function suggestionsAt(state: EditorState, pos: number): string[] {
  const s = key.getState(state);
  if (!s || !s.visible) return [];
  return s.index.between(pos, pos, true).map((r) => r.id);
}
