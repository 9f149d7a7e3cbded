/**
 * W3C Web Annotation export (JSON-LD): one AnnotationCollection whose first
 * and only AnnotationPage holds every annotation, then every link, in session
 * order (the shape of the Web Annotation Data Model §5, example 39).
 *
 * Mapping:
 * - `id` is `urn:uuid:<id>`; `created`/`modified` keep their `Z` timezone;
 *   `creator` is the reviewer as a Person (left out when no reviewer was
 *   recorded, rather than invented). In a shared session (team review) the
 *   creator is the reviewer who marked it, with their stable id as `id`
 *   (`urn:uuid:`), and `dcterms:contributor` is the reviewer who changed it
 *   last (at `modified`): the Web Annotation vocabulary takes `creator`,
 *   `created` and `modified` from Dublin Core terms and has no "modified by",
 *   so the last modifier is Dublin Core's contributor (the `dcterms:` prefix
 *   is declared by the anno.jsonld context). The collection's `creator` lists
 *   the session's reviewers.
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
import type { ExportAgent, ExportAuthors, TeamExportInfo } from './team-export';

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
  creator?: W3cAgent;
  /** The reviewer who changed it last (team sessions). */
  'dcterms:contributor'?: W3cAgent;
  body: W3cTextualBody[];
  target: { source: string; selector: W3cSelector[] } | string[];
}

/** A reviewer as a W3C Agent; `id` (an IRI) when the reviewer has a stable id. */
export interface W3cAgent {
  id?: string;
  type: 'Person';
  name: string;
}

export interface W3cCollection {
  '@context': typeof W3C_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  created: string;
  modified: string;
  /** The session's reviewers (team sessions). */
  creator?: W3cAgent[];
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

/** A reviewer with a stable id as a W3C Agent (the id as a `urn:uuid:` IRI). */
export function w3cAgent(agent: Pick<ExportAgent, 'id' | 'name'>): W3cAgent {
  return { id: annotationUrn(agent.id), type: 'Person', name: agent.name };
}

/** `creator` and `dcterms:contributor` of an item: from the team's authors, else the recorded reviewer. */
function agents(reviewer: string, authors?: ExportAuthors): Partial<W3cAnnotation> {
  if (authors)
    return {
      creator: w3cAgent(authors.createdBy),
      'dcterms:contributor': w3cAgent(authors.modifiedBy),
    };
  return reviewer.trim() ? { creator: { type: 'Person', name: reviewer } } : {};
}

/** The W3C form of one annotation. `source` is its article's {@link articleSource}. */
export function toW3cAnnotation(
  a: Annotation,
  source: string,
  speakerName: string | null,
  verdictLabel: string | null,
  authors?: ExportAuthors,
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
    ...agents(a.reviewer, authors),
    body,
    target: { source, selector },
  };
}

/** The W3C form of one link: a `linking` annotation targeting `[from, to]`. */
export function toW3cLink(l: Link, authors?: ExportAuthors): W3cAnnotation {
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
    ...agents(l.reviewer, authors),
    body,
    target: [annotationUrn(l.from), annotationUrn(l.to)],
  };
}

/** Build the collection. Linear in annotations + links. */
export function buildW3cCollection(
  session: Session,
  team: TeamExportInfo | null = null,
): W3cCollection {
  const sources = new Map(session.articles.map((a) => [a.id, articleSource(a)]));
  const speakers = new Map(session.speakers.map((s) => [s.id, s.name]));
  const steps = new Map(session.scale.steps.map((s) => [s.id, s.label]));
  const items: W3cAnnotation[] = [];
  for (const a of session.annotations) {
    const source = sources.get(a.target.articleId);
    if (!source) continue; // validateSession guarantees every annotation's article exists
    const speaker = a.speakerId ? (speakers.get(a.speakerId) ?? null) : null;
    const verdict = a.verdict ? (steps.get(a.verdict.stepId) ?? null) : null;
    items.push(toW3cAnnotation(a, source, speaker, verdict, team?.authors.get(a.id)));
  }
  for (const l of session.links) items.push(toW3cLink(l, team?.authors.get(l.id)));
  const id = annotationUrn(session.id);
  return {
    '@context': W3C_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: session.name,
    total: items.length,
    created: session.createdAt,
    modified: session.updatedAt,
    ...(team?.reviewers.length
      ? { creator: team.reviewers.map((name) => ({ type: 'Person' as const, name })) }
      : {}),
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** The export file's text (pretty-printed JSON-LD, trailing newline). */
export function renderW3c(session: Session, team: TeamExportInfo | null = null): string {
  return `${stringifyJsonSafe(buildW3cCollection(session, team), 2)}\n`;
}
