/**
 * Shows the invisible and direction-changing characters of the article text
 * instead of letting them act (see shared/text/visible-text.ts). The text is
 * the source being checked, so the characters stay in it, at their offsets;
 * each gets a visible marker (`⟨U+202E⟩`) before it, and is wrapped in an
 * inline decoration styled `unicode-bidi: isolate`, which ends any embedding
 * or override the character opens at the end of its own one-character span.
 * A headline `Price \u202Egnp.exe` therefore reads as written, never as
 * "Price exe.png".
 *
 * The document is read-only, so the decorations are computed once per
 * document, in one pass over its text nodes.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { findInvisibles, invisibleMarker } from '../../../shared/text/visible-text';

function marker(text: string): () => HTMLElement {
  return () => {
    const span = document.createElement('span');
    span.className = 'fc-invisible-marker';
    span.textContent = text;
    return span;
  };
}

/** The decorations for every invisible character of `doc`. */
export function invisibleDecorations(doc: PMNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const { index, ch } of findInvisibles(node.text!)) {
      const from = pos + index;
      const label = invisibleMarker(ch);
      decorations.push(
        Decoration.widget(from, marker(label), { side: -1, ignoreSelection: true, key: label }),
        Decoration.inline(from, from + ch.length, { class: 'fc-invisible' }),
      );
    }
    return false;
  });
  return decorations.length ? DecorationSet.create(doc, decorations) : DecorationSet.empty;
}

/** The plugin: decorations recomputed only when the document itself changes. */
export function invisiblesPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    state: {
      init: (_config, state) => invisibleDecorations(state.doc),
      apply: (tr, set) => (tr.docChanged ? invisibleDecorations(tr.doc) : set),
    },
    props: {
      decorations(state) {
        return this.getState(state);
      },
    },
  });
}
