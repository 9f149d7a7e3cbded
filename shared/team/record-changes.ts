/**
 * From the session the app edits to shared documents: every change becomes
 * field assignments stamped with who and when.
 *
 * {@link recordSession} compares an edited session with what the team state
 * showed (its {@link materialize}d session) and assigns exactly the fields
 * that differ: a new annotation creates its document, a changed note assigns
 * `note`, a removed link assigns `deleted`. The app's own op list stays as it
 * is; the team layer only looks at the result. Editing an approved (or
 * published) session also sends it back to review.
 *
 * The explicit changes, {@link setClaimVerdict}, {@link changeStatus} and
 * {@link resolveDisagreement}, always assign (even an unchanged value), so
 * they settle a disagreement on the field they set.
 */
import type { Annotation, Link, Session, Speaker, Verdict } from '../model/session';
import { canonicalJson } from './field-register';
import {
  localPartsOf,
  materialize,
  deletionState,
  type Materialized,
  type SharedSettings,
} from './materialize';
import { REVIEWER_ID_RE } from './reviewer';
import {
  teamDocId,
  type HistoryAction,
  type ItemType,
  type SessionStatus,
  type Stamp,
  type TeamDoc,
} from './team-doc';
import {
  assignDocField,
  createDoc,
  emptyTeamState,
  type ChangeContext,
  type TeamState,
} from './team-state';
import { reviewerIdForName } from './reviewer';

export type Recorded =
  { ok: true; state: TeamState; changed: string[] } | { ok: false; problem: string };

function sharedSettings(s: Session): SharedSettings {
  const { organisationName, organisationUrl, publicationBaseUrl, methodology } = s.settings;
  return { organisationName, organisationUrl, publicationBaseUrl, methodology };
}

const annotationValues = (a: Annotation) => ({
  kind: a.kind,
  target: a.target,
  speakerId: a.speakerId,
  note: a.note,
  tags: a.tags,
  verdict: a.verdict,
});
const linkValues = (l: Link) => ({ from: l.from, to: l.to, relation: l.relation, note: l.note });
const speakerValues = (s: Speaker) => ({
  name: s.name,
  kind: s.kind,
  role: s.role,
  organisation: s.organisation,
  aliases: s.aliases,
});

/** The creation stamp of an item made before it was shared: its own time and author name. */
function createdStamp(name: string, at: string, ctx: ChangeContext): Stamp {
  const n = name.trim();
  if (!n || n === ctx.reviewer.name) return { by: ctx.reviewer.id, name: ctx.reviewer.name, at };
  return { by: reviewerIdForName(n), name: n.slice(0, 1000), at };
}

/**
 * The changes of one recording. The state's document map and dirty set are
 * copied once, on the first change, and then changed in place: recording a
 * session of N items costs O(N), not O(N²) (a copy per document). The state
 * it returns is read once the recording is over.
 */
class Recorder {
  private docs: Map<string, TeamDoc> | null = null;
  private dirty: Set<string> | null = null;
  readonly changed = new Set<string>();
  constructor(
    private readonly base: TeamState,
    readonly ctx: ChangeContext,
  ) {}
  get state(): TeamState {
    return this.docs ? { ...this.base, docs: this.docs, dirty: this.dirty! } : this.base;
  }
  doc(id: string): TeamDoc | undefined {
    return (this.docs ?? this.base.docs).get(id);
  }
  put(doc: TeamDoc): void {
    if (!this.docs) {
      this.docs = new Map(this.base.docs);
      this.dirty = new Set(this.base.dirty);
    }
    this.docs.set(doc._id, doc);
    this.dirty!.add(doc._id);
    this.changed.add(doc._id);
  }
  create(type: ItemType, itemId: string, values: Record<string, unknown>, created?: Stamp): void {
    const full = type === 'meta' || type === 'review' ? values : { ...values, deleted: false };
    this.put(createDoc(this.state.sessionId, type, itemId, full, this.ctx, created));
  }
  assign(docId: string, field: string, v: unknown, action: HistoryAction = 'set'): void {
    const doc = this.doc(docId)!;
    this.put(assignDocField(doc, field, v, this.ctx, action));
  }
  /** Assign each field whose shown value differs from `values`. */
  update(docId: string, shown: Record<string, unknown>, values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values))
      if (canonicalJson(shown[k]) !== canonicalJson(v)) this.assign(docId, k, v);
  }
  /** Create the item, or bring back and update an item whose document exists. */
  upsert(type: ItemType, itemId: string, values: Record<string, unknown>, created: Stamp): void {
    const id = teamDocId(this.state.sessionId, type, itemId);
    const doc = this.doc(id);
    if (!doc) return this.create(type, itemId, values, created);
    if (deletionState(doc) !== 'live') this.assign(id, 'deleted', false, 'restore');
    const d = this.doc(id)!;
    const shown: Record<string, unknown> = {};
    for (const k of Object.keys(values)) {
      const f = d.fields[k];
      shown[k] = f ? f.heads[f.heads.length - 1]!.v : undefined;
    }
    this.update(id, shown, values);
  }
  remove(type: ItemType, itemId: string): void {
    this.assign(teamDocId(this.state.sessionId, type, itemId), 'deleted', true, 'delete');
  }
}

