/**
 * The opening of an HTML article, read after its blocks are derived: the
 * HTML counterpart of `readOpening` for plain text (see `article-opening.ts`).
 * Pages pasted from a browser come without their head, so the byline, the
 * date and even the headline may be plain paragraphs at the top.
 */
import type { ArticleMeta, Block } from '../model/article';
import {
  bylineOfLine,
  dateInByline,
  dateOfLine,
  isFurnitureLine,
  isHeadlineLine,
  isKickerLine,
  OPENING_LINES,
} from './article-opening';

/**
 * The opening blocks of a page that came without (all of) its metadata, such
 * as HTML pasted from a browser: a byline (`By …`) or a date line fills in
 * what `meta` lacks, and when the page has no title and its first body block
 * is a one-line headline in a plain paragraph, that block becomes a level-1
 * heading (so the headline is the title, not a repeated first paragraph).
 * The blocks stay in the text; `blocks` and `meta` are updated in place.
 */
export function readHtmlOpening(text: string, blocks: Block[], meta: ArticleMeta): void {
  let headed = false;
  for (let i = 0; i < Math.min(blocks.length - 1, OPENING_LINES); i++) {
    const b = blocks[i]!;
    const line = text.slice(b.start, b.end);
    if (b.type === 'caption') continue;
    if (b.type !== 'paragraph' && b.type !== 'heading') return;
    if (line.includes('\n')) return;
    const byline = bylineOfLine(line);
    const date = byline ? dateInByline(line) : dateOfLine(line);
    if (date || byline) {
      if (date && !meta.date) meta.date = date;
      if (byline && !meta.byline) meta.byline = byline;
      continue;
    }
    if (isKickerLine(line) || isFurnitureLine(line)) continue;
    if (b.type === 'heading') {
      headed = true;
      continue;
    }
    // The first paragraph of the body, or a headline set as a plain paragraph.
    if (!headed && !meta.title && isHeadlineLine(line)) {
      blocks[i] = { type: 'heading', level: 1, start: b.start, end: b.end };
      headed = true;
      continue;
    }
    return;
  }
}
