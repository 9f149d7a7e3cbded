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
 *
 * The records themselves (`Article`, `Block`, `InlineMark`, …) are declared once,
 * as zod schemas in `session-schema.ts`; their types are re-exported here.
 */
import type {
  Article,
  ArticleMeta,
  ArticleSource,
  Block,
  InlineMark,
  SourceFormat,
} from './session-schema';
import { sha256Hex } from '../text/sha256';
import { newId } from './ids';

export type {
  Article,
  ArticleMeta,
  ArticleSource,
  Block,
  BlockType,
  InlineMark,
  InlineMarkType,
  SourceFormat,
  TextRange,
} from './session-schema';

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

/**
 * An article snapshot from parsed content: its hash, the source record
 * (`format` from the parser; file name, size and import time from the caller,
 * which owns the clock) and a fresh id unless one is given (a re-import keeps
 * the old article's id). `hash` must give what {@link sha256Hex} gives; a
 * caller in Node passes its native SHA-256, which hashes a 1.2 MB text in a
 * few milliseconds instead of some forty.
 */
export function toArticle(
  parsed: ParsedArticle,
  source: Omit<ArticleSource, 'format'>,
  id: string = newId(),
  hash: (text: string) => string = sha256Hex,
): Article {
  return {
    id,
    meta: parsed.meta,
    text: parsed.text,
    sha256: hash(parsed.text),
    blocks: parsed.blocks,
    marks: parsed.marks,
    source: { format: parsed.format, ...source },
  };
}
