/**
 * W3C Web Annotation export (JSON-LD): one AnnotationCollection whose first
 * and only AnnotationPage holds every annotation, then every link, in session
 * order (the shape of the Web Annotation Data Model §5, example 39).
 *
 * Mapping:
 * - `id` is `urn:uuid:<id>`; `created`/`modified` keep their `Z` timezone;
 *   `creator` is the reviewer as a Person (left out when no reviewer was
 *   recorded, rather than invented).
 * - `motivation`: `assessing` for a claim with a verdict, else `classifying`.
 * - target `source`: the article's http(s) URL when known, else
 *   `urn:sha256:<hex>` of its canonical text; `selector`: a TextQuoteSelector
 *   and a TextPositionSelector (code points). An orphaned annotation's
 *   position no longer holds, so it carries the TextQuoteSelector only.
 * - bodies (TextualBody, each with a `purpose`): `classifying` = kind label,
 *   `identifying` = speaker name, `assessing` = verdict label, then a blank
 *   line and the rationale when there is one, `commenting` = note, one
 *   `tagging` body per tag, and for an annotation whose anchor is `changed`
 *   (found only with other wording after an update) a `questioning` body
 *   that says so and gives the quote as it was marked ({@link changedFlagBody}).
 * - each link is an Annotation with `motivation: linking` whose `target` is
 *   `[from, to]` (in that order: the link's direction) and whose bodies are a
 *   `classifying` body naming the relation label (`partially addresses`) and a
 *   `commenting` body with the link's note.
 *
 * {@link importW3c} reads this form back exactly.
 */
import type { Article } from '../model/article';
import type { Annotation, Link, Session } from '../model/session';
import { KIND_LABELS, RELATION_LABELS } from '../model/vocabulary';
import { isUuid } from '../model/ids';
import { safeHttpUrl } from '../article/safe-url';
import { sha256Hex } from '../text/sha256';
import { stringifyJsonSafe } from './safe-json';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface W3cTextualBody {
  type: 'TextualBody';
  purpose: 'classifying' | 'identifying' | 'assessing' | 'commenting' | 'tagging' | 'questioning';
  value: string;
}

/** How the `questioning` body that flags a `changed` anchor begins. */
export const CHANGED_FLAG = 'Changed: confirm.';

/**
 * The `questioning` body of an annotation whose passage was found only with
 * other wording (status `changed`): the flag, a sentence, a blank line, and
 * the quote as it was marked. {@link readChangedFlag} reads it back.
 */
export function changedFlagBody(was: string): W3cTextualBody {
  return {
    type: 'TextualBody',
    purpose: 'questioning',
    value: `${CHANGED_FLAG} After the article was updated, the text at this place reads differently from the passage as it was marked; a reviewer has not confirmed it yet. As marked:\n\n${was}`,
  };
}

/** The quote as marked, when `value` is a {@link changedFlagBody}; null otherwise. */
export function readChangedFlag(value: string): { was: string } | null {
  if (!value.startsWith(CHANGED_FLAG)) return null;
  const gap = value.indexOf('\n\n');
  return { was: gap >= 0 ? value.slice(gap + 2) : '' };
}

export interface W3cQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface W3cPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type W3cSelector = W3cQuoteSelector | W3cPositionSelector;

export interface W3cAnnotation {
  '@context': typeof W3C_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'assessing' | 'classifying' | 'linking';
  created: string;
  modified: string;
  creator?: { type: 'Person'; name: string };
  body: W3cTextualBody[];
  target: { source: string; selector: W3cSelector[] } | string[];
}

export interface W3cCollection {
  '@context': typeof W3C_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  created: string;
  modified: string;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: W3cAnnotation[] };
}

/**
 * `urn:uuid:<id>` for a UUID id. Any other id is mapped to a stable
 * name-based UUID (version 8, from the SHA-256 of the id), so the export is
 * always valid and deterministic.
 */
