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

/**
 * The dispute model of a session. Counting and filtering need only the claims
 * and the links; a card (its groups, speakers, verdict) is built when it is
 * asked for, and kept, so a session with thousands of claims builds only the
 * cards of the page the panel shows.
 */
export interface DisputeModel {
  /** Claims (not orphaned), in document order: one card each. */
  readonly claims: readonly Annotation[];
  /** Anchored statements (not claims) with no link to any claim. */
  readonly unlinked: readonly Annotation[];
  /** Annotations whose text was not found after a re-import. */
  readonly orphans: readonly Annotation[];
  /** The card of `claim`, one of `claims`; built on first use and kept with the model. */
  card(claim: Annotation): DisputeCard;
  /** The cards of `claims[from, to)`, in order. */
  cards(from: number, to: number): DisputeCard[];
  /** True once a counter-statement or evidence is linked to `claim` (without building its card). */
  answered(claim: Annotation): boolean;
  /** The annotations linked to `claim`, either way, as its card groups them (unsorted). */
  linked(claim: Annotation): readonly Annotation[];
  /** The speaker of an annotation of the session, or null. */
  speakerOf(a: Annotation): Speaker | null;
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

/**
 * Build the dispute model of a session: the claims and statements in document
 * order and which statements no claim links to, in O(annotations + links) plus
 * the sort. Cards come later, one by one (see {@link DisputeModel}).
 */
export function buildDisputeModel(session: Session): DisputeModel {
  return new SessionDisputes(session);
}

class SessionDisputes implements DisputeModel {
  readonly claims: Annotation[];
  readonly unlinked: Annotation[];
  readonly orphans: Annotation[];
  private readonly byId = new Map<string, Annotation>();
  private readonly speakers: Map<string, Speaker>;
  private readonly cmp: (a: Annotation, b: Annotation) => number;
  /** Links by live claim id, made on first use. */
  private linksByClaim: Map<string, Link[]> | null = null;
  private readonly built = new Map<string, DisputeCard>();

  constructor(private readonly session: Session) {
    for (const a of session.annotations) this.byId.set(a.id, a);
    this.speakers = new Map(session.speakers.map((s) => [s.id, s]));
    this.cmp = compareByPosition(session);
    const sorted = session.annotations.filter((a) => a.target.status !== 'orphaned').sort(this.cmp);
    this.claims = sorted.filter((a) => a.kind === 'claim');
    // A statement is linked when a link joins it to a claim that is not orphaned.
    const linkedToClaim = new Set<string>();
    for (const l of session.links) {
      if (this.isLiveClaim(l.from) && this.byId.has(l.to)) linkedToClaim.add(l.to);
      if (this.isLiveClaim(l.to) && this.byId.has(l.from)) linkedToClaim.add(l.from);
    }
    this.unlinked = sorted.filter((a) => a.kind !== 'claim' && !linkedToClaim.has(a.id));
    this.orphans = session.annotations.filter((a) => a.target.status === 'orphaned').sort(this.cmp);
  }

  private isLiveClaim(id: string): boolean {
    const a = this.byId.get(id);
    return !!a && a.kind === 'claim' && a.target.status !== 'orphaned';
  }

  private linksOf(claim: Annotation): readonly Link[] {
    if (!this.linksByClaim) {
      const m = new Map<string, Link[]>();
      for (const l of this.session.links) {
        for (const end of l.from === l.to ? [l.from] : [l.from, l.to]) {
          if (!this.isLiveClaim(end)) continue;
          const list = m.get(end);
          if (list) list.push(l);
          else m.set(end, [l]);
        }
      }
      this.linksByClaim = m;
    }
    return this.linksByClaim.get(claim.id) ?? [];
  }

  speakerOf(a: Annotation): Speaker | null {
    return a.speakerId ? (this.speakers.get(a.speakerId) ?? null) : null;
  }

  linked(claim: Annotation): Annotation[] {
    const out: Annotation[] = [];
    for (const link of this.linksOf(claim)) {
      const other = this.byId.get(link.from === claim.id ? link.to : link.from);
      if (other) out.push(other);
    }
    return out;
  }

