/**
 * Builders for valid sessions in tests and benchmarks.
 *
 * Everything here passes `validateSession`: articles come from the real
 * plain-text parser with their SHA-256, and every annotation's quote is the
 * article text at its code-point position. Placement is driven by a seeded
 * generator, so the same options always give the same annotations (ids and
 * timestamps included), while the session id stays random unless given.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../shared/model/article';
import type { Annotation, Link, Session } from '../../shared/model/session';
import { createSession } from '../../shared/model/session';
import type { AnnotationKind } from '../../shared/model/vocabulary';
import { ANNOTATION_KINDS } from '../../shared/model/vocabulary';
import { normalizeNewlines, parsePlainText } from '../../shared/article/plain-text';
import { sha256Hex } from '../../shared/text/sha256';
import { CodePointIndex } from '../../shared/text/code-points';

// Paths are joined as strings, not resolved with `new URL`: under jsdom the global URL is not Node's.
const here = dirname(fileURLToPath(import.meta.url));

/** Path of the shipped seed article. */
export const SEED_PATH = join(
  here,
  '../../seeds/2017-05-17-trump-shared-intelligence-with-russia.txt',
);
/**
 * Path of the 1.2 MB public-domain corpus (read by path, never copied): `../shared/corpus/`
 * beside the project, or one level further up for a worktree; null when neither exists.
 */
export const CORPUS_PATH: string | null =
  [
    '../../../shared/corpus/long-mueller-report.txt',
    '../../../../shared/corpus/long-mueller-report.txt',
  ]
    .map((p) => join(here, p))
    .find((p) => existsSync(p)) ?? null;

/** The seed article's text, normalised as the importer does. */
export function seedText(): string {
  return normalizeNewlines(readFileSync(SEED_PATH, 'utf8'));
}

/** A fixed timestamp, so fixtures are reproducible. */
export const FIXED_TIME = '2024-05-01T12:00:00.000Z';

/** An article snapshot parsed from plain text (seed format or any text). */
export function makeArticle(
  text: string,
  fileName = 'article.txt',
  id = `article-${sha256Hex(fileName).slice(0, 12)}`,
): Article {
  const canonical = normalizeNewlines(text);
  const parsed = parsePlainText(canonical);
  return {
    id,
    meta: parsed.meta,
    text: parsed.text,
    sha256: sha256Hex(parsed.text),
    blocks: parsed.blocks,
    marks: parsed.marks,
    source: {
      format: parsed.format,
      fileName,
      bytes: Buffer.byteLength(text, 'utf8'),
      importedAt: FIXED_TIME,
    },
  };
}

/** Small deterministic PRNG (mulberry32); returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface AnnotationOptions {
  id?: string;
  kind?: AnnotationKind;
  note?: string;
  tags?: string[];
  reviewer?: string;
  time?: string;
}

/** An annotation over code points `[startCp, endCp)` of the article, quoting it exactly. */
export function makeAnnotation(
  article: Article,
  startCp: number,
  endCp: number,
  opts: AnnotationOptions = {},
  index = new CodePointIndex(article.text),
): Annotation {
  const s16 = index.toUtf16(startCp);
  const e16 = index.toUtf16(endCp);
  const time = opts.time ?? FIXED_TIME;
  return {
    id: opts.id ?? `ann-${article.id}-${startCp}-${endCp}`,
    kind: opts.kind ?? 'claim',
    target: {
      articleId: article.id,
      quote: {
        type: 'TextQuoteSelector',
        exact: article.text.slice(s16, e16),
        prefix: article.text.slice(Math.max(0, s16 - 32), s16),
        suffix: article.text.slice(e16, e16 + 32),
      },
      position: { type: 'TextPositionSelector', start: startCp, end: endCp },
      status: 'anchored',
    },
    speakerId: null,
    note: opts.note ?? '',
    tags: opts.tags ?? [],
    verdict: null,
    reviewer: opts.reviewer ?? 'Tester',
    created: time,
    modified: time,
  };
}

export interface MakeSessionOptions {
  /** How many annotations to place (default 0). */
  annotations?: number;
  /** How many links between consecutive annotations (default 0). */
  links?: number;
  /** Article text (default: the seed). */
  text?: string;
  fileName?: string;
  name?: string;
  /** Seed of the placement generator (default 1). */
  seed?: number;
  /** Fixed session id (default: a fresh UUID). */
  id?: string;
}

/**
 * A valid session over one article with `annotations` annotations of a clause
 * to a few sentences (30–400 code points), overlapping freely, some with a
 * verdict and a note, and `links` links between consecutive annotations.
 */
export function makeSession(opts: MakeSessionOptions = {}): Session {
  const article = makeArticle(opts.text ?? seedText(), opts.fileName ?? 'seed.txt');
  const session = createSession(opts.name ?? 'Test session', [article], 'Tester');
  if (opts.id) session.id = opts.id;
  session.createdAt = FIXED_TIME;
  session.updatedAt = FIXED_TIME;
  session.annotations = makeAnnotations(article, opts.annotations ?? 0, opts.seed ?? 1);
  session.links = makeLinks(session.annotations, opts.links ?? 0);
  return session;
}

/** `n` deterministic annotations over the article (see {@link makeSession}). */
export function makeAnnotations(article: Article, n: number, seed = 1): Annotation[] {
  const rand = seededRandom(seed);
  const index = new CodePointIndex(article.text);
  const len = index.lengthCp;
  const out: Annotation[] = [];
  for (let i = 0; i < n; i++) {
    const span = Math.min(len, 30 + Math.floor(rand() * 370));
    const start = Math.floor(rand() * (len - span + 1));
    const kind = ANNOTATION_KINDS[i % ANNOTATION_KINDS.length]!;
    const a = makeAnnotation(
      article,
      start,
      start + span,
      {
        id: `ann-${seed}-${i}`,
        kind,
        note: i % 3 === 0 ? `Note ${i}: check this against the record.` : '',
      },
      index,
    );
    if (kind === 'claim' && i % 2 === 0)
      a.verdict = { stepId: 'mostly-false', rationale: `Rationale ${i}.` };
    out.push(a);
  }
  return out;
}

/** Links from each annotation to the next, `n` of them at most. */
export function makeLinks(annotations: Annotation[], n: number): Link[] {
  const out: Link[] = [];
  for (let i = 0; i + 1 < annotations.length && out.length < n; i++) {
    out.push({
      id: `link-${i}`,
      from: annotations[i + 1]!.id,
      to: annotations[i]!.id,
      relation: 'contradicts',
      note: '',
      reviewer: 'Tester',
      created: FIXED_TIME,
      modified: FIXED_TIME,
    });
  }
  return out;
}
