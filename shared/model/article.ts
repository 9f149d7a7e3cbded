/**
 * The article model.
 *
 * An article is its **canonical text** plus standoff structure over it. The
 * canonical text is the exact string that annotation offsets refer to; every
 * block and inline mark is a range into it, so the text is stored once and the
 * ProseMirror document is derived from it (see `article/article-doc.ts`).
 *
 * Units: block and mark ranges are UTF-16 code-unit offsets (internal
 * structure, the unit ProseMirror counts). Annotation selectors count Unicode
 * code points (the W3C unit); `text/code-points.ts` converts at that boundary.
 */

/** Half-open range `[start, end)` of UTF-16 offsets into an article's canonical text. */
export interface TextRange {
  start: number;
  end: number;
}

export const BLOCK_TYPES = [
  'paragraph',
  'heading',
  'caption',
  'quote',
  'list-item',
  'tweet',
] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

/**
 * One block of the article, in document order. Invariants: blocks do not
 * overlap and are sorted by `start`; `start < end`; a `"\n"` inside a block's
 * range is a line break, never a paragraph break.
 */
export interface Block {
  type: BlockType;
  /** The block's text; for a tweet, the tweet's own words. */
  start: number;
  end: number;
  /** Heading level 1–6 (headings only). */
  level?: number;
  /** Tweets only: the attribution line, e.g. `— Donald J. Trump (@realDonaldTrump) May 16, 2017`. */
  attribution?: TextRange;
  /** List items only: whether the list is numbered. */
  ordered?: boolean;
}

export const MARK_TYPES = ['link', 'em', 'strong'] as const;
export type InlineMarkType = (typeof MARK_TYPES)[number];

/** Inline formatting kept from HTML or Markdown imports. Links are http(s) or mailto only. */
export interface InlineMark extends TextRange {
  type: InlineMarkType;
  href?: string;
}

/** Editable article metadata. `date` is `YYYY-MM-DD` or empty when unknown. */
export interface ArticleMeta {
  title: string;
  outlet: string;
  url: string;
  date: string;
  byline: string;
}

export const SOURCE_FORMATS = ['seed', 'text', 'markdown', 'html'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** Where an article came from. */
export interface ArticleSource {
  /** `seed`: the seed's plain-text format; `text`: any other plain text. */
  format: SourceFormat;
  fileName: string;
  /** Size of the imported file in bytes. */
  bytes: number;
  importedAt: string;
}

/** An article snapshot, as a session keeps it. */
export interface Article {
  id: string;
  meta: ArticleMeta;
  /** The canonical text (see the module comment and `article/plain-text.ts`). */
  text: string;
  /** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
  sha256: string;
  blocks: Block[];
  marks: InlineMark[];
  source: ArticleSource;
}

/** The parts of an article a parser produces; the library adds id, hash and source. */
export interface ParsedArticle {
  text: string;
  blocks: Block[];
  marks: InlineMark[];
  meta: ArticleMeta;
  format: SourceFormat;
}

/** Empty metadata. */
export function emptyMeta(): ArticleMeta {
  return { title: '', outlet: '', url: '', date: '', byline: '' };
}
