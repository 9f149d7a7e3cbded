/**
 * A jsdom DOM of an article's canonical text, as a reader would render it:
 * one <p> per line, the line breaks kept as text nodes between them, so that
 * the root's textContent is exactly the text and DOM-based peers see the
 * same offsets we do.
 */
import { JSDOM } from 'jsdom';

export interface TextDom {
  window: JSDOM['window'];
  root: HTMLElement;
  /** UTF-16 offset in the text of the DOM position (node, offset), for text nodes. */
  offsetOf(node: Node, offset: number): number;
}

export function buildTextDom(text: string): TextDom {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  const doc = window.document;
  const root = doc.createElement('div');
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const p = doc.createElement('p');
    p.textContent = line;
    root.appendChild(p);
    if (i < lines.length - 1) root.appendChild(doc.createTextNode('\n'));
  });
  doc.body.appendChild(root);
  const starts = new Map<Node, number>();
  const walker = doc.createTreeWalker(root, window.NodeFilter.SHOW_TEXT);
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    starts.set(n, at);
    at += (n as Text).data.length;
  }
  if (at !== text.length) throw new Error('the DOM does not reproduce the text');
  return {
    window,
    root,
    offsetOf(node, offset) {
      const start = starts.get(node);
      if (start === undefined) return -1;
      return start + offset;
    },
  };
}
