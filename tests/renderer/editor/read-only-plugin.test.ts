// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestEditor } from './create-test-editor';
import { READ_ONLY_HINT } from '../../../renderer/editor/plugins/read-only-plugin';

afterEach(() => document.body.replaceChildren());

describe('readOnlyPlugin', () => {
  it('drops every transaction that changes the document, but keeps selection changes', () => {
    const { editor } = createTestEditor();
    const before = editor.view.state.doc;
    editor.view.dispatch(editor.view.state.tr.insertText('INJECTED', 5));
    editor.view.dispatch(editor.view.state.tr.delete(3, 40));
    expect(editor.view.state.doc).toBe(before);
    const start = editor.article.text.indexOf('sticky wicket');
    editor.selectSpan({ start, end: start + 13 });
    expect(editor.selectedSpan()).toEqual({ start, end: start + 13 });
  });

  it('cancels typing, cut and drag, and tells the host why', () => {
    const onRefused = vi.fn();
    const { editor } = createTestEditor([], { onRefused });
    const input = new InputEvent('beforeinput', {
      inputType: 'insertText',
      data: 'x',
      cancelable: true,
      bubbles: true,
    });
    editor.view.dom.dispatchEvent(input);
    expect(input.defaultPrevented).toBe(true);
    expect(onRefused).toHaveBeenCalledWith(READ_ONLY_HINT);
    const cut = new Event('cut', { cancelable: true, bubbles: true });
    editor.view.dom.dispatchEvent(cut);
    expect(cut.defaultPrevented).toBe(true);
    const drag = new Event('dragstart', { cancelable: true, bubbles: true });
    editor.view.dom.dispatchEvent(drag);
    expect(drag.defaultPrevented).toBe(true);
  });

  it('leaves the view editable so the caret works', () => {
    const { editor } = createTestEditor();
    expect(editor.view.dom.getAttribute('contenteditable')).toBe('true');
    expect(editor.view.dom.getAttribute('aria-readonly')).toBe('true');
  });
});
