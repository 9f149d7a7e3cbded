/**
 * From shared documents to the session the app shows: {@link materialize}
 * builds a valid {@link Session} out of a team state, and lists every open
 * disagreement (two values of one field, or an edit made while someone else
 * deleted the item).
 *
 * Documents are items of their own, so the session built here must repair
 * what concurrent edits can break across items without losing anything: a
 * link whose annotation was deleted, an annotation whose speaker was deleted,
 * a verdict whose step left the scale. Such things are left out of (or
 * cleared in) the session shown, and listed in `hidden`; the documents keep
 * them, so an item that comes back brings its links back too.
 */
import type { Annotation, Link, Session, Speaker, Verdict } from '../model/session';
import type { Article } from '../model/article';
import type { RatingScale } from '../model/rating-scale';
import type { SCHEMA_VERSION } from '../model/session-schema';
import { articleIndex } from '../article/article-index';
import {
  distinctHeads,
  fieldTokens,
  fieldValue,
  type FieldState,
  type Head,
} from './field-register';
import { teamDocId, type ItemType, type SessionStatus, type Stamp, type TeamDoc } from './team-doc';
import type { TeamState } from './team-state';

/** Settings shared through the team (the reviewer's own name stays local). */
export interface SharedSettings {
  organisationName: string;
  organisationUrl: string;
  publicationBaseUrl: string;
  methodology: string;
}

/** One value of a disputed field, with who set it. */
export interface DisputedValue {
  value: unknown;
  by: string;
  name: string;
  at: string;
}

/** An open disagreement: one field of one item, and every value in it. */
export interface Disagreement {
  docId: string;
  type: ItemType;
  itemId: string;
  /** The field in dispute; `deleted` for an edit made while someone deleted the item. */
  field: string;
  values: DisputedValue[];
}

/** A reviewer's own verdict on a claim (from their `review` document). */
export interface ReviewerVerdict {
  claimId: string;
  reviewerId: string;
  name: string;
  at: string;
  verdict: Verdict | null;
}

/** Creator and last modifier of an item. */
export interface ItemAuthors {
  createdBy: Stamp;
  modifiedBy: Stamp;
}

/** What the team state shows. */
export interface Materialized {
  session: Session;
  status: SessionStatus;
  /** Who approved the session (set when the status is approved or published). */
  approvedBy: Stamp | null;
  disagreements: Disagreement[];
  reviewerVerdicts: ReviewerVerdict[];
  /** Everyone who changed anything, by id, with their latest name. */
  reviewers: { id: string; name: string }[];
  /** Creator and last modifier of every item shown, by document id. */
  authors: Map<string, ItemAuthors>;
  /** Items kept in the documents but left out of the session shown, and why. */
  hidden: string[];
}

/** The parts of a session that are local to one copy (not shared). */
export interface LocalSessionParts {
  schemaVersion: typeof SCHEMA_VERSION;
  createdAt: string;
  revision: number;
  reviewerName: string;
  view: Session['view'];
}

/**
 * Whether an item is live, deleted, or brought back because someone edited it
 * while someone else deleted it (`contested`: shown, flagged).
 */
export function deletionState(doc: TeamDoc): 'live' | 'deleted' | 'contested' {
  const del = doc.fields.deleted as FieldState<boolean> | undefined;
  if (!del) return 'live';
  const deletes = del.heads.filter((h) => h.v);
  if (deletes.length === 0) return 'live';
  if (deletes.length < del.heads.length) return 'contested'; // deleted and restored concurrently
  const others = Object.entries(doc.fields).filter(([n]) => n !== 'deleted');
  const clean = deletes.some((d) => {
    const seen = new Set(d.seen ?? []);
    return others.every(([, f]) => f.heads.every((h) => seen.has(h.t)));
  });
  return clean ? 'deleted' : 'contested';
}

/** The heads edited without the deleting reviewers having seen them. */
function unseenEdits(doc: TeamDoc): Head<unknown>[] {
  const del = doc.fields.deleted as FieldState<boolean>;
  const seen = new Set<string>();
  for (const d of del.heads) for (const t of d.seen ?? []) seen.add(t);
  const out: Head<unknown>[] = [];
  for (const [n, f] of Object.entries(doc.fields)) {
    if (n === 'deleted') continue;
    for (const h of f.heads) if (!seen.has(h.t)) out.push(h);
  }
  return out;
}

function value<T>(doc: TeamDoc, field: string): T {
  return fieldValue(doc.fields[field] as FieldState<T>);
}

/** The creator and the latest assignment of a document. */
export function docAuthors(doc: TeamDoc): ItemAuthors {
  let last: Head<unknown> | null = null;
  for (const f of Object.values(doc.fields))
    for (const h of f.heads)
      if (!last || h.at > last.at || (h.at === last.at && h.t > last.t)) last = h;
  return {
    createdBy: doc.created,
    modifiedBy: last ? { by: last.by, name: last.name, at: last.at } : doc.created,
  };
}

