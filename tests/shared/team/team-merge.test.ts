/**
 * The team-review merge rules, pure: two reviewers start from one shared
 * state, change it apart, and their states are joined (the same join a sync
 * and the offline file merge use).
 */
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/model/session';
import { validateSession } from '../../../shared/session/validate-session';
import { makeReviewer, type Reviewer } from '../../../shared/team/reviewer';
import {
  changeStatus,
  recordSession,
  resolveDisagreement,
  setClaimVerdict,
} from '../../../shared/team/record-changes';
import { materialize, localPartsOf, type Materialized } from '../../../shared/team/materialize';
import { mergeStates, type ChangeContext, type TeamState } from '../../../shared/team/team-state';
import { teamDocId } from '../../../shared/team/team-doc';
import { packTeamState, unpackTeamState } from '../../../shared/team/team-file';
import {
  annotateQuote,
  buildSeedArticle,
  buildSeedReview,
  CLAIM_ID,
} from '../../helpers/seed-review';

function reviewer(name: string, role: 'reviewer' | 'editor' = 'reviewer'): Reviewer {
  const r = makeReviewer(name, role);
  if (typeof r === 'string') throw new Error(r);
  return r;
}
const alice = reviewer('Alice');
const bob = reviewer('Bob');
const ed = reviewer('Edith', 'editor');

let clock = 0;
function ctx(r: Reviewer): ChangeContext {
  clock++;
  return { reviewer: r, now: new Date(Date.UTC(2024, 0, 1, 0, 0, clock)).toISOString() };
}

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
}

function show(state: TeamState, base: Session): Materialized {
  const m = materialize(state, localPartsOf(base));
  if (typeof m === 'string') throw new Error(m);
  const v = validateSession(m.session);
  if (!v.ok) throw new Error(v.problems.join('; '));
  return m;
}

/** Apply an edit to the session a state shows, and record it. */
function edit(
  state: TeamState,
  base: Session,
  r: Reviewer,
  change: (s: Session) => Session,
): TeamState {
  const before = show(state, base).session;
  return ok(recordSession(state, change(before), ctx(r))).state;
}

const withNote = (id: string, note: string) => (s: Session) => ({
  ...s,
  annotations: s.annotations.map((a) => (a.id === id ? { ...a, note } : a)),
});