export function annotationUrn(id: string): string {
  if (isUuid(id)) return `urn:uuid:${id}`;
  const h = sha256Hex(`factcheck-workbench:${id}`);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The target `source` of an article: its http(s) URL when known, else `urn:sha256:` of its text. */
export function articleSource(article: Pick<Article, 'meta' | 'sha256'>): string {
  return safeHttpUrl(article.meta.url) ?? `urn:sha256:${article.sha256}`;
}

/** The W3C form of one annotation. `source` is its article's {@link articleSource}. */
export function toW3cAnnotation(
  a: Annotation,
  source: string,
  speakerName: string | null,
  verdictLabel: string | null,
): W3cAnnotation {
  const body: W3cTextualBody[] = [
    { type: 'TextualBody', purpose: 'classifying', value: KIND_LABELS[a.kind] },
  ];
  if (speakerName) body.push({ type: 'TextualBody', purpose: 'identifying', value: speakerName });
  if (a.verdict && verdictLabel) {
    const value = a.verdict.rationale ? `${verdictLabel}\n\n${a.verdict.rationale}` : verdictLabel;
    body.push({ type: 'TextualBody', purpose: 'assessing', value });
  }
  if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note });
  for (const tag of a.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  if (a.target.status === 'changed') body.push(changedFlagBody(a.target.was ?? ''));
  const q = a.target.quote;
  const quote: W3cQuoteSelector = { type: 'TextQuoteSelector', exact: q.exact };
  if (q.prefix) quote.prefix = q.prefix;
  if (q.suffix) quote.suffix = q.suffix;
  const selector: W3cSelector[] =
    a.target.status === 'orphaned'
      ? [quote]
      : [
          quote,
          {
            type: 'TextPositionSelector',
            start: a.target.position.start,
            end: a.target.position.end,
          },
        ];
  return {
    '@context': W3C_CONTEXT,
    id: annotationUrn(a.id),
    type: 'Annotation',
    motivation: a.verdict ? 'assessing' : 'classifying',
    created: a.created,
    modified: a.modified,
    ...(a.reviewer.trim() ? { creator: { type: 'Person' as const, name: a.reviewer } } : {}),
    body,
    target: { source, selector },
  };
}

/** The W3C form of one link: a `linking` annotation targeting `[from, to]`. */
export function toW3cLink(l: Link): W3cAnnotation {
  const body: W3cTextualBody[] = [
    { type: 'TextualBody', purpose: 'classifying', value: RELATION_LABELS[l.relation] },
  ];
  if (l.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: l.note });
  return {
    '@context': W3C_CONTEXT,
    id: annotationUrn(l.id),
    type: 'Annotation',
    motivation: 'linking',
    created: l.created,
    modified: l.modified,
    ...(l.reviewer.trim() ? { creator: { type: 'Person' as const, name: l.reviewer } } : {}),
    body,
    target: [annotationUrn(l.from), annotationUrn(l.to)],
  };
}

/** Build the collection. Linear in annotations + links. */
export function buildW3cCollection(session: Session): W3cCollection {
  const sources = new Map(session.articles.map((a) => [a.id, articleSource(a)]));
  const speakers = new Map(session.speakers.map((s) => [s.id, s.name]));
  const steps = new Map(session.scale.steps.map((s) => [s.id, s.label]));
  const items: W3cAnnotation[] = [];
  for (const a of session.annotations) {
    const source = sources.get(a.target.articleId);
    if (!source) continue; // validateSession guarantees every annotation's article exists
    const speaker = a.speakerId ? (speakers.get(a.speakerId) ?? null) : null;
    const verdict = a.verdict ? (steps.get(a.verdict.stepId) ?? null) : null;
    items.push(toW3cAnnotation(a, source, speaker, verdict));
  }
  for (const l of session.links) items.push(toW3cLink(l));
  const id = annotationUrn(session.id);
  return {
    '@context': W3C_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: session.name,
    total: items.length,
    created: session.createdAt,
    modified: session.updatedAt,
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** The export file's text (pretty-printed JSON-LD, trailing newline). */
export function renderW3c(session: Session): string {
  return `${stringifyJsonSafe(buildW3cCollection(session), 2)}\n`;
}
