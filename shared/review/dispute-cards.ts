/**
 * The side panel's model: each claim as a dispute card with the statements
 * linked to it grouped by relation, the filters over those cards, and the
 * statements not linked to any claim.
 *
 * A statement belongs to a claim's card when a link joins them in either
 * direction; `direction` says which way the link points ("outgoing": the
 * statement → the claim, as in "the denial contradicts the claim").
 */
import type { Annotation, Link, Session, Speaker } from '../model/session';
import type { AnnotationKind, LinkRelation } from '../model/vocabulary';
import type { RatingStep } from '../model/rating-scale';
import { LINK_RELATIONS, RELATION_LABELS } from '../model/vocabulary';

export interface DisputeStatement {
  annotation: Annotation;
  speaker: Speaker | null;
  link: Link;
  /** `outgoing`: statement → claim; `incoming`: claim → statement. */
  direction: 'outgoing' | 'incoming';
}

export interface RelationGroup {
  relation: LinkRelation;
  label: string;
  statements: DisputeStatement[];
}

export interface DisputeCard {
  claim: Annotation;
  speaker: Speaker | null;
  verdict: RatingStep | null;
  groups: RelationGroup[];
  /** True once a counter-statement or evidence is linked to the claim. */
  answered: boolean;
}

export interface DisputeModel {
  cards: DisputeCard[];
  /** Anchored statements (not claims) with no link to any claim. */
  unlinked: Annotation[];
  /** Annotations whose text was not found after a re-import. */
  orphans: Annotation[];
}

/** Document order: by article (session order), then position, then length (longer first). */
export function compareByPosition(
  session: Pick<Session, 'articles'>,
): (a: Annotation, b: Annotation) => number {
  const order = new Map(session.articles.map((x, i) => [x.id, i]));
  return (a, b) =>
    (order.get(a.target.articleId) ?? 0) - (order.get(b.target.articleId) ?? 0) ||
    a.target.position.start - b.target.position.start ||
    b.target.position.end - a.target.position.end ||
    a.created.localeCompare(b.created);
}

/** Build the dispute model of a session. Linear in annotations + links. */
export function buildDisputeModel(session: Session): DisputeModel {
  const byId = new Map(session.annotations.map((a) => [a.id, a]));
  const speakers = new Map(session.speakers.map((s) => [s.id, s]));
  const steps = new Map(session.scale.steps.map((s) => [s.id, s]));
  const linksOf = new Map<string, Link[]>();
  for (const l of session.links) {
    for (const end of [l.from, l.to]) {
      const list = linksOf.get(end);
      if (list) list.push(l);
      else linksOf.set(end, [l]);
    }
  }
  const sorted = session.annotations
    .filter((a) => a.target.status !== 'orphaned')
    .sort(compareByPosition(session));
  const cards: DisputeCard[] = [];
  const linkedToClaim = new Set<string>();
  for (const claim of sorted) {
    if (claim.kind !== 'claim') continue;
    const groups = new Map<LinkRelation, DisputeStatement[]>();
    let answered = false;
    for (const link of linksOf.get(claim.id) ?? []) {
      const otherId = link.from === claim.id ? link.to : link.from;
      const other = byId.get(otherId);
      if (!other) continue;
      linkedToClaim.add(other.id);
      if (other.kind === 'counter-statement' || other.kind === 'evidence') answered = true;
      const st: DisputeStatement = {
        annotation: other,
        speaker: other.speakerId ? (speakers.get(other.speakerId) ?? null) : null,
        link,
        direction: link.from === other.id ? 'outgoing' : 'incoming',
      };
      const g = groups.get(link.relation);
      if (g) g.push(st);
      else groups.set(link.relation, [st]);
    }
    const cmp = compareByPosition(session);
    cards.push({
      claim,
      speaker: claim.speakerId ? (speakers.get(claim.speakerId) ?? null) : null,
      verdict: claim.verdict ? (steps.get(claim.verdict.stepId) ?? null) : null,
      groups: LINK_RELATIONS.filter((r) => groups.has(r)).map((r) => ({
        relation: r,
        label: RELATION_LABELS[r],
        statements: groups.get(r)!.sort((a, b) => cmp(a.annotation, b.annotation)),
      })),
      answered,
    });
  }
  const unlinked = sorted.filter((a) => a.kind !== 'claim' && !linkedToClaim.has(a.id));
  const orphans = session.annotations
    .filter((a) => a.target.status === 'orphaned')
    .sort(compareByPosition(session));
  return { cards, unlinked, orphans };
}