function disagreementsOf(doc: TeamDoc, state: 'live' | 'contested'): Disagreement[] {
  const out: Disagreement[] = [];
  const base = { docId: doc._id, type: doc.type, itemId: doc.id };
  if (state === 'contested') {
    const del = doc.fields.deleted as FieldState<boolean>;
    const values: DisputedValue[] = [];
    for (const h of del.heads)
      values.push({ value: h.v ? 'deleted' : 'kept', by: h.by, name: h.name, at: h.at });
    const editors = new Map<string, Head<unknown>>();
    for (const h of unseenEdits(doc))
      if (!editors.has(h.by) || editors.get(h.by)!.at < h.at) editors.set(h.by, h);
    for (const h of editors.values())
      values.push({ value: 'edited', by: h.by, name: h.name, at: h.at });
    out.push({ ...base, field: 'deleted', values });
  }
  for (const [field, f] of Object.entries(doc.fields)) {
    if (field === 'deleted') continue;
    const distinct = distinctHeads(f);
    if (distinct.length > 1)
      out.push({
        ...base,
        field,
        values: distinct.map((h) => ({ value: h.v, by: h.by, name: h.name, at: h.at })),
      });
  }
  return out;
}

function byCreation(a: TeamDoc, b: TeamDoc): number {
  if (a.created.at !== b.created.at) return a.created.at < b.created.at ? -1 : 1;
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}

/**
 * Build the session a team state shows. Returns a sentence when the state has
 * no meta document for its session (nothing to show). The session passes
 * `validateSession` when every document did (the caller checks).
 */
