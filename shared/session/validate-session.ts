/**
 * Validating a whole session: the zod schema (structure), then
 * {@link checkSessionIntegrity} (the cross-references and text checks a schema
 * cannot express). Results are values with sentences, never exceptions.
 */
import type { z } from 'zod';
import { sessionSchema, type Article, type Session } from '../model/session-schema';
import { checkArticleStructure } from '../article/article-doc';
import { sha256Hex } from '../text/sha256';
import { CodePointIndex } from '../text/code-points';

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
  const session = parsed.data;
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
