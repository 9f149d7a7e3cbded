/**
 * The session model, declared once: each record is a zod schema, and its
 * TypeScript type is inferred from that schema (`z.infer`). Adding a field is
 * one edit here; the compiler then points at every place that builds the
 * record. `session.ts`, `article.ts` and `rating-scale.ts` re-export the types
 * for the modules that only need them (a type-only import never loads zod, so
 * the renderer's bundle stays without it).
 *
 * The same schemas check everything that crosses a trust boundary: session
 * files on load, portable `.fcw.json` files, and every API request (the op
 * schema in `shared/session/op-schema.ts` is built from them). Structural
 * checks live here; cross-references (a link's ends exist, a verdict's step is
 * on the scale, ranges fit the text) are checked by `checkSessionIntegrity` in
 * `validate-session.ts`, which returns sentences, not exceptions.
 *
 * This module imports only word lists and limits, so nothing it depends on
 * can depend on it.
 */
import { z } from 'zod';
import { ANCHOR_STATUSES, ANNOTATION_KINDS, LINK_RELATIONS, SPEAKER_KINDS } from './vocabulary';
import {
  MAX_ANNOTATIONS_PER_SESSION,
  MAX_ARTICLE_BYTES,
  MAX_ARTICLES_PER_SESSION,
  MAX_LINKS_PER_SESSION,
  MAX_NOTE_CHARS,
  MAX_SHORT_TEXT,
  MAX_DISMISSED_SUGGESTIONS,
} from './limits';

/** The session file format this build writes. Older versions are migrated on load. */
export const SCHEMA_VERSION = 1;

const shortText = z.string().max(MAX_SHORT_TEXT);
const noteText = z.string().max(MAX_NOTE_CHARS, {
  message: `is longer than the limit of ${MAX_NOTE_CHARS.toLocaleString('en')} characters`,
});
const id = z.string().min(1).max(200);
const isoTime = z.iso.datetime({ offset: true });
const offset = z.number().int().nonnegative();

// ---- articles ----------------------------------------------------------------------------
// An article is its canonical text plus standoff structure over it (see `article.ts`). Block
// and mark ranges are UTF-16 code-unit offsets; annotation selectors count code points.

export const BLOCK_TYPES = [
  'paragraph',
  'heading',
  'caption',
  'quote',
  'list-item',
  'tweet',
] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

export const MARK_TYPES = ['link', 'em', 'strong'] as const;
export type InlineMarkType = (typeof MARK_TYPES)[number];

