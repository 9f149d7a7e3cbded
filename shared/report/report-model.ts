/**
 * The derived report model: what every human-readable export (HTML, PDF,
 * Markdown) says, computed once so the formats cannot disagree.
 *
 * A *dispute* is a claim with the statements linked to it, grouped by
 * relation and direction. Links that touch no claim are listed apart
 * (`statementLinks`), so is every statement linked to no claim (`unlinked`),
 * orphaned annotations get their own list, and nothing is left out silently:
 * every link of the session appears with its relation, both quotes and its
 * note. Every lookup is a map, so building the model is linear
 * in the number of annotations and links (plus a sort).
 */
import type { Article, ArticleMeta } from '../model/article';
import type { Annotation, Link, Session, Speaker } from '../model/session';
import {
  ANNOTATION_KINDS,
  KIND_LABELS,
  LINK_RELATIONS,
  RELATION_LABELS,
  type AnnotationKind,
  type LinkRelation,
} from '../model/vocabulary';
import type { RatingScale, RatingStep } from '../model/rating-scale';
import { articleIndex } from '../article/article-index';
import { showInvisibles } from '../text/visible-text';
import { statusLabel, type ExportAgent, type TeamExportInfo } from '../interchange/team-export';

/** An article as the report lists it. `number` is 1-based in session order. */
export interface ReportArticle {
  number: number;
  article: Article;
  annotationCount: number;
}

/** One annotation ready to print: its quote with a little context either side. */
export interface AnnotationView {
  annotation: Annotation;
  kindLabel: string;
  article: ReportArticle;
  speaker: Speaker | null;
  /** Text just before the quote (whitespace collapsed), possibly starting with `…`. */
  before: string;
  /** Text just after the quote (whitespace collapsed), possibly ending with `…`. */
  after: string;
  /** The annotation's quote is not in the current text (`before`/`after` come from its selector). */
  orphaned: boolean;
  /** Who marked it and who changed it last (team sessions; absent otherwise). */
  authors?: { createdBy: ExportAgent; modifiedBy: ExportAgent };
}

/** The team side of a shared session: its status and sign-off. */
export interface ReportTeam {
  /** The status in words ("In review", "Approved"). */
  status: string;
  /** The editor who approved it, and when (while approved or published). */
  approvedBy: { name: string; at: string } | null;
}

/** A statement linked to a claim. `direction` is `in` when the link points at the claim. */
export interface LinkedStatement {
  link: Link;
  other: AnnotationView;
}

export interface RelationGroup {
  relation: LinkRelation;
  direction: 'in' | 'out';
  heading: string;
  items: LinkedStatement[];
}

export interface Dispute {
  /** 1-based, in report order. */
  number: number;
  /** HTML anchor / ClaimReview fragment: `claim-<id>`. */
  anchor: string;
  claim: AnnotationView;
  verdict: { step: RatingStep; rationale: string } | null;
  groups: RelationGroup[];
  /** True when at least one counter-statement or evidence is linked (either direction). */
  answered: boolean;
}

/**
 * A link neither end of which is a claim (evidence → supports → evidence, a
 * counter-statement → responds to → context, two statements that make the
 * same claim). Disputes show every link that touches a claim; these are shown
 * in a section of their own, so every link of the session is in the report.
 */
export interface StatementLink {
  link: Link;
  /** Relation label as read from `from` to `to`, e.g. `supports`. */
  label: string;
  from: AnnotationView;
  to: AnnotationView;
}

export interface VerdictCount {
  step: RatingStep | null;
  label: string;
  count: number;
}

export interface KindCount {
  kind: AnnotationKind;
  label: string;
  count: number;
}

export interface ReportModel {
  title: string;
  generatedAt: string;
  reviewers: string[];
  /** Status and sign-off of a shared session; null for a session never shared. */
  team: ReportTeam | null;
  articles: ReportArticle[];
  scale: RatingScale;
  methodology: string;
  summary: {
    verdicts: VerdictCount[];
    kinds: KindCount[];
    /** Claims with no counter-statement or evidence linked yet. */
    unanswered: Dispute[];
    annotations: number;
    links: number;
  };
  disputes: Dispute[];
  /** Links between two annotations that are not claims, in document order of their source. */
  statementLinks: StatementLink[];
  /** Non-claim annotations, not orphaned, that appear in no dispute. */
  unlinked: AnnotationView[];
  orphans: AnnotationView[];
}

/**
 * Every link by each annotation it touches (either end), in session order.
 * The reports and the CSV export (`interchange/csv-export.ts`) read links
 * through this one index. Linear in the number of links.
 */
export function indexLinks(links: readonly Link[]): Map<string, Link[]> {
  const byAnnotation = new Map<string, Link[]>();
  const add = (id: string, l: Link) => {
    const list = byAnnotation.get(id);
    if (list) list.push(l);
    else byAnnotation.set(id, [l]);
  };
  for (const l of links) {
    add(l.from, l);
    if (l.to !== l.from) add(l.to, l);
  }
  return byAnnotation;
}

/** How much text either side of a quote the report shows, in UTF-16 units before trimming to a word. */
export const CONTEXT_CHARS = 140;

