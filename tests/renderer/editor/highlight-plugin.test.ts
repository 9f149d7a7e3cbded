// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import {
  flashHighlight,
  highlightPlugin,
  highlightState,
  highlightsAt,
  setActiveHighlight,
  setHighlights,
  updateHighlights,
} from '../../../renderer/editor/plugins/highlight-plugin';
import { articleToDoc } from '../../../shared/article/article-doc';
import { seedArticle } from '../../helpers/seed-session';

afterEach(() => document.body.replaceChildren());

function state() {
  return EditorState.create({
    doc: articleToDoc(seedArticle()).doc,
    plugins: [highlightPlugin({ forceDecorations: true })],
  });
}

describe('highlightPlugin state', () => {
  it('sets, updates and removes ranges, recording what changed', () => {
    let s = state();
    s = s.apply(
      setHighlights(s.tr, [
        { id: 'long', from: 10, to: 80, kind: 'claim', status: 'anchored' },
        { id: 'inner', from: 20, to: 30, kind: 'counter-statement', status: 'anchored' },
      ]),
    );
    expect(highlightState(s)!.change).toEqual({ type: 'all' });
    expect(highlightsAt(s, 25).map((h) => h.id)).toEqual(['inner', 'long']);
    s = s.apply(
      updateHighlights(
        s.tr,
        [{ id: 'new', from: 90, to: 95, kind: 'evidence', status: 'moved' }],
        ['inner'],
      ),
    );
    expect(highlightState(s)!.change).toMatchObject({ type: 'some', removed: ['inner'] });
    expect(highlightsAt(s, 25).map((h) => h.id)).toEqual(['long']);
    expect(highlightsAt(s, 92).map((h) => h.id)).toEqual(['new']);
    // A transaction without a meta reports no change.
    s = s.apply(s.tr.setMeta('other', true));
    expect(highlightState(s)!.change).toEqual({ type: 'none' });
  });

  it('maps ranges through document changes', () => {
    let s = state();
    s = s.apply(
      setHighlights(s.tr, [{ id: 'x', from: 50, to: 60, kind: 'claim', status: 'anchored' }]),
    );
    s = s.apply(s.tr.insertText('abc', 10));
    expect(highlightState(s)!.index.get('x')).toMatchObject({ from: 53, to: 63 });
    s = s.apply(s.tr.delete(40, 70));
    expect(highlightState(s)!.index.get('x')).toBeUndefined();
  });

  it('clears the active highlight when it is removed, and flashes with a new sequence each time', () => {
    let s = state();
    s = s.apply(
      setHighlights(s.tr, [{ id: 'x', from: 50, to: 60, kind: 'claim', status: 'anchored' }]),
    );
    s = s.apply(setActiveHighlight(s.tr, 'x'));
    expect(highlightState(s)!.active).toBe('x');
    s = s.apply(flashHighlight(s.tr, 'x'));
    const seq = highlightState(s)!.flash!.seq;
    s = s.apply(flashHighlight(s.tr, 'x'));
    expect(highlightState(s)!.flash!.seq).toBeGreaterThan(seq);
    s = s.apply(updateHighlights(s.tr, [], ['x']));
    expect(highlightState(s)!.active).toBeNull();
  });
});