/** `seed`: the seed's plain-text format; `text`: any other plain text. */
export const SOURCE_FORMATS = ['seed', 'text', 'markdown', 'html'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** Half-open range `[start, end)` of UTF-16 offsets into an article's canonical text. */
export const textRangeSchema = z.object({ start: offset, end: offset });
export type TextRange = z.infer<typeof textRangeSchema>;

/**
 * One block of the article, in document order. Invariants (checked by
 * `checkArticleStructure`): blocks do not overlap and are sorted by `start`;
 * `start < end`; a `"\n"` inside a block's range is a line break, never a
 * paragraph break.
 */
export const blockSchema = z.object({
  type: z.enum(BLOCK_TYPES),
  /** Start of the block's text; for a tweet, the tweet's own words. */
  start: offset,
  end: offset,
  /** Heading level 1–6 (headings only). */
  level: z.number().int().min(1).max(6).optional(),
  /** Tweets only: the attribution line, e.g. `— Donald J. Trump (@realDonaldTrump) May 16, 2017`. */
  attribution: textRangeSchema.optional(),
  /** List items only: whether the list is numbered. */
  ordered: z.boolean().optional(),
});
export type Block = z.infer<typeof blockSchema>;

/** Inline formatting kept from HTML or Markdown imports. Links are http(s) or mailto only. */
export const inlineMarkSchema = z.object({
  type: z.enum(MARK_TYPES),
  start: offset,
  end: offset,
  href: z.string().max(2048).optional(),
});
export type InlineMark = z.infer<typeof inlineMarkSchema>;

/** Editable article metadata. */
export const articleMetaSchema = z.object({
  title: shortText,
  outlet: shortText,
  url: z.string().max(2048),
  /** `YYYY-MM-DD`, or empty when unknown. */
  date: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
  byline: shortText,
});
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

/** Where an article came from. */
export const articleSourceSchema = z.object({
  format: z.enum(SOURCE_FORMATS),
  fileName: z.string().max(1024),
  /** Size of the imported file in bytes. */
  bytes: offset,
  importedAt: isoTime,
});
export type ArticleSource = z.infer<typeof articleSourceSchema>;

/** An article snapshot, as a session (and the library) keeps it. */
export const articleSchemaZ = z.object({
  id,
  meta: articleMetaSchema,
  /** The canonical text (see `article.ts` and `article/plain-text.ts`). */
  text: z.string().max(MAX_ARTICLE_BYTES),
  /** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  blocks: z.array(blockSchema),
  marks: z.array(inlineMarkSchema),
  source: articleSourceSchema,
});
export type Article = z.infer<typeof articleSchemaZ>;

// ---- the rating scale --------------------------------------------------------------------

/** One verdict on a rating scale. `value` maps onto schema.org Rating.ratingValue. */
export const ratingStepSchema = z.object({
  /** Stable id stored on verdicts, e.g. `mostly-true`. */
  id: z.string().min(1).max(100),
  /** What readers see, and schema.org Rating.alternateName, e.g. `Mostly true`. */
  label: z.string().min(1).max(200),
  /** Numeric value between the scale's worst and best (inclusive). */
  value: z.number().finite(),
  /** What the step means, shown in the report's methodology. */
  description: z.string().max(MAX_NOTE_CHARS),
});
export type RatingStep = z.infer<typeof ratingStepSchema>;

/** A session's verdict scale. Invariant: worst < best, and every step's value lies in [worst, best]. */
export const ratingScaleSchema = z
  .object({
    name: shortText,
    best: z.number().finite(),
    worst: z.number().finite(),
    steps: z.array(ratingStepSchema).min(1).max(50),
  })
  .refine((s) => s.worst < s.best, { message: 'the scale needs worst < best' })
  .refine((s) => s.steps.every((x) => x.value >= s.worst && x.value <= s.best), {
    message: 'every step value must lie between worst and best',
  })
  .refine((s) => new Set(s.steps.map((x) => x.id)).size === s.steps.length, {
    message: 'step ids must be unique',
  });
export type RatingScale = z.infer<typeof ratingScaleSchema>;

// ---- annotations, links, speakers --------------------------------------------------------

/** W3C TextQuoteSelector: the quoted text with a little context either side. */
export const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(MAX_ARTICLE_BYTES),
  prefix: z.string().max(MAX_SHORT_TEXT),
  suffix: z.string().max(MAX_SHORT_TEXT),
});
export type TextQuoteSelector = z.infer<typeof textQuoteSelectorSchema>;

/** W3C TextPositionSelector. Offsets count Unicode code points; `end` is exclusive. */
export const textPositionSelectorSchema = z
  .object({ type: z.literal('TextPositionSelector'), start: offset, end: offset })
  .refine((p) => p.end > p.start, { message: 'a position selector needs end > start' });
export type TextPositionSelector = z.infer<typeof textPositionSelectorSchema>;

/** Where an annotation points: a passage of one of the session's articles. */
export const annotationTargetSchema = z.object({
  articleId: id,
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
  /** See `ANCHOR_STATUSES` in `vocabulary.ts`. */
  status: z.enum(ANCHOR_STATUSES),
  /**
   * The quote as the reviewer marked it, kept when a re-import found only a
   * passage with other wording (status `changed`, or `orphaned` after that).
   * Absent otherwise; confirming or re-attaching removes it.
   */
  was: z.string().max(MAX_ARTICLE_BYTES).optional(),
});
export type AnnotationTarget = z.infer<typeof annotationTargetSchema>;

/** A verdict on a claim: a step of the session's scale and the reasons for it. */
export const verdictSchema = z.object({ stepId: z.string().min(1).max(100), rationale: noteText });
export type Verdict = z.infer<typeof verdictSchema>;

/** A marked passage. */
export const annotationSchema = z.object({
  id,
  kind: z.enum(ANNOTATION_KINDS),
  target: annotationTargetSchema,
  speakerId: id.nullable(),
  note: noteText,
  tags: z.array(z.string().min(1).max(200)).max(100),
  /** Claims only; null when not yet rated. */
  verdict: verdictSchema.nullable(),
  /** Who made the annotation (the session's reviewer name at the time). */
  reviewer: shortText,
  created: isoTime,
  modified: isoTime,
});
export type Annotation = z.infer<typeof annotationSchema>;

/** A typed, directed relation: `from` {relation} `to`, e.g. a denial `contradicts` a claim. */
export const linkSchema = z.object({
  id,
  from: id,
  to: id,
  relation: z.enum(LINK_RELATIONS),
  note: noteText,
  reviewer: shortText,
  created: isoTime,
  modified: isoTime,
});
export type Link = z.infer<typeof linkSchema>;

/** Someone whose statements are annotated. Aliases catch other spellings ("Sergei"/"Sergey"). */
export const speakerSchema = z.object({
  id,
  name: z.string().min(1).max(MAX_SHORT_TEXT),
  kind: z.enum(SPEAKER_KINDS),
  role: shortText,
  organisation: shortText,
  aliases: z.array(z.string().min(1).max(MAX_SHORT_TEXT)).max(100),
});
export type Speaker = z.infer<typeof speakerSchema>;

// ---- the session -------------------------------------------------------------------------

/** Per-session settings, including what publishing a ClaimReview needs. */
export const sessionSettingsSchema = z.object({
  /** Name recorded on new annotations. */
  reviewer: shortText,
  /** The fact-checking organisation (ClaimReview `author`). */
  organisationName: shortText,
  organisationUrl: z.string().max(2048),
  /** Absolute http(s) URL under which the fact check is published; ClaimReview `url` = base + claim id. */
  publicationBaseUrl: z.string().max(2048),
  /** Methodology note printed in reports. */
  methodology: noteText,
});
export type SessionSettings = z.infer<typeof sessionSettingsSchema>;

/** Where the reviewer was: restored exactly on reopen. */
export const viewStateSchema = z.object({
  openArticleId: id.nullable(),
  /** Scroll offset of each article's reading pane, in CSS pixels, by article id. */
  scroll: z.record(z.string(), z.number().finite().nonnegative()),
});
export type ViewState = z.infer<typeof viewStateSchema>;

export const dismissedSuggestionSchema = z.object({
  id,
  articleId: id,
  text: z.string().min(1).max(MAX_NOTE_CHARS),
  start: offset,
  end: offset,
  reviewer: shortText,
  at: isoTime,
});

export type DismissedSuggestion = z.infer<typeof dismissedSuggestionSchema>;

/**
 * One review session, as stored (a session file of the current version). It
 * owns snapshots of its articles, its speakers, annotations, links, rating
 * scale and settings, and the view state. `revision` counts committed changes;
 * the store uses it to order journal entries.
 */
export const sessionSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id,
  name: z.string().min(1).max(MAX_SHORT_TEXT),
  createdAt: isoTime,
  updatedAt: isoTime,
  revision: z.number().int().nonnegative(),
  settings: sessionSettingsSchema,
  scale: ratingScaleSchema,
  articles: z.array(articleSchemaZ).max(MAX_ARTICLES_PER_SESSION),
  speakers: z.array(speakerSchema).max(10_000),
  annotations: z.array(annotationSchema).max(MAX_ANNOTATIONS_PER_SESSION, {
    message: `holds more than ${MAX_ANNOTATIONS_PER_SESSION.toLocaleString('en')} annotations, the limit per session`,
  }),
  links: z.array(linkSchema).max(MAX_LINKS_PER_SESSION),
  view: viewStateSchema,
  dismissed: z.array(dismissedSuggestionSchema).max(MAX_DISMISSED_SUGGESTIONS).optional(),
});
export type Session = z.infer<typeof sessionSchema>;
