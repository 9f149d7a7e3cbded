/**
 * The per-pass text index that anchoring works against. Build one with
 * {@link createAnchorIndex} for a text, then anchor every selector of that
 * pass through it: the code-point conversion is built once, and exact
 * occurrences of quotes are found through it rather than by a fresh scan each.
 */
import { CodePointIndex } from '../text/code-points';

/** A text prepared for anchoring. Immutable; safe to share within one pass. */
export interface AnchorIndex {
  /** The text anchored against (canonical article text). */
  readonly text: string;
  /** UTF-16 ↔ code-point conversion for {@link text}. */
  readonly codePoints: CodePointIndex;
  /** UTF-16 start offsets of every exact occurrence of `needle` (overlapping ones too), ascending. */
  occurrences(needle: string): number[];
}

/** Build the anchoring index of a text. O(n); see {@link AnchorIndex}. */
export function createAnchorIndex(text: string): AnchorIndex {
  return new TextAnchorIndex(text);
}

class TextAnchorIndex implements AnchorIndex {
  readonly codePoints: CodePointIndex;

  constructor(readonly text: string) {
    this.codePoints = new CodePointIndex(text);
  }

  occurrences(needle: string): number[] {
    const found: number[] = [];
    if (needle.length === 0) return found;
    for (let at = this.text.indexOf(needle); at !== -1; at = this.text.indexOf(needle, at + 1)) {
      found.push(at);
    }
    return found;
  }
}
