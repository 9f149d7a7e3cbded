/**
 * From an article's standoff structure to a ProseMirror document, and the map
 * between ProseMirror positions and canonical-text offsets.
 *
 * Invariant that makes the map exact: the inline content of every textblock
 * is a contiguous range of the canonical text, and each character (a line
 * break included, as a `hard_break` of size 1) takes one ProseMirror position
 * per UTF-16 code unit. So inside a textblock, `offset = start + (pos - contentStart)`.
 * Text between textblocks (blank lines, the seed's date token, its repeated
 * caption) has no position in the document.
 */
import { Mark, type Node as PMNode } from 'prosemirror-model';
import type { Article, Block, InlineMark, TextRange } from '../model/article';
import { articleSchema } from './article-schema';

/** One textblock's place in both coordinate systems. */
export interface Segment {
  /** Position of the textblock's first content character in the document. */
  pos: number;
  /** Canonical UTF-16 range of the textblock's content. */
  start: number;
  end: number;
}

/** Document plus the position ↔ offset map of one article. */
export interface ArticleDoc {
  doc: PMNode;
  map: ArticleMap;
}

/**
 * Build the ProseMirror document of an article. Throws `RangeError` when the
 * structure does not fit the text (ranges out of order or out of bounds); use
 * {@link checkArticleStructure} first for a message instead.
 */
export function articleToDoc(article: Pick<Article, 'text' | 'blocks' | 'marks'>): ArticleDoc {
  const problem = checkArticleStructure(article);
  if (problem) throw new RangeError(problem);
  const schema = articleSchema;
  const marks = [...article.marks].sort((a, b) => a.start - b.start);
  const children: PMNode[] = [];
  const segments: Segment[] = [];
  let pos = 0; // position before the next top-level node

  const inline = (range: TextRange): PMNode[] => inlineContent(article.text, range, marks);

  for (const b of article.blocks) {
    if (b.type === 'tweet') {
      const textNode = schema.nodes.tweet_text!.create(null, inline(b));
      segments.push({ pos: pos + 2, start: b.start, end: b.end });
      const parts = [textNode];
      if (b.attribution) {
        segments.push({
          pos: pos + 2 + textNode.nodeSize,
          start: b.attribution.start,
          end: b.attribution.end,
        });
        parts.push(schema.nodes.tweet_attribution!.create(null, inline(b.attribution)));
      }
      const node = schema.nodes.tweet!.create(null, parts);
      children.push(node);
      pos += node.nodeSize;
      continue;
    }
    const node = blockNode(b, inline(b));
    segments.push({ pos: pos + 1, start: b.start, end: b.end });
    children.push(node);
    pos += node.nodeSize;
  }
  if (children.length === 0) children.push(schema.nodes.paragraph!.create());
  const doc = schema.nodes.doc!.create(null, children);
  return { doc, map: new ArticleMap(segments, article.text.length) };
}

function blockNode(b: Block, content: PMNode[]): PMNode {
  const n = articleSchema.nodes;
  switch (b.type) {
    case 'heading':
      return n.heading!.create({ level: b.level ?? 2 }, content);
    case 'caption':
      return n.caption!.create(null, content);
    case 'quote':
      return n.quote!.create(null, content);
    case 'list-item':
      return n.list_item!.create({ ordered: b.ordered ?? false }, content);
    default:
      return n.paragraph!.create(null, content);
  }
}

