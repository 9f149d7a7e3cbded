// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import {
  idsAtPos,
  reviewEventsPlugin,
} from '../../../renderer/editor/plugins/review-events-plugin';
import { highlightPlugin, setHighlights } from '../../../renderer/editor/plugins/highlight-plugin';
import { articleToDoc } from '../../../shared/article/article-doc';
import { seedArticle } from '../../helpers/seed-session';

afterEach(() => document.body.replaceChildren());

function mount(callbacks: Parameters<typeof reviewEventsPlugin>[0]) {
  const host = document.body.appendChild(document.createElement('div'));
  const view = new EditorView(host, {
    state: EditorState.create({
      doc: articleToDoc(seedArticle()).doc,
      plugins: [highlightPlugin({ forceDecorations: true }), reviewEventsPlugin(callbacks)],
    }),
  });
  view.dispatch(
    setHighlights(view.state.tr, [
      { id: 'outer', from: 300, to: 400, kind: 'claim', status: 'anchored' },
      { id: 'inner', from: 320, to: 330, kind: 'context', status: 'anchored' },
    ]),
  );
  return view;
}

describe('reviewEventsPlugin', () => {
  it('reports selection changes, and only those', () => {
    const onSelectionChange = vi.fn();
    const view = mount({ onSelectionChange });
    view.dispatch(view.state.tr.setMeta('unrelated', 1));
    expect(onSelectionChange).not.toHaveBeenCalled();
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 305, 315)));
    expect(onSelectionChange).toHaveBeenCalledTimes(1);
  });

  it('finds the highlights under a position, innermost first, forgiving a click on a last half character', () => {
    const view = mount({});
    expect(idsAtPos(view, 325)).toEqual(['inner', 'outer']);
    expect(idsAtPos(view, 400)).toEqual(['outer']);
    expect(idsAtPos(view, 450)).toEqual([]);
  });
});