/** Diff items by id and record creations, updates and deletions. */
function recordItems<T extends { id: string }>(
  r: Recorder,
  type: ItemType,
  before: readonly T[],
  after: readonly T[],
  values: (x: T) => Record<string, unknown>,
  created: (x: T) => Stamp,
): void {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Set<string>();
  for (const x of after) {
    now.add(x.id);
    const prev = old.get(x.id);
    if (prev) r.update(teamDocId(r.state.sessionId, type, x.id), values(prev), values(x));
    else r.upsert(type, x.id, values(x), created(x));
  }
  for (const x of before) if (!now.has(x.id)) r.remove(type, x.id);
}

/** The documents of a session that has never been shared: everything created by `ctx`'s reviewer. */
function initialState(session: Session, ctx: ChangeContext): Recorded {
  const r = new Recorder(emptyTeamState(session.id), ctx);
  r.create(
    'meta',
    session.id,
    {
      name: session.name,
      settings: sharedSettings(session),
      scale: session.scale,
      status: 'draft',
    },
    { by: ctx.reviewer.id, name: ctx.reviewer.name, at: session.createdAt },
  );
  for (const a of session.articles)
    r.create('article', a.id, { article: a }, createdStamp('', a.source.importedAt, ctx));
  for (const s of session.speakers) r.create('speaker', s.id, speakerValues(s));
  for (const a of session.annotations) {
    r.create('annotation', a.id, annotationValues(a), createdStamp(a.reviewer, a.created, ctx));
    if (a.verdict && a.kind === 'claim') recordReview(r, a.id, a.verdict);
  }
  for (const l of session.links)
    r.create('link', l.id, linkValues(l), createdStamp(l.reviewer, l.created, ctx));
  return { ok: true, state: r.state, changed: [...r.changed] };
}

function recordReview(r: Recorder, claimId: string, verdict: Verdict | null): void {
  const itemId = `${claimId}:${r.ctx.reviewer.id}`;
  const id = teamDocId(r.state.sessionId, 'review', itemId);
  if (r.doc(id)) r.assign(id, 'verdict', verdict);
  else r.create('review', itemId, { verdict });
}

function checkReviewer(ctx: ChangeContext): string | null {
  if (!REVIEWER_ID_RE.test(ctx.reviewer.id)) return 'That reviewer id is not valid.';
  if (!ctx.reviewer.name.trim()) return 'Changes need a reviewer name.';
  return null;
}

function shown(state: TeamState, session: Session): Materialized | string {
  return materialize(state, localPartsOf(session));
}

/**
 * Record the differences between `session` (as edited) and what `state`
 * shows. With no state yet (the session was never shared), every item is
 * created. Returns the ids of the documents written.
 */
export function recordSession(
  state: TeamState | null,
  session: Session,
  ctx: ChangeContext,
): Recorded {
  const bad = checkReviewer(ctx);
  if (bad) return { ok: false, problem: bad };
  if (!state) return initialState(session, ctx);
  if (state.sessionId !== session.id)
    return { ok: false, problem: 'The team state belongs to another session.' };
  const m = shown(state, session);
  if (typeof m === 'string') return { ok: false, problem: m };
  const before = m.session;
  const r = new Recorder(state, ctx);
  const metaId = teamDocId(session.id, 'meta', session.id);
  r.update(
    metaId,
    { name: before.name, settings: sharedSettings(before), scale: before.scale },
    { name: session.name, settings: sharedSettings(session), scale: session.scale },
  );
  recordItems(
    r,
    'article',
    before.articles,
    session.articles,
    (a) => ({ article: a }),
    (a) => createdStamp('', a.source.importedAt, ctx),
  );
  recordItems(r, 'speaker', before.speakers, session.speakers, speakerValues, () => ({
    by: ctx.reviewer.id,
    name: ctx.reviewer.name,
    at: ctx.now,
  }));
  recordItems(r, 'annotation', before.annotations, session.annotations, annotationValues, (a) =>
    createdStamp(a.reviewer, a.created, ctx),
  );
  recordItems(r, 'link', before.links, session.links, linkValues, (l) =>
    createdStamp(l.reviewer, l.created, ctx),
  );
  // A verdict set in the app is also this reviewer's own verdict on the claim.
  const oldVerdicts = new Map(before.annotations.map((a) => [a.id, a.verdict]));
  for (const a of session.annotations)
    if (
      a.kind === 'claim' &&
      a.verdict &&
      canonicalJson(oldVerdicts.get(a.id) ?? null) !== canonicalJson(a.verdict)
    )
      recordReview(r, a.id, a.verdict);
  if (r.changed.size && (m.status === 'approved' || m.status === 'published'))
    r.assign(metaId, 'status', 'in-review');
  return { ok: true, state: r.state, changed: [...r.changed] };
}

