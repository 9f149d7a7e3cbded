/**
 * One field of a shared item, as a multi-value register: the merge rule of
 * team review, per field.
 *
 * Every assignment gets a fresh token and supersedes the heads its writer
 * saw (they move to `past`). Merging two copies of a field is a three-way
 * merge whose common ancestor is the last assignment both copies have seen:
 * if one side did not change the field since then, the other side's value
 * is taken; if both changed it, both values are kept as heads, each with who
 * set it and when: a disagreement. Nothing is ever chosen by time ("last
 * writer wins"). An assignment made after seeing a disagreement supersedes
 * every head, so the resolution is an ordinary change.
 *
 * The merge is a join: commutative, associative and idempotent, so every
 * replica that has seen the same assignments holds the same field, whatever
 * the order in which copies arrived. That is what makes the team converge.
 */

/** One assignment of a field. */
export interface Head<T> {
  /** The value set. */
  v: T;
  /** Unique token of this assignment. */
  t: string;
  /** Reviewer id and name of who set it, and when (ISO time). */
  by: string;
  name: string;
  at: string;
  /**
   * For the `deleted` field only: the tokens of every field's heads that the
   * deleting reviewer saw. An edit whose token is not among them was made
   * concurrently, and brings the item back (see item-doc.ts).
   */
  seen?: string[];
}

/** A field: its current heads (one, or several when reviewers disagree) and the superseded tokens. */
export interface FieldState<T> {
  heads: Head<T>[];
  /** Tokens of superseded assignments, sorted. */
  past: string[];
}

/** A canonical JSON text of a value (object keys sorted), for comparing values. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort())
      out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** A field set once, by `head`. */
export function newField<T>(head: Head<T>): FieldState<T> {
  return { heads: [head], past: [] };
}

/** The field after `head` is assigned by someone who saw every current head. */
export function assignField<T>(field: FieldState<T>, head: Head<T>): FieldState<T> {
  const past = new Set(field.past);
  for (const h of field.heads) past.add(h.t);
  return { heads: [head], past: [...past].sort() };
}

function compareHeads<T>(a: Head<T>, b: Head<T>): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.t < b.t ? -1 : a.t > b.t ? 1 : 0;
}

/**
 * Join two copies of a field: every assignment either copy knows survives,
 * unless one of the copies has superseded it. Heads come out ordered by time
 * then token, so equal inputs give identical outputs.
 */
export function mergeField<T>(a: FieldState<T>, b: FieldState<T>): FieldState<T> {
  if (a === b) return a;
  const past = new Set(a.past);
  for (const t of b.past) past.add(t);
  const heads = new Map<string, Head<T>>();
  for (const h of [...a.heads, ...b.heads])
    if (!past.has(h.t) && !heads.has(h.t)) heads.set(h.t, h);
  return { heads: [...heads.values()].sort(compareHeads), past: [...past].sort() };
}

/** The heads with distinct values (the first head of each value, in head order). */
export function distinctHeads<T>(field: FieldState<T>): Head<T>[] {
  const seen = new Set<string>();
  const out: Head<T>[] = [];
  for (const h of field.heads) {
    const key = canonicalJson(h.v);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(h);
    }
  }
  return out;
}

/** True when concurrent assignments left different values: a disagreement. */
export function isDisputed<T>(field: FieldState<T>): boolean {
  return distinctHeads(field).length > 1;
}

/**
 * The value shown for a field. Undisputed: its value. Disputed: the latest
 * head's value, shown flagged with every other value beside it; the choice is
 * only what to display until someone resolves it.
 */
export function fieldValue<T>(field: FieldState<T>): T {
  return field.heads[field.heads.length - 1]!.v;
}

/** Every assignment token the field knows (heads and past). */
export function fieldTokens(field: FieldState<unknown>): string[] {
  return [...field.heads.map((h) => h.t), ...field.past];
}
