// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { reviewKeymapPlugin } from '../../../renderer/editor/plugins/review-keymap-plugin';
import { SHORTCUTS, type ReviewCommand } from '../../../renderer/editor/shortcuts';
import { articleToDoc } from '../../../shared/article/article-doc';
import { seedArticle } from '../../helpers/seed-session';

afterEach(() => document.body.replaceChildren());

function mount(handled: ReviewCommand[]) {
  const seen: ReviewCommand[] = [];
  const host = document.body.appendChild(document.createElement('div'));
  const view = new EditorView(host, {
    state: EditorState.create({
      doc: articleToDoc(seedArticle()).doc,
      plugins: [reviewKeymapPlugin((c) => (seen.push(c), handled.includes(c)))],
    }),
  });
  const press = (init: KeyboardEventInit) => {
    const e = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
    view.dom.dispatchEvent(e);
    return e.defaultPrevented;
  };
  return { seen, press };
}

describe('reviewKeymapPlugin', () => {
  it('reports every article shortcut of the table as its command', () => {
    const all = SHORTCUTS.map((s) => s.command);
    const { seen, press } = mount(all);
    const cases: [KeyboardEventInit, ReviewCommand][] = [
      [{ key: '1' }, 'mark-claim'],
      [{ key: '2' }, 'mark-counter-statement'],
      [{ key: '3' }, 'mark-evidence'],
      [{ key: '4' }, 'mark-context'],
      [{ key: 's' }, 'select-sentence'],
      [{ key: 'q' }, 'select-quotation'],
      [{ key: 'Enter' }, 'open-annotation'],
      [{ key: 'l' }, 'link'],
      [{ key: 'v' }, 'verdict'],
      [{ key: 'Delete' }, 'delete-annotation'],
      [{ key: 'n' }, 'next-annotation'],
      [{ key: 'p' }, 'previous-annotation'],
      [{ key: 'g' }, 'goto'],
      [{ key: 'a' }, 'accept-suggestion'],
      [{ key: 'x' }, 'dismiss-suggestion'],
      [{ key: 'N', shiftKey: true }, 'next-suggestion'],
      [{ key: 'P', shiftKey: true }, 'previous-suggestion'],
      [{ key: 'S', shiftKey: true }, 'toggle-suggestions'],
      [{ key: 'f', ctrlKey: true }, 'find'],
      [{ key: 'F10', shiftKey: true }, 'context-menu'],
      [{ key: 'z', ctrlKey: true }, 'undo'],
      // Browsers give keyCode; prosemirror-keymap uses it to find 'z' behind Shift's 'Z'.
      [{ key: 'Z', keyCode: 90, ctrlKey: true, shiftKey: true }, 'redo'],
    ];
    for (const [init] of cases) expect(press(init)).toBe(true);
    expect(seen).toEqual(cases.map((c) => c[1]));
  });

  it('lets a key through (no preventDefault) when the host does not handle it, and ignores other keys', () => {
    const { seen, press } = mount([]);
    expect(press({ key: 'l' })).toBe(false);
    expect(press({ key: 'x' })).toBe(false);
    expect(press({ key: 'k' })).toBe(false);
    expect(press({ key: 'ArrowRight' })).toBe(false);
    expect(seen).toEqual(['link', 'dismiss-suggestion']);
  });
});
