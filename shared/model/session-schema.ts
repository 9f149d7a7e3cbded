/**
 * Validation schemas (zod) for everything that crosses a trust boundary: session
 * files on load, portable `.fcw.json` files, and every API request. The same
 * schemas run in the Node service, over IPC and over HTTP.
 *
 * Structural checks live here; cross-references (a link's ends exist, a
 * verdict's step is on the scale, ranges fit the text) are checked by
 * {@link checkSessionIntegrity}, which returns sentences, not exceptions.
 */
import { z } from 'zod';
import { BLOCK_TYPES, MARK_TYPES, SOURCE_FORMATS } from './article';
import { checkArticleStructure } from '../article/article-doc';
import { ANNOTATION_KINDS, LINK_RELATIONS } from './vocabulary';
import {
  MAX_ANNOTATIONS_PER_SESSION,
  MAX_ARTICLE_BYTES,
  MAX_ARTICLES_PER_SESSION,
  MAX_LINKS_PER_SESSION,
  MAX_NOTE_CHARS,
  MAX_SHORT_TEXT,
  MAX_DISMISSED_SUGGESTIONS,
} from './limits';
import { ANCHOR_STATUSES, SCHEMA_VERSION, type Session } from './session';
import type { Article } from './article';
import { sha256Hex } from '../text/sha256';
import { CodePointIndex } from '../text/code-points';

const shortText = z.string().max(MAX_SHORT_TEXT);
const noteText = z.string().max(MAX_NOTE_CHARS, {
  message: `is longer than the limit of ${MAX_NOTE_CHARS.toLocaleString('en')} characters`,
});
const id = z.string().min(1).max(200);
const isoTime = z.iso.datetime({ offset: true });
const offset = z.number().int().nonnegative();

export const textRangeSchema = z.object({ start: offset, end: offset });

export const blockSchema = z.object({
  type: z.enum(BLOCK_TYPES),
  start: offset,
  end: offset,
  level: z.number().int().min(1).max(6).optional(),
  attribution: textRangeSchema.optional(),
  ordered: z.boolean().optional(),
});

export const inlineMarkSchema = z.object({
  type: z.enum(MARK_TYPES),
  start: offset,
  end: offset,
  href: z.string().max(2048).optional(),
});

export const articleMetaSchema = z.object({
  title: shortText,
  outlet: shortText,
  url: z.string().max(2048),
  date: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
  byline: shortText,
});

export const articleSchemaZ = z.object({
  id,
  meta: articleMetaSchema,
  text: z.string().max(MAX_ARTICLE_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  blocks: z.array(blockSchema),
  marks: z.array(inlineMarkSchema),
  source: z.object({
    format: z.enum(SOURCE_FORMATS),
    fileName: z.string().max(1024),
    bytes: offset,
    importedAt: isoTime,
  }),
});

export const ratingScaleSchema = z
  .object({
    name: shortText,
    best: z.number().finite(),
    worst: z.number().finite(),
    steps: z
      .array(
        z.object({
          id: z.string().min(1).max(100),
          label: z.string().min(1).max(200),
          value: z.number().finite(),
          description: z.string().max(MAX_NOTE_CHARS),
        }),
      )
      .min(1)
      .max(50),
  })
  .refine((s) => s.worst < s.best, { message: 'the scale needs worst < best' })
  .refine((s) => s.steps.every((x) => x.value >= s.worst && x.value <= s.best), {
    message: 'every step value must lie between worst and best',
  })
  .refine((s) => new Set(s.steps.map((x) => x.id)).size === s.steps.length, {
    message: 'step ids must be unique',
  });

export const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(MAX_ARTICLE_BYTES),
  prefix: z.string().max(MAX_SHORT_TEXT),
  suffix: z.string().max(MAX_SHORT_TEXT),
});

export const textPositionSelectorSchema = z
  .object({ type: z.literal('TextPositionSelector'), start: offset, end: offset })
  .refine((p) => p.end > p.start, { message: 'a position selector needs end > start' });

export const annotationSchema = z.object({
  id,
  kind: z.enum(ANNOTATION_KINDS),
  target: z.object({
    articleId: id,
    quote: textQuoteSelectorSchema,
    position: textPositionSelectorSchema,
    status: z.enum(ANCHOR_STATUSES),
    was: z.string().max(MAX_ARTICLE_BYTES).optional(),
  }),
  speakerId: id.nullable(),
  note: noteText,
  tags: z.array(z.string().min(1).max(200)).max(100),
  verdict: z.object({ stepId: z.string().min(1).max(100), rationale: noteText }).nullable(),
  reviewer: shortText,
  created: isoTime,
  modified: isoTime,
});

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

