/**
 * Annotation highlights, as plugin state: every annotation's range in
 * document positions, kept in an {@link IntervalIndex} and mapped through each
 * transaction's mapping. The state also holds which annotation is active and
 * which one is flashing.
 *
 * Painting is separate (see `highlight-painter.ts`): where the browser has
 * the CSS Custom Highlight API the painter draws the visible ranges with it,
 * touching no document DOM; elsewhere (tests in jsdom, old engines) this
 * plugin falls back to inline decorations built from the same state.
 *
 * Changes come in as transaction metas ({@link setHighlights},
 * {@link updateHighlights}, {@link setActiveHighlight}, {@link flashHighlight});
 * each state records what changed so the painter can update incrementally.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { IntervalIndex } from '../../../shared/review/interval-index';
import { HighlightPainter, supportsCustomHighlights } from '../highlight-painter';
import type { HighlightRange, HighlightState } from '../highlight-types';

export type { HighlightChange, HighlightRange, HighlightState } from '../highlight-types';

type Action =
  | { type: 'set'; ranges: HighlightRange[] }
  | { type: 'update'; put: HighlightRange[]; remove: string[] }
  | { type: 'active'; id: string | null }
  | { type: 'flash'; id: string | null };

const key = new PluginKey<HighlightState>('fc-highlights');
let flashSeq = 0;

function applyAction(state: HighlightState, action: Action): HighlightState {
  switch (action.type) {
    case 'set':
      return { ...state, index: IntervalIndex.from(action.ranges), change: { type: 'all' } };
    case 'update': {
      if (!action.put.length && !action.remove.length)
        return { ...state, change: { type: 'none' } };
      const removed = action.remove.filter((id) => state.index.get(id));
      return {
        ...state,
        index: state.index.update(action.put, removed),
        change: { type: 'some', put: action.put, removed },
        active: state.active && removed.includes(state.active) ? null : state.active,
      };
    }
    case 'active':
      return { ...state, active: action.id, change: { type: 'none' } };
    case 'flash':
      return {
        ...state,
        flash: action.id ? { id: action.id, seq: ++flashSeq } : null,
        change: { type: 'none' },
      };
  }
}

function mapState(state: HighlightState, tr: Transaction): HighlightState {
  const ranges: HighlightRange[] = [];
  for (const r of state.index.all()) {
    const from = tr.mapping.map(r.from, 1);
    const to = tr.mapping.map(r.to, -1);
    if (to > from) ranges.push({ ...r, from, to });
  }
  return { ...state, index: IntervalIndex.from(ranges), change: { type: 'all' } };
}

const decorationCache = new WeakMap<IntervalIndex<HighlightRange>, DecorationSet>();

/** Inline decorations for every highlight (the fallback painter). */
function fallbackDecorations(state: EditorState): DecorationSet {
  const hs = key.getState(state)!;
  let set = decorationCache.get(hs.index);
  if (!set) {
    set = DecorationSet.create(
      state.doc,
      hs.index.all().map((r) =>
        Decoration.inline(
          r.from,
          r.to,
          {
            class: `fc-hl fc-hl-${r.kind}${r.status === 'moved' || r.status === 'changed' ? ` fc-hl-${r.status}` : ''}`,
            'data-annotation-id': r.id,
          },
          { id: r.id },
        ),
      ),
    );
    decorationCache.set(hs.index, set);
  }
  const extra: Decoration[] = [];
  for (const [id, cls] of [
    [hs.active, 'fc-hl-active'],
    [hs.flash?.id ?? null, 'fc-hl-flash'],
  ] as const) {
    const r = id ? hs.index.get(id) : undefined;
    if (r) extra.push(Decoration.inline(r.from, r.to, { class: cls }));
  }
  return extra.length ? set.add(state.doc, extra) : set;
}

export interface HighlightPluginOptions {
  /** Force the decoration fallback even where custom highlights exist (benchmarks, tests). */
  forceDecorations?: boolean;
}

/** The highlight plugin. Paints with CSS Custom Highlights where available. */
export function highlightPlugin(options: HighlightPluginOptions = {}): Plugin<HighlightState> {
  const useHighlights = !options.forceDecorations && supportsCustomHighlights();
  return new Plugin<HighlightState>({
    key,
    state: {
      init: () => ({
        index: IntervalIndex.empty(),
        active: null,
        flash: null,
        change: { type: 'none' },
      }),
      apply(tr, value) {
        let next = tr.docChanged ? mapState(value, tr) : value;
        const action = tr.getMeta(key) as Action | undefined;
        if (action) next = applyAction(next, action);
        else if (next === value && value.change.type !== 'none')
          next = { ...value, change: { type: 'none' } };
        return next;
      },
    },
    props: useHighlights ? {} : { decorations: fallbackDecorations },
    view: useHighlights
      ? (view: EditorView) => new HighlightPainter(view, (s) => key.getState(s)!)
      : undefined,
  });
}

/** Replace every highlight. */
export function setHighlights(tr: Transaction, ranges: HighlightRange[]): Transaction {
  return tr.setMeta(key, { type: 'set', ranges } satisfies Action);
}

/** Add or replace some highlights and remove others by id. */
export function updateHighlights(
  tr: Transaction,
  put: HighlightRange[],
  remove: string[],
): Transaction {
  return tr.setMeta(key, { type: 'update', put, remove } satisfies Action);
}

/** Mark one highlight as active (selected in the panel), or none. */
export function setActiveHighlight(tr: Transaction, id: string | null): Transaction {
  return tr.setMeta(key, { type: 'active', id } satisfies Action);
}

/** Flash a highlight briefly (after "scroll to passage"). */
export function flashHighlight(tr: Transaction, id: string | null): Transaction {
  return tr.setMeta(key, { type: 'flash', id } satisfies Action);
}

/** The plugin's state, or null when the plugin is not installed. */
export function highlightState(state: EditorState): HighlightState | null {
  return key.getState(state) ?? null;
}

/**
 * Ids of the highlights under a position, innermost (shortest) first, so a
 * click on nested annotations picks the most specific one first.
 */
export function highlightsAt(state: EditorState, pos: number): HighlightRange[] {
  const hs = key.getState(state);
  if (!hs) return [];
  return hs.index.at(pos, false).sort((a, b) => a.to - a.from - (b.to - b.from));
}

/** Highlights meeting a position range, in document order. */
export function highlightsBetween(state: EditorState, from: number, to: number): HighlightRange[] {
  return key.getState(state)?.index.between(from, to) ?? [];
}