describe('team merge', () => {
  const base = buildSeedReview();
  const shared = ok(recordSession(null, base, ctx(alice))).state;

  it('shows the shared session as it was, with nothing in dispute', () => {
    const m = show(shared, base);
    expect(m.disagreements).toEqual([]);
    expect(m.status).toBe('draft');
    const ids = (s: Session) => s.annotations.map((a) => a.id).sort();
    expect(ids(m.session)).toEqual(ids(base));
    for (const a of base.annotations) {
      const b = m.session.annotations.find((x) => x.id === a.id)!;
      expect({ ...b, modified: '' }).toEqual({ ...a, modified: '' });
    }
    expect(m.session.links.length).toBe(base.links.length);
  });

  it('keeps changes to different items and different fields from both sides', () => {
    const [a1, a2] = base.annotations;
    const sa = edit(shared, base, alice, withNote(a1!.id, 'Alice was here'));
    const sb = edit(shared, base, bob, (s) => ({
      ...s,
      annotations: s.annotations.map((a) => (a.id === a2!.id ? { ...a, tags: ['checked'] } : a)),
    }));
    const m = show(mergeStates(sa, sb), base);
    expect(m.disagreements).toEqual([]);
    expect(m.session.annotations.find((a) => a.id === a1!.id)!.note).toBe('Alice was here');
    expect(m.session.annotations.find((a) => a.id === a2!.id)!.tags).toEqual(['checked']);
    const who = m.authors.get(teamDocId(base.id, 'annotation', a1!.id))!;
    expect(who.modifiedBy.name).toBe('Alice');
  });

  it('brings concurrent additions together', () => {
    const article = buildSeedArticle();
    const addA = annotateQuote(article, 'The Washington Post', {
      id: 'added-by-alice',
      kind: 'context',
    });
    const addB = annotateQuote(article, 'McMaster', { id: 'added-by-bob', kind: 'evidence' });
    const sa = edit(shared, base, alice, (s) => ({ ...s, annotations: [...s.annotations, addA] }));
    const sb = edit(shared, base, bob, (s) => ({ ...s, annotations: [...s.annotations, addB] }));
    const m = show(mergeStates(sa, sb), base);
    const ids = m.session.annotations.map((a) => a.id);
    expect(ids).toContain('added-by-alice');
    expect(ids).toContain('added-by-bob');
    expect(m.disagreements).toEqual([]);
  });

  it('keeps both verdicts of a concurrent change as a disagreement, until someone resolves it', () => {
    const before = show(shared, base).session;
    const sa = ok(
      setClaimVerdict(shared, before, CLAIM_ID, { stepId: 'false', rationale: 'A' }, ctx(alice)),
    ).state;
    const sb = ok(
      setClaimVerdict(shared, before, CLAIM_ID, { stepId: 'misleading', rationale: 'B' }, ctx(bob)),
    ).state;
    const merged = mergeStates(sa, sb);
    const m = show(merged, base);
    expect(m.disagreements).toHaveLength(1);
    const d = m.disagreements[0]!;
    expect(d.field).toBe('verdict');
    expect(d.itemId).toBe(CLAIM_ID);
    expect(d.values.map((v) => [v.name, (v.value as { stepId: string }).stepId]).sort()).toEqual([
      ['Alice', 'false'],
      ['Bob', 'misleading'],
    ]);
    // Each reviewer's own verdict is kept beside it.
    expect(m.reviewerVerdicts.map((r) => [r.name, r.verdict?.stepId]).sort()).toEqual(
      expect.arrayContaining([
        ['Alice', 'false'],
        ['Bob', 'misleading'],
      ]),
    );
    // Merging in either order, or twice, gives the same.
    expect(show(mergeStates(sb, sa), base).disagreements).toEqual(m.disagreements);
    expect(show(mergeStates(merged, sb), base).disagreements).toEqual(m.disagreements);

    // The resolution is an ordinary change that wins over both values, and travels.
    const resolved = ok(
      resolveDisagreement(merged, d.docId, 'verdict', d.values[1]!.value, ctx(ed)),
    ).state;
    expect(show(resolved, base).disagreements).toEqual([]);
    const everywhere = mergeStates(mergeStates(sa, sb), resolved);
    expect(show(everywhere, base).disagreements).toEqual([]);
    expect(
      show(everywhere, base).session.annotations.find((a) => a.id === CLAIM_ID)!.verdict,
    ).toEqual(d.values[1]!.value);
  });

  it('treats the same value set twice at once as agreement', () => {
    const before = show(shared, base).session;
    const v = { stepId: 'false', rationale: 'same' };
    const sa = ok(setClaimVerdict(shared, before, CLAIM_ID, v, ctx(alice))).state;
    const sb = ok(setClaimVerdict(shared, before, CLAIM_ID, v, ctx(bob))).state;
    expect(show(mergeStates(sa, sb), base).disagreements).toEqual([]);
  });

  it('brings back an item edited while someone else deleted it, flagged', () => {
    const target = base.annotations[2]!.id;
    const sa = edit(shared, base, alice, (s) => ({
      ...s,
      annotations: s.annotations.filter((a) => a.id !== target),
      links: s.links.filter((l) => l.from !== target && l.to !== target),
    }));
    expect(show(sa, base).session.annotations.some((a) => a.id === target)).toBe(false);
    const sb = edit(shared, base, bob, withNote(target, 'Bob kept working on this'));
    const merged = mergeStates(sa, sb);
    const m = show(merged, base);
    const back = m.session.annotations.find((a) => a.id === target);
    expect(back?.note).toBe('Bob kept working on this');
    const flag = m.disagreements.find((d) => d.itemId === target && d.field === 'deleted');
    expect(flag?.values.map((v) => `${v.name}:${String(v.value)}`).sort()).toEqual([
      'Alice:deleted',
      'Bob:edited',
    ]);
    // Keeping it settles it; deleting it after all removes it.
    const kept = ok(resolveDisagreement(merged, flag!.docId, 'deleted', false, ctx(ed))).state;
    expect(show(kept, base).disagreements).toEqual([]);
    expect(show(kept, base).session.annotations.some((a) => a.id === target)).toBe(true);
    const gone = ok(resolveDisagreement(merged, flag!.docId, 'deleted', true, ctx(ed))).state;
    expect(show(gone, base).disagreements).toEqual([]);
    expect(show(gone, base).session.annotations.some((a) => a.id === target)).toBe(false);
  });

  it('deletes cleanly when nobody edited the item meanwhile, and hides its links', () => {
    const target = base.annotations[1]!.id;
    const sa = edit(shared, base, alice, (s) => ({
      ...s,
      annotations: s.annotations.filter((a) => a.id !== target),
      links: s.links.filter((l) => l.from !== target && l.to !== target),
    }));
    const m = show(mergeStates(sa, shared), base);
    expect(m.disagreements).toEqual([]);
    expect(m.session.annotations.some((a) => a.id === target)).toBe(false);
  });

  it('moves the status draft → in review → approved (editor only) → published; an edit sends it back', () => {
    const s0 = show(shared, base).session;
    const inReview = ok(changeStatus(shared, s0, 'in-review', ctx(alice))).state;
    const denied = changeStatus(inReview, s0, 'approved', ctx(alice));
    expect(denied.ok).toBe(false);
    const approved = ok(changeStatus(inReview, s0, 'approved', ctx(ed))).state;
    const m = show(approved, base);
    expect(m.status).toBe('approved');
    expect(m.approvedBy?.name).toBe('Edith');
    const edited = edit(approved, base, bob, withNote(base.annotations[0]!.id, 'late change'));
    expect(show(edited, base).status).toBe('in-review');
    const published = ok(changeStatus(approved, s0, 'published', ctx(ed))).state;
    expect(show(published, base).status).toBe('published');
  });

  it('refuses to approve while reviewers disagree', () => {
    const before = show(shared, base).session;
    const sa = ok(
      setClaimVerdict(shared, before, CLAIM_ID, { stepId: 'false', rationale: '' }, ctx(alice)),
    ).state;
    const sb = ok(
      setClaimVerdict(shared, before, CLAIM_ID, { stepId: 'true', rationale: '' }, ctx(bob)),
    ).state;
    const merged = ok(changeStatus(mergeStates(sa, sb), before, 'in-review', ctx(alice))).state;
    const r = changeStatus(merged, before, 'approved', ctx(ed));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(/disagreement/);
  });

  it('writes a file section that reads back to the same state, articles by reference', () => {
    const m = show(shared, base);
    const packed = packTeamState(shared, m.session, { remote: 'https://couch.example.org/team' });
    const text = JSON.stringify(packed);
    expect(text.includes(base.articles[0]!.text.slice(0, 200))).toBe(false);
    const back = unpackTeamState(JSON.parse(text), m.session);
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.info.remote).toBe('https://couch.example.org/team');
      expect(show(back.state, base).session).toEqual(m.session);
    }
  });
});