export const speakerSchema = z.object({
  id,
  name: z.string().min(1).max(MAX_SHORT_TEXT),
  kind: z.enum(['person', 'organization']),
  role: shortText,
  organisation: shortText,
  aliases: z.array(z.string().min(1).max(MAX_SHORT_TEXT)).max(100),
});

export const sessionSettingsSchema = z.object({
  reviewer: shortText,
  organisationName: shortText,
  organisationUrl: z.string().max(2048),
  publicationBaseUrl: z.string().max(2048),
  methodology: noteText,
});

export const viewStateSchema = z.object({
  openArticleId: id.nullable(),
  scroll: z.record(z.string(), z.number().finite().nonnegative()),
});

export const dismissedSuggestionSchema = z.object({
  id,
  articleId: id,
  text: z.string().min(1).max(MAX_NOTE_CHARS),
  start: offset,
  end: offset,
  reviewer: shortText,
  at: isoTime,
});

/** A session file of the current version, structurally. */
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

/** Result of validating unknown data. */
export type Validation<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Turn zod issues into short sentences with their JSON paths. */
export function describeIssues(error: z.ZodError, max = 5): string[] {
  const lines = error.issues.slice(0, max).map((i) => {
    const path = i.path.length ? i.path.join('.') : '(top level)';
    return `${path}: ${i.message}`;
  });
  if (error.issues.length > max) lines.push(`…and ${error.issues.length - max} more problems`);
  return lines;
}

/**
 * Validate a current-version session completely: structure, then integrity.
 * Never throws.
 */
export function validateSession(data: unknown): Validation<Session> {
  const parsed = sessionSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error) };
  const session = parsed.data as Session;
  const problems = checkSessionIntegrity(session);
  return problems.length ? { ok: false, problems } : { ok: true, value: session };
}

/**
 * Cross-reference and text checks a schema cannot express. Returns sentences
 * (at most `max`), empty when the session is consistent. Verifies each
 * article's hash and structure, that every annotation's position fits its
 * article and quotes it exactly unless orphaned, and that links, speakers and
 * verdicts refer to things that exist. Articles in `verifiedArticles` (the
 * same objects, already checked and treated as immutable) skip the hash and
 * structure checks, which dominate the cost on long texts.
 */
export function checkSessionIntegrity(
  s: Session,
  max = 10,
  verifiedArticles?: { has(a: Article): boolean },
): string[] {
  const out: string[] = [];
  const add = (m: string) => {
    if (out.length < max) out.push(m);
  };
  const articles = new Map(s.articles.map((a) => [a.id, a]));
  if (articles.size !== s.articles.length) add('two articles share an id');
  const indexes = new Map<string, CodePointIndex>();
  for (const a of s.articles) {
    if (!verifiedArticles?.has(a)) {
      if (sha256Hex(a.text) !== a.sha256)
        add(`article "${a.meta.title}": its text does not match its SHA-256`);
      const structural = checkArticleStructure(a);
      if (structural) add(`article "${a.meta.title}": ${structural}`);
    }
    indexes.set(a.id, new CodePointIndex(a.text));
  }
  const speakers = new Set(s.speakers.map((x) => x.id));
  if (speakers.size !== s.speakers.length) add('two speakers share an id');
  const steps = new Set(s.scale.steps.map((x) => x.id));
  const annIds = new Set<string>();
  for (const a of s.annotations) {
    if (annIds.has(a.id)) add(`annotation ${a.id} appears twice`);
    annIds.add(a.id);
    const article = articles.get(a.target.articleId);
    const index = indexes.get(a.target.articleId);
    if (!article || !index) add(`annotation ${a.id} refers to a missing article`);
    else if (a.target.status !== 'orphaned') {
      const { start, end } = a.target.position;
      if (end > index.lengthCp) add(`annotation ${a.id} ends past the end of its article`);
      else if (
        article.text.slice(index.toUtf16(start), index.toUtf16(end)) !== a.target.quote.exact
      )
        add(`annotation ${a.id}: its quote is not the text at its position`);
    }
    if (a.speakerId !== null && !speakers.has(a.speakerId))
      add(`annotation ${a.id} names a missing speaker`);
    if (a.verdict && !steps.has(a.verdict.stepId))
      add(`annotation ${a.id} has a verdict that is not on the scale`);
    if (a.verdict && a.kind !== 'claim') add(`annotation ${a.id} has a verdict but is not a claim`);
  }
  const linkIds = new Set<string>();
  for (const l of s.links) {
    if (linkIds.has(l.id)) add(`link ${l.id} appears twice`);
    linkIds.add(l.id);
    if (!annIds.has(l.from) || !annIds.has(l.to))
      add(`link ${l.id} joins an annotation that does not exist`);
    if (l.from === l.to) add(`link ${l.id} links an annotation to itself`);
  }
  if (s.view.openArticleId !== null && !articles.has(s.view.openArticleId))
    add('the open article does not exist');
  return out;
}
