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
import type { ArticleMeta, Block, InlineMark, SourceFormat } from './session-schema';

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
