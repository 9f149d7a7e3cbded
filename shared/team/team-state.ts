/**
 * The team state of one session: its shared documents by id, and which of
 * them changed locally since the last sync. Pure: every function returns a
 * new state or document and leaves its inputs alone.
 *
 * {@link mergeDocs} joins two copies of one document field by field (see
 * field-register.ts); {@link mergeStates} joins two states document by
 * document. The offline file merge and the resolution of CouchDB conflicts
 * after replication are both this join, so a merged file and a synced
 * database hold the same result.
 */
import { newId } from '../model/ids';
import {
  assignField,
  canonicalJson,
  fieldTokens,
  mergeField,
  newField,
  type FieldState,
  type Head,
} from './field-register';
import type { Reviewer } from './reviewer';
import {
  MAX_HISTORY,
  teamDocId,
  type HistoryAction,
  type HistoryEntry,
  type ItemType,
  type Stamp,
  type TeamDoc,
} from './team-doc';

/** One session's shared documents. */
export interface TeamState {
  sessionId: string;
  docs: ReadonlyMap<string, TeamDoc>;
  /** Ids of documents changed locally and not yet pushed. */
  dirty: ReadonlySet<string>;
}

/** Who changes, when, and where fresh tokens come from (tests pass a counter). */
export interface ChangeContext {
  reviewer: Reviewer;
  now: string;
  token?: () => string;
}

/** A fresh assignment token. */
export function newToken(): string {
  return newId().replace(/-/g, '');
}

/** An empty state for a session. */
export function emptyTeamState(sessionId: string): TeamState {
  return { sessionId, docs: new Map(), dirty: new Set() };
}

function earlier(a: Stamp, b: Stamp): Stamp {
  if (a.at !== b.at) return a.at < b.at ? a : b;
  if (a.by !== b.by) return a.by < b.by ? a : b;
  return a.name <= b.name ? a : b;
}

function mergeHistory(a: HistoryEntry[], b: HistoryEntry[]): HistoryEntry[] {
  if (a === b) return a;
  const byToken = new Map<string, HistoryEntry>();
  for (const h of a) byToken.set(`${h.t}|${h.field ?? ''}|${h.action}`, h);
  for (const h of b) {
    const k = `${h.t}|${h.field ?? ''}|${h.action}`;
    if (!byToken.has(k)) byToken.set(k, h);
  }
  const all = [...byToken.entries()]
    .sort(([ka, x], [kb, y]) =>
      x.at < y.at ? -1 : x.at > y.at ? 1 : ka < kb ? -1 : ka > kb ? 1 : 0,
    )
    .map(([, h]) => h);
  return all.length > MAX_HISTORY ? all.slice(all.length - MAX_HISTORY) : all;
}

/**
 * Join two copies of one document (same `_id`). Fields merge as registers,
 * histories as sets, the creation stamp is the earlier one. `_rev` is taken
 * from `a` (revisions are the replication layer's business).
 */
export function mergeDocs(a: TeamDoc, b: TeamDoc): TeamDoc {
  if (a === b) return a;
  const fields: Record<string, FieldState<unknown>> = {};
  const names = new Set([...Object.keys(a.fields), ...Object.keys(b.fields)]);
  for (const n of [...names].sort()) {
    const fa = a.fields[n];
    const fb = b.fields[n];
    fields[n] = fa && fb ? mergeField(fa, fb) : (fa ?? fb)!;
  }
  const out: TeamDoc = {
    _id: a._id,
    type: a.type,
    session: a.session,
    id: a.id,
    created: earlier(a.created, b.created),
    fields,
    history: mergeHistory(a.history, b.history),
  };
  if (a._rev !== undefined) out._rev = a._rev;
  return out;
}

/** True when two copies hold the same content (revisions aside). */
export function sameDocContent(a: TeamDoc, b: TeamDoc): boolean {
  const { _rev: _a, ...x } = a;
  const { _rev: _b, ...y } = b;
  return canonicalJson(x) === canonicalJson(y);
}

/**
 * Join two states of the same session. A document that differs from this
 * side's copy is marked dirty (this side has something to push), as is every
 * document only the other side had.
 */
export function mergeStates(ours: TeamState, theirs: TeamState): TeamState {
  const docs = new Map(ours.docs);
  const dirty = new Set(ours.dirty);
  for (const [id, doc] of theirs.docs) {
    const mine = docs.get(id);
    if (mine === doc) continue; // the same document (a sync keeps those it did not touch)
    if (!mine) {
      docs.set(id, doc);
      dirty.add(id);
      continue;
    }
    const merged = mergeDocs(mine, doc);
    if (!sameDocContent(merged, mine)) {
      docs.set(id, merged);
      dirty.add(id);
    }
  }
  return { sessionId: ours.sessionId, docs, dirty };
}

/** A short text of a value for the history view. */
export function summarize(value: unknown): string {
  if (value === null) return '(none)';
  if (typeof value === 'string') return value.length > 120 ? `${value.slice(0, 117)}…` : value;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

function head<T>(ctx: ChangeContext, v: T): Head<T> {
  return {
    v,
    t: (ctx.token ?? newToken)(),
    by: ctx.reviewer.id,
    name: ctx.reviewer.name,
    at: ctx.now,
  };
}

/** A new document with every field set by `ctx`'s reviewer. `created` defaults to now. */
export function createDoc(
  sessionId: string,
  type: ItemType,
  itemId: string,
  values: Record<string, unknown>,
  ctx: ChangeContext,
  created?: Stamp,
): TeamDoc {
  const fields: Record<string, FieldState<unknown>> = {};
  const history: HistoryEntry[] = [];
  for (const [name, v] of Object.entries(values)) {
    const h = head(ctx, v);
    fields[name] = newField(h);
    history.push({ t: h.t, by: h.by, name: h.name, at: h.at, action: 'create', field: name });
  }
  return {
    _id: teamDocId(sessionId, type, itemId),
    type,
    session: sessionId,
    id: itemId,
    created: created ?? { by: ctx.reviewer.id, name: ctx.reviewer.name, at: ctx.now },
    fields,
    history,
  };
}

/**
 * Assign a field, superseding every head this copy holds (so a disagreement
 * is resolved by it). `action` names the change in the history.
 */
export function assignDocField(
  doc: TeamDoc,
  field: string,
  value: unknown,
  ctx: ChangeContext,
  action: HistoryAction = 'set',
): TeamDoc {
  const h = head(ctx, value);
  if (field === 'deleted' && value === true) {
    // The delete remembers what it saw: an edit it did not see brings the item back.
    const seen: string[] = [];
    for (const [n, f] of Object.entries(doc.fields))
      if (n !== 'deleted') seen.push(...fieldTokens(f));
    h.seen = [...new Set(seen)].sort();
  }
  const prev = doc.fields[field];
  const next = prev ? assignField(prev, h) : newField(h);
  const entry: HistoryEntry = { t: h.t, by: h.by, name: h.name, at: h.at, action, field };
  if (field !== 'deleted' && action !== 'delete') entry.summary = summarize(value);
  return {
    ...doc,
    fields: { ...doc.fields, [field]: next },
    history: mergeHistory(doc.history, [entry]),
  };
}

/** The state with `doc` put in and marked dirty. */
export function putDoc(state: TeamState, doc: TeamDoc): TeamState {
  const docs = new Map(state.docs);
  docs.set(doc._id, doc);
  const dirty = new Set(state.dirty);
  dirty.add(doc._id);
  return { ...state, docs, dirty };
}