/** Text nodes and hard breaks for one range, with the inline marks that cover each piece. */
function inlineContent(text: string, range: TextRange, marks: InlineMark[]): PMNode[] {
  const s = articleSchema;
  // Cut points: line breaks and mark boundaries inside the range.
  const cuts = new Set<number>([range.start, range.end]);
  const active = marks.filter((m) => m.end > range.start && m.start < range.end);
  for (const m of active) {
    cuts.add(Math.max(m.start, range.start));
    cuts.add(Math.min(m.end, range.end));
  }
  for (
    let i = text.indexOf('\n', range.start);
    i !== -1 && i < range.end;
    i = text.indexOf('\n', i + 1)
  ) {
    cuts.add(i);
    cuts.add(i + 1);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: PMNode[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    if (from >= to) continue;
    if (text.charCodeAt(from) === 10 && to === from + 1) {
      out.push(s.nodes.hard_break!.create());
      continue;
    }
    const pieceMarks: Mark[] = [];
    for (const m of active) {
      if (m.start <= from && m.end >= to) {
        pieceMarks.push(
          m.type === 'link'
            ? s.marks.link!.create({ href: m.href ?? '' })
            : s.marks[m.type]!.create(),
        );
      }
    }
    out.push(s.text(text.slice(from, to), Mark.setFrom(pieceMarks)));
  }
  return out;
}

/**
 * Checks the standoff structure against its text: ranges in bounds, sorted,
 * non-overlapping and non-empty, attribution after its tweet text, marks in
 * bounds. Returns a sentence describing the first problem, or null.
 */
export function checkArticleStructure(
  article: Pick<Article, 'text' | 'blocks' | 'marks'>,
): string | null {
  const len = article.text.length;
  let prevEnd = 0;
  for (let i = 0; i < article.blocks.length; i++) {
    const b = article.blocks[i]!;
    const ranges: TextRange[] = [b];
    if (b.attribution) {
      if (b.type !== 'tweet')
        return `block ${i} (${b.type}) has an attribution, which only tweets may have`;
      ranges.push(b.attribution);
    }
    for (const r of ranges) {
      if (!Number.isInteger(r.start) || !Number.isInteger(r.end))
        return `block ${i} has a non-integer range`;
      if (r.start < prevEnd)
        return `block ${i} starts at ${r.start}, before the previous block ends (${prevEnd})`;
      if (r.end <= r.start) return `block ${i} is empty or reversed (${r.start}–${r.end})`;
      if (r.end > len) return `block ${i} ends at ${r.end}, past the end of the text (${len})`;
      if (article.text.slice(r.start, r.end).includes('\n\n'))
        return `block ${i} contains a paragraph break`;
      prevEnd = r.end;
    }
  }
  for (let i = 0; i < article.marks.length; i++) {
    const m = article.marks[i]!;
    if (!(m.start >= 0 && m.end > m.start && m.end <= len))
      return `inline mark ${i} is out of bounds`;
  }
  return null;
}

/**
 * Maps ProseMirror positions to canonical UTF-16 offsets and back, by binary
 * search over the textblock segments. O(log blocks) per call.
 */
export class ArticleMap {
  constructor(
    readonly segments: readonly Segment[],
    readonly textLength: number,
  ) {}

  /**
   * Canonical offset of a document position. A position outside every
   * textblock (between blocks) maps to the nearest textblock edge: the end of
   * the previous one when `bias` is -1, the start of the next one when 1.
   */
  posToOffset(pos: number, bias: -1 | 1 = 1): number {
    const segs = this.segments;
    if (segs.length === 0) return 0;
    const i = lastAtOrBefore(segs, pos, (s) => s.pos);
    if (i >= 0) {
      const s = segs[i]!;
      const within = pos - s.pos;
      if (within <= s.end - s.start) return s.start + within;
      // Past the end of segment i: between blocks.
      const next = segs[i + 1];
      return bias < 0 || !next ? s.end : next.start;
    }
    return segs[0]!.start;
  }

  /**
   * Document position of a canonical offset. An offset in text that the
   * document does not show maps to the nearest shown edge (see `posToOffset`).
   */
  offsetToPos(offset: number, bias: -1 | 1 = 1): number {
    const segs = this.segments;
    if (segs.length === 0) return 0;
    const i = lastAtOrBefore(segs, offset, (s) => s.start);
    if (i >= 0) {
      const s = segs[i]!;
      if (offset <= s.end) return s.pos + (offset - s.start);
      const next = segs[i + 1];
      return bias < 0 || !next ? s.pos + (s.end - s.start) : next.pos;
    }
    return segs[0]!.pos;
  }

  /** The segment containing a canonical offset (end-inclusive), or null. */
  segmentAt(offset: number): Segment | null {
    const i = lastAtOrBefore(this.segments, offset, (s) => s.start);
    const s = i >= 0 ? this.segments[i]! : null;
    return s && offset <= s.end ? s : null;
  }
}

/** Index of the last element whose key is <= value, or -1. */
function lastAtOrBefore<T>(arr: readonly T[], value: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(arr[mid]!) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