export function materialize(state: TeamState, local: LocalSessionParts): Materialized | string {
  const sid = state.sessionId;
  const meta = state.docs.get(teamDocId(sid, 'meta', sid));
  if (!meta) return 'The team state has no session document.';
  const hidden: string[] = [];
  const disagreements: Disagreement[] = [...disagreementsOf(meta, 'live')];
  const authors = new Map<string, ItemAuthors>();
  const reviewers = new Map<string, { name: string; at: string }>();
  const note = (s: Stamp) => {
    const r = reviewers.get(s.by);
    if (!r || r.at <= s.at) reviewers.set(s.by, { name: s.name, at: s.at });
  };
  const byType: Record<ItemType, TeamDoc[]> = {
    meta: [],
    article: [],
    annotation: [],
    link: [],
    speaker: [],
    review: [],
  };
  for (const doc of state.docs.values()) if (doc.session === sid) byType[doc.type].push(doc);
  for (const list of Object.values(byType)) list.sort(byCreation);
  for (const doc of state.docs.values()) {
    note(doc.created);
    for (const f of Object.values(doc.fields)) for (const h of f.heads) note(h);
  }

  const live = (doc: TeamDoc): boolean => {
    const d = deletionState(doc);
    if (d === 'deleted') return false;
    disagreements.push(...disagreementsOf(doc, d));
    authors.set(doc._id, docAuthors(doc));
    return true;
  };

  const scale = value<RatingScale>(meta, 'scale');
  const steps = new Set(scale.steps.map((s) => s.id));
  const articles: Article[] = [];
  const articleIds = new Set<string>();
  for (const doc of byType.article) {
    if (!live(doc)) continue;
    const a = value<Article>(doc, 'article');
    if (a.id !== doc.id || articleIds.has(a.id)) {
      hidden.push(`article ${doc.id}: its snapshot does not carry its own id`);
      continue;
    }
    articleIds.add(a.id);
    articles.push(a);
  }
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const speakers: Speaker[] = [];
  for (const doc of byType.speaker) {
    if (!live(doc)) continue;
    speakers.push({
      id: doc.id,
      name: value(doc, 'name'),
      kind: value(doc, 'kind'),
      role: value(doc, 'role'),
      organisation: value(doc, 'organisation'),
      aliases: value(doc, 'aliases'),
    });
  }
  const speakerIds = new Set(speakers.map((s) => s.id));
  const annotations: Annotation[] = [];
  for (const doc of byType.annotation) {
    if (!live(doc)) continue;
    const target = value<Annotation['target']>(doc, 'target');
    const article = articleById.get(target.articleId);
    if (!article) {
      hidden.push(`annotation ${doc.id}: its article is not in the session`);
      continue;
    }
    if (target.status !== 'orphaned') {
      const idx = articleIndex(article);
      const { start, end } = target.position;
      if (
        end > idx.lengthCp ||
        article.text.slice(idx.toUtf16(start), idx.toUtf16(end)) !== target.quote.exact
      ) {
        hidden.push(`annotation ${doc.id}: its quote is not the article text at its position`);
        continue;
      }
    }
    const kind = value<Annotation['kind']>(doc, 'kind');
    let speakerId = value<string | null>(doc, 'speakerId');
    if (speakerId !== null && !speakerIds.has(speakerId)) {
      hidden.push(`annotation ${doc.id}: its speaker was deleted`);
      speakerId = null;
    }
    let verdict = value<Verdict | null>(doc, 'verdict');
    if (verdict && (kind !== 'claim' || !steps.has(verdict.stepId))) {
      hidden.push(`annotation ${doc.id}: its verdict is not on the scale or it is not a claim`);
      verdict = null;
    }
    const who = authors.get(doc._id)!;
    annotations.push({
      id: doc.id,
      kind,
      target,
      speakerId,
      note: value(doc, 'note'),
      tags: value(doc, 'tags'),
      verdict,
      reviewer: doc.created.name,
      created: doc.created.at,
      modified: who.modifiedBy.at,
    });
  }
  const annotationIds = new Set(annotations.map((a) => a.id));
  const links: Link[] = [];
  const linkKeys = new Set<string>();
  for (const doc of byType.link) {
    if (!live(doc)) continue;
    const from = value<string>(doc, 'from');
    const to = value<string>(doc, 'to');
    const relation = value<Link['relation']>(doc, 'relation');
    const key = `${from}\u0000${to}\u0000${relation}`;
    if (!annotationIds.has(from) || !annotationIds.has(to) || from === to) {
      hidden.push(`link ${doc.id}: an annotation it joins is not in the session`);
      continue;
    }
    if (linkKeys.has(key)) {
      hidden.push(`link ${doc.id}: the same link exists already`);
      continue;
    }
    linkKeys.add(key);
    links.push({
      id: doc.id,
      from,
      to,
      relation,
      note: value(doc, 'note'),
      reviewer: doc.created.name,
      created: doc.created.at,
      modified: authors.get(doc._id)!.modifiedBy.at,
    });
  }
  const reviewerVerdicts: ReviewerVerdict[] = [];
  for (const doc of byType.review) {
    const sep = doc.id.lastIndexOf(':');
    const claimId = doc.id.slice(0, sep);
    if (!annotationIds.has(claimId)) continue;
    const f = doc.fields.verdict as FieldState<Verdict | null>;
    const h = f.heads[f.heads.length - 1]!;
    reviewerVerdicts.push({
      claimId,
      reviewerId: doc.id.slice(sep + 1),
      name: h.name,
      at: h.at,
      verdict: h.v && steps.has(h.v.stepId) ? h.v : null,
    });
  }

  const statusField = meta.fields.status as FieldState<SessionStatus>;
  const status = fieldValue(statusField);
  let approvedBy: Stamp | null = null;
  if (status === 'approved' || status === 'published') {
    // The latest assignment of `approved` among the status history.
    for (const h of meta.history)
      if (
        h.field === 'status' &&
        h.summary === 'approved' &&
        (!approvedBy || h.at >= approvedBy.at)
      )
        approvedBy = { by: h.by, name: h.name, at: h.at };
  }
  let updatedAt = meta.created.at;
  for (const a of authors.values()) if (a.modifiedBy.at > updatedAt) updatedAt = a.modifiedBy.at;
  const m = docAuthors(meta).modifiedBy.at;
  if (m > updatedAt) updatedAt = m;
  const shared = value<SharedSettings>(meta, 'settings');
  const session: Session = {
    schemaVersion: local.schemaVersion,
    id: sid,
    name: value(meta, 'name'),
    createdAt: local.createdAt,
    updatedAt: updatedAt < local.createdAt ? local.createdAt : updatedAt,
    revision: local.revision,
    settings: { reviewer: local.reviewerName, ...shared },
    scale,
    articles,
    speakers,
    annotations,
    links,
    view: {
      openArticleId:
        local.view.openArticleId !== null && articleIds.has(local.view.openArticleId)
          ? local.view.openArticleId
          : (articles[0]?.id ?? null),
      scroll: Object.fromEntries(
        Object.entries(local.view.scroll).filter(([k]) => articleIds.has(k)),
      ),
    },
  };
  return {
    session,
    status,
    approvedBy,
    disagreements,
    reviewerVerdicts,
    reviewers: [...reviewers.entries()]
      .map(([id, r]) => ({ id, name: r.name }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1)),
    authors,
    hidden,
  };
}

/** Every token any field of a document knows (to tell whether an edit was seen). */
export function docTokens(doc: TeamDoc): Set<string> {
  const out = new Set<string>();
  for (const f of Object.values(doc.fields)) for (const t of fieldTokens(f)) out.add(t);
  return out;
}

/** The local parts of a session (what {@link materialize} keeps from this copy). */
export function localPartsOf(session: Session): LocalSessionParts {
  return {
    schemaVersion: session.schemaVersion,
    createdAt: session.createdAt,
    revision: session.revision,
    reviewerName: session.settings.reviewer,
    view: session.view,
  };
}