  answered(claim: Annotation): boolean {
    return this.linked(claim).some((o) => o.kind === 'counter-statement' || o.kind === 'evidence');
  }

  cards(from: number, to: number): DisputeCard[] {
    return this.claims.slice(from, to).map((c) => this.card(c));
  }

  card(claim: Annotation): DisputeCard {
    const kept = this.built.get(claim.id);
    if (kept) return kept;
    const groups = new Map<LinkRelation, DisputeStatement[]>();
    let answered = false;
    for (const link of this.linksOf(claim)) {
      const otherId = link.from === claim.id ? link.to : link.from;
      const other = this.byId.get(otherId);
      if (!other) continue;
      if (other.kind === 'counter-statement' || other.kind === 'evidence') answered = true;
      const st: DisputeStatement = {
        annotation: other,
        speaker: this.speakerOf(other),
        link,
        direction: link.from === other.id ? 'outgoing' : 'incoming',
      };
      const g = groups.get(link.relation);
      if (g) g.push(st);
      else groups.set(link.relation, [st]);
    }
    const step = claim.verdict
      ? this.session.scale.steps.find((s) => s.id === claim.verdict!.stepId)
      : undefined;
    const card: DisputeCard = {
      claim,
      speaker: this.speakerOf(claim),
      verdict: step ?? null,
      groups: LINK_RELATIONS.filter((r) => groups.has(r)).map((r) => ({
        relation: r,
        label: RELATION_LABELS[r],
        statements: groups.get(r)!.sort((a, b) => this.cmp(a.annotation, b.annotation)),
      })),
      answered,
    };
    this.built.set(claim.id, card);
    return card;
  }
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
 *
 * Which claims stay is decided from the claims and their linked annotations;
 * the narrowed cards are built only when asked for, like the model's.
 */
export function filterDisputeModel(model: DisputeModel, f: DisputeFilter): DisputeModel {
  if (isEmptyFilter(f)) return model;
  const claims: Annotation[] = [];
  /** Claims kept for a statement of theirs (their cards keep only the matching statements). */
  const narrowed = new Set<string>();
  for (const claim of model.claims) {
    if (f.unansweredOnly && model.answered(claim)) continue;
    if (f.verdicts.length) {
      const v = claim.verdict?.stepId ?? 'none';
      if (!f.verdicts.includes(v)) continue;
    }
    if (matchesStatement(claim, model.speakerOf(claim), f)) {
      claims.push(claim);
      continue;
    }
    if (model.linked(claim).some((a) => matchesStatement(a, model.speakerOf(a), f))) {
      claims.push(claim);
      narrowed.add(claim.id);
    }
  }
  const claimOnly = f.unansweredOnly || f.verdicts.length > 0;
  const unlinked = claimOnly ? [] : model.unlinked.filter((a) => matchesStatement(a, null, f));
  const built = new Map<string, DisputeCard>();
  const card = (claim: Annotation): DisputeCard => {
    const whole = model.card(claim);
    if (!narrowed.has(claim.id)) return whole;
    let c = built.get(claim.id);
    if (!c) {
      const groups = whole.groups
        .map((g) => ({
          ...g,
          statements: g.statements.filter((s) => matchesStatement(s.annotation, s.speaker, f)),
        }))
        .filter((g) => g.statements.length);
      c = { ...whole, groups };
      built.set(claim.id, c);
    }
    return c;
  };
  return {
    claims,
    unlinked,
    orphans: model.orphans,
    card,
    cards: (from, to) => claims.slice(from, to).map(card),
    answered: (claim) => model.answered(claim),
    linked: (claim) => model.linked(claim),
    speakerOf: (a) => model.speakerOf(a),
  };
}

/** Every tag used in the session, sorted case-insensitively, first spelling kept. */
export function sessionTags(session: Pick<Session, 'annotations'>): string[] {
  const seen = new Map<string, string>();
  for (const a of session.annotations)
    for (const t of a.tags) if (!seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
}