/**
 * Build the report model. Pure and deterministic: order is by article, then
 * position, then id. `generatedAt` is an ISO time supplied by the caller;
 * `team` (a shared session's status, reviewers and authors) adds the
 * sign-off and who marked and last changed each annotation.
 */
export function buildReportModel(
  session: Session,
  generatedAt: string,
  team: TeamExportInfo | null = null,
): ReportModel {
  const articles = new Map<string, ReportArticle>();
  // Titles, metadata from imported pages and speakers' names are shown, not obeyed: invisible
  // and direction-changing characters become visible markers (shared/text/visible-text.ts).
  session.articles.forEach((article, i) =>
    articles.set(article.id, {
      number: i + 1,
      article: { ...article, meta: visibleMeta(article.meta) },
      annotationCount: 0,
    }),
  );
  const speakers = new Map(
    session.speakers.map((s) => [s.id, { ...s, name: showInvisibles(s.name) }]),
  );
  const steps = new Map(session.scale.steps.map((s) => [s.id, s]));

  const views = new Map<string, AnnotationView>();
  for (const a of session.annotations) {
    const ref = articles.get(a.target.articleId);
    if (!ref) continue; // validateSession guarantees this does not happen
    ref.annotationCount++;
    const view = viewOf(a, ref, speakers);
    const authors = team?.authors.get(a.id);
    if (authors)
      view.authors = {
        createdBy: { ...authors.createdBy, name: showInvisibles(authors.createdBy.name) },
        modifiedBy: { ...authors.modifiedBy, name: showInvisibles(authors.modifiedBy.name) },
      };
    views.set(a.id, view);
  }
  const ordered = [...views.values()].sort(compareViews);

  const linksByAnnotation = indexLinks(session.links);

  const disputes: Dispute[] = [];
  const shown = new Set<string>();
  for (const claim of ordered) {
    if (claim.annotation.kind !== 'claim') continue;
    shown.add(claim.annotation.id);
    const groups = groupLinks(
      claim.annotation.id,
      linksByAnnotation.get(claim.annotation.id) ?? [],
      views,
    );
    for (const g of groups) for (const it of g.items) shown.add(it.other.annotation.id);
    const v = claim.annotation.verdict;
    const step = v ? steps.get(v.stepId) : undefined;
    disputes.push({
      number: disputes.length + 1,
      anchor: `claim-${claim.annotation.id}`,
      claim,
      verdict: v && step ? { step, rationale: v.rationale } : null,
      groups,
      answered: groups.some((g) => g.items.some((it) => isAnswer(it.other.annotation.kind))),
    });
  }

  const verdictCounts = new Map<string | null, number>();
  for (const d of disputes) {
    const key = d.verdict ? d.verdict.step.id : null;
    verdictCounts.set(key, (verdictCounts.get(key) ?? 0) + 1);
  }
  const verdicts: VerdictCount[] = session.scale.steps.map((step) => ({
    step,
    label: step.label,
    count: verdictCounts.get(step.id) ?? 0,
  }));
  verdicts.push({ step: null, label: 'Not yet rated', count: verdictCounts.get(null) ?? 0 });

  const kindCounts = new Map<AnnotationKind, number>();
  for (const a of session.annotations) kindCounts.set(a.kind, (kindCounts.get(a.kind) ?? 0) + 1);

  return {
    title: showInvisibles(session.name),
    generatedAt,
    reviewers: collectReviewers(session, team),
    team: team
      ? {
          status: statusLabel(team),
          approvedBy: team.approvedBy
            ? { name: showInvisibles(team.approvedBy.name), at: team.approvedBy.at }
            : null,
        }
      : null,
    articles: [...articles.values()],
    scale: session.scale,
    methodology: session.settings.methodology,
    summary: {
      verdicts,
      kinds: ANNOTATION_KINDS.map((kind) => ({
        kind,
        label: KIND_LABELS[kind],
        count: kindCounts.get(kind) ?? 0,
      })),
      unanswered: disputes.filter((d) => !d.answered),
      annotations: session.annotations.length,
      links: session.links.length,
    },
    disputes,
    statementLinks: linksBetweenStatements(session.links, views),
    unlinked: ordered.filter((v) => !shown.has(v.annotation.id) && !v.orphaned),
    orphans: ordered.filter((v) => v.orphaned),
  };
}

/** The links that touch no claim, ordered by their source, then their target, then id. */
function linksBetweenStatements(
  links: readonly Link[],
  views: Map<string, AnnotationView>,
): StatementLink[] {
  const out: StatementLink[] = [];
  for (const link of links) {
    const from = views.get(link.from);
    const to = views.get(link.to);
    if (!from || !to) continue; // validateSession guarantees both ends exist
    if (from.annotation.kind === 'claim' || to.annotation.kind === 'claim') continue;
    out.push({ link, label: RELATION_LABELS[link.relation], from, to });
  }
  return out.sort(
    (a, b) =>
      compareViews(a.from, b.from) ||
      compareViews(a.to, b.to) ||
      (a.link.id < b.link.id ? -1 : a.link.id > b.link.id ? 1 : 0),
  );
}