/** What the reviewer narrowed the panel to. Empty lists and null mean "any". */
export interface DisputeFilter {
  kinds: AnnotationKind[];
  speakerIds: string[];
  /** Step ids; `'none'` matches claims with no verdict yet. */
  verdicts: string[];
  tags: string[];
  /** Only claims with no counter-statement or evidence linked yet. */
  unansweredOnly: boolean;
  /** Free text matched against quotes, notes and speaker names (case-insensitive). */
  text: string;
}

export const EMPTY_FILTER: DisputeFilter = {
  kinds: [],
  speakerIds: [],
  verdicts: [],
  tags: [],
  unansweredOnly: false,
  text: '',
};

/** True when the filter narrows nothing. */
export function isEmptyFilter(f: DisputeFilter): boolean {
  return (
    !f.kinds.length &&
    !f.speakerIds.length &&
    !f.verdicts.length &&
    !f.tags.length &&
    !f.unansweredOnly &&
    !f.text.trim()
  );
}

function matchesStatement(a: Annotation, speaker: Speaker | null, f: DisputeFilter): boolean {
  if (f.kinds.length && !f.kinds.includes(a.kind)) return false;
  if (f.speakerIds.length && !(a.speakerId && f.speakerIds.includes(a.speakerId))) return false;
  if (f.tags.length) {
    const tags = a.tags.map((t) => t.toLowerCase());
    if (!f.tags.some((t) => tags.includes(t.toLowerCase()))) return false;
  }
  const q = f.text.trim().toLowerCase();
  if (q) {
    const hay = [
      a.target.quote.exact,
      a.note,
      speaker?.name ?? '',
      ...(speaker?.aliases ?? []),
      ...a.tags,
    ]
      .join('\n')
      .toLowerCase();
    if (!hay.includes(q)) return false;
  }
  return true;
}

/**
 * Narrow the cards. A card stays when its claim passes the claim-only
 * filters (verdict, unanswered) and either the claim or one of its
 * statements passes the statement filters (kind, speaker, tag, text); within
 * a kept card only the matching statements stay, unless the claim itself
 * matched, in which case all of them stay. Unlinked statements are filtered
 * by the statement filters and dropped when a claim-only filter is on.
 */
export function filterDisputeModel(model: DisputeModel, f: DisputeFilter): DisputeModel {
  if (isEmptyFilter(f)) return model;
  const cards: DisputeCard[] = [];
  for (const card of model.cards) {
    if (f.unansweredOnly && card.answered) continue;
    if (f.verdicts.length) {
      const v = card.claim.verdict?.stepId ?? 'none';
      if (!f.verdicts.includes(v)) continue;
    }
    if (matchesStatement(card.claim, card.speaker, f)) {
      cards.push(card);
      continue;
    }
    const groups = card.groups
      .map((g) => ({
        ...g,
        statements: g.statements.filter((s) => matchesStatement(s.annotation, s.speaker, f)),
      }))
      .filter((g) => g.statements.length);
    if (groups.length) cards.push({ ...card, groups });
  }
  const claimOnly = f.unansweredOnly || f.verdicts.length > 0;
  const unlinked = claimOnly ? [] : model.unlinked.filter((a) => matchesStatement(a, null, f));
  return { cards, unlinked, orphans: model.orphans };
}

/** Every tag used in the session, sorted case-insensitively, first spelling kept. */
export function sessionTags(session: Pick<Session, 'annotations'>): string[] {
  const seen = new Map<string, string>();
  for (const a of session.annotations)
    for (const t of a.tags) if (!seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
}