/**
 * Set a claim's verdict (the session's verdict on it) and record it as the
 * reviewer's own verdict: two documents. Always assigns, so it settles a
 * disagreement on the verdict. `null` clears it.
 */
export function setClaimVerdict(
  state: TeamState,
  session: Session,
  claimId: string,
  verdict: Verdict | null,
  ctx: ChangeContext,
): Recorded {
  const bad = checkReviewer(ctx);
  if (bad) return { ok: false, problem: bad };
  const m = shown(state, session);
  if (typeof m === 'string') return { ok: false, problem: m };
  const claim = m.session.annotations.find((a) => a.id === claimId);
  if (!claim)
    return { ok: false, problem: `There is no annotation ${claimId.slice(0, 80)} in the session.` };
  if (claim.kind !== 'claim')
    return { ok: false, problem: `Annotation ${claimId} is not a claim.` };
  if (verdict && !m.session.scale.steps.some((s) => s.id === verdict.stepId))
    return { ok: false, problem: 'That verdict is not on the session’s rating scale.' };
  const r = new Recorder(state, ctx);
  const id = teamDocId(state.sessionId, 'annotation', claimId);
  const disputed = m.disagreements.some((d) => d.docId === id && d.field === 'verdict');
  r.assign(id, 'verdict', verdict, disputed ? 'resolve' : 'set');
  recordReview(r, claimId, verdict);
  if (m.status === 'approved' || m.status === 'published')
    r.assign(teamDocId(state.sessionId, 'meta', state.sessionId), 'status', 'in-review');
  return { ok: true, state: r.state, changed: [...r.changed] };
}

/** The moves between statuses, and who may make them. */
const TRANSITIONS: Record<SessionStatus, Partial<Record<SessionStatus, 'reviewer' | 'editor'>>> = {
  draft: { 'in-review': 'reviewer' },
  'in-review': { draft: 'reviewer', approved: 'editor' },
  approved: { 'in-review': 'reviewer', published: 'editor' },
  published: { 'in-review': 'editor' },
};

/**
 * Move the session to another status: draft → in review → approved (an
 * editor) → published (an editor); back to review from approved (anyone) or
 * published (an editor). Approving needs no open disagreement. Returns a
 * sentence when the move is not allowed.
 */
export function changeStatus(
  state: TeamState,
  session: Session,
  to: SessionStatus,
  ctx: ChangeContext,
): Recorded {
  const bad = checkReviewer(ctx);
  if (bad) return { ok: false, problem: bad };
  const m = shown(state, session);
  if (typeof m === 'string') return { ok: false, problem: m };
  const who = TRANSITIONS[m.status][to];
  if (!who) return { ok: false, problem: `A session cannot go from ${m.status} to ${to}.` };
  if (who === 'editor' && ctx.reviewer.role !== 'editor')
    return { ok: false, problem: `Only an editor can move a session to ${to}.` };
  if (to === 'approved' && m.disagreements.length)
    return {
      ok: false,
      problem: `The session has ${m.disagreements.length} open disagreement${m.disagreements.length === 1 ? '' : 's'}; resolve them before approving.`,
    };
  const r = new Recorder(state, ctx);
  r.assign(teamDocId(state.sessionId, 'meta', state.sessionId), 'status', to);
  return { ok: true, state: r.state, changed: [...r.changed] };
}

/**
 * Settle a disagreement by choosing a value: an ordinary assignment that
 * supersedes every value in dispute. For `deleted` (an edit made while the
 * item was deleted), `true` deletes it after all and `false` keeps it.
 */
export function resolveDisagreement(
  state: TeamState,
  docId: string,
  field: string,
  value: unknown,
  ctx: ChangeContext,
): Recorded {
  const bad = checkReviewer(ctx);
  if (bad) return { ok: false, problem: bad };
  const doc = state.docs.get(docId);
  if (!doc) return { ok: false, problem: `There is no item ${docId.slice(0, 120)}.` };
  if (!doc.fields[field])
    return { ok: false, problem: `That item has no field ${field.slice(0, 40)}.` };
  if (field === 'deleted' && typeof value !== 'boolean')
    return { ok: false, problem: 'Resolve a deletion with true (delete) or false (keep).' };
  const r = new Recorder(state, ctx);
  r.assign(docId, field, value, field === 'deleted' && value ? 'delete' : 'resolve');
  return { ok: true, state: r.state, changed: [...r.changed] };
}