/** Counter-statements and evidence answer a claim; context and other claims do not. */
function isAnswer(kind: AnnotationKind): boolean {
  return kind === 'counter-statement' || kind === 'evidence';
}

function compareViews(a: AnnotationView, b: AnnotationView): number {
  return (
    a.article.number - b.article.number ||
    a.annotation.target.position.start - b.annotation.target.position.start ||
    a.annotation.target.position.end - b.annotation.target.position.end ||
    (a.annotation.id < b.annotation.id ? -1 : a.annotation.id > b.annotation.id ? 1 : 0)
  );
}

/** Heading of a relation group, read from the claim's point of view. */
export function groupHeading(relation: LinkRelation, direction: 'in' | 'out'): string {
  if (relation === 'same-claim-as') return 'The same claim, made elsewhere';
  const label = RELATION_LABELS[relation];
  return direction === 'in'
    ? `${label[0]!.toUpperCase()}${label.slice(1)} the claim`
    : `The claim ${label}`;
}

function groupLinks(
  claimId: string,
  links: Link[],
  views: Map<string, AnnotationView>,
): RelationGroup[] {
  const groups = new Map<string, RelationGroup>();
  for (const l of links) {
    const direction = l.to === claimId ? 'in' : 'out';
    const other = views.get(direction === 'in' ? l.from : l.to);
    if (!other) continue;
    // same-claim-as is symmetric: one group for both directions.
    const dir = l.relation === 'same-claim-as' ? 'in' : direction;
    const key = `${l.relation}/${dir}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        relation: l.relation,
        direction: dir,
        heading: groupHeading(l.relation, dir),
        items: [],
      };
      groups.set(key, g);
    }
    g.items.push({ link: l, other });
  }
  const rank = (g: RelationGroup) =>
    LINK_RELATIONS.indexOf(g.relation) * 2 + (g.direction === 'in' ? 0 : 1);
  const out = [...groups.values()].sort((a, b) => rank(a) - rank(b));
  for (const g of out) g.items.sort((a, b) => compareViews(a.other, b.other));
  return out;
}

function collectReviewers(session: Session, team: TeamExportInfo | null): string[] {
  const names = new Set<string>();
  const add = (n: string) => {
    const t = n.trim();
    if (t) names.add(t);
  };
  for (const n of team?.reviewers ?? []) add(showInvisibles(n));
  add(session.settings.reviewer);
  for (const a of session.annotations) add(a.reviewer);
  for (const l of session.links) add(l.reviewer);
  return [...names].sort((a, b) => a.localeCompare(b, 'en'));
}

function viewOf(a: Annotation, ref: ReportArticle, speakers: Map<string, Speaker>): AnnotationView {
  const base = {
    annotation: a,
    kindLabel: KIND_LABELS[a.kind],
    article: ref,
    speaker: a.speakerId ? (speakers.get(a.speakerId) ?? null) : null,
  };
  if (a.target.status === 'orphaned') {
    const { prefix, suffix } = a.target.quote;
    return { ...base, before: collapse(prefix), after: collapse(suffix), orphaned: true };
  }
  const text = ref.article.text;
  const idx = articleIndex(ref.article);
  const start = idx.toUtf16(a.target.position.start);
  const end = idx.toUtf16(a.target.position.end);
  return { ...base, ...contextAround(text, start, end), orphaned: false };
}

/**
 * A little text either side of `[start, end)`: at most {@link CONTEXT_CHARS}
 * units, never across a paragraph break (a blank line), trimmed to whole words,
 * with `…` where the sentence goes on.
 */
export function contextAround(
  text: string,
  start: number,
  end: number,
): { before: string; after: string } {
  let from = Math.max(0, start - CONTEXT_CHARS);
  const para = text.lastIndexOf('\n\n', start - 1);
  let cutBefore = from > 0;
  if (para >= from) {
    from = para + 2;
    cutBefore = false;
  } else if (cutBefore) {
    const sp = text.indexOf(' ', from);
    from = sp >= 0 && sp < start ? sp + 1 : start;
  }
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  const paraAfter = text.indexOf('\n\n', end);
  let cutAfter = to < text.length;
  if (paraAfter >= 0 && paraAfter <= to) {
    to = paraAfter;
    cutAfter = false;
  } else if (cutAfter) {
    const sp = text.lastIndexOf(' ', to);
    to = sp > end ? sp : end;
  }
  const before = collapse(text.slice(from, start)).replace(/^ /, '');
  const after = collapse(text.slice(end, to)).replace(/ $/, '');
  return {
    before: cutBefore && before ? `…${before}` : before,
    after: cutAfter && after ? `${after}…` : after,
  };
}

/** Collapse runs of whitespace (newlines included) to one space. */
function collapse(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** Article metadata with invisible and direction-changing characters shown as markers. */
function visibleMeta(meta: ArticleMeta): ArticleMeta {
  return {
    ...meta,
    title: showInvisibles(meta.title),
    outlet: showInvisibles(meta.outlet),
    byline: showInvisibles(meta.byline),
    url: showInvisibles(meta.url),
  };
}
