// Accepting and dismissing claim suggestions as pure op batches (issue 13).
import { describe, expect, it } from 'vitest';
import { applyOps, type SessionOp } from '../../../shared/session/session-ops';
import type { Session } from '../../../shared/model/session';
import { markPassage } from '../../../shared/review/annotation-edits';
import { suggestClaims } from '../../../shared/suggest/claim-suggest';
import {
  acceptSuggestion,
  dismissSuggestion,
  openSuggestions,
  type AppClaimSuggestion,
} from '../../../shared/suggest/suggestion-review';
import { seedSession, spanOf } from '../../helpers/seed-session';

const NOW = '2024-05-01T12:00:00.000Z';

function run(s: Session, ops: SessionOp[]) {
  const r = applyOps(s, ops, NOW);
  if (!r.ok) throw new Error(r.problems.join(' '));
  return r;
}

describe('suggestion review', () => {
  const base = seedSession();
  const art = base.articles[0]!;
  const all: AppClaimSuggestion[] = suggestClaims(art.text, { blocks: art.blocks });
  const by = (name: string) => all.filter((s) => s.speaker === name);

  it('accepts a suggestion as a Claim over its sentence, creating the speaker with the text’s role', () => {
    const t = {
      ...by('Rex Tillerson')[0]!,
      speakerDetail: { kind: 'person' as const, role: 'Secretary of State', organisation: '' },
    };
    const r = acceptSuggestion(base, art.id, t, NOW);
    if (!r.ok) throw new Error(r.message);
    expect(r.newSpeaker).toBe(true);
    const { session, inverse } = run(base, r.ops);
    const a = session.annotations.find((x) => x.id === r.annotationId)!;
    expect(a).toMatchObject({ kind: 'claim', reviewer: 'Test Reviewer' });
    expect(a.target.position).toEqual({ type: 'TextPositionSelector', start: t.start, end: t.end });
    expect(session.speakers).toEqual([
      expect.objectContaining({
        name: 'Rex Tillerson',
        role: 'Secretary of State',
        kind: 'person',
      }),
    ]);
    expect(openSuggestions(session, art.id, all)).toHaveLength(all.length - 1);
    // One batch: its inverse removes the claim and the speaker together.
    const back = run(session, inverse).session;
    expect(back.annotations).toEqual([]);
    expect(back.speakers).toEqual([]);
  });

  it('reuses an existing speaker found by name, alias or unique surname', () => {
    const [first, second] = by('H R McMaster');
    const r1 = acceptSuggestion(base, art.id, first!, NOW);
    if (!r1.ok) throw new Error(r1.message);
    const s1 = run(base, r1.ops).session;
    const r2 = acceptSuggestion(s1, art.id, second!, NOW);
    if (!r2.ok) throw new Error(r2.message);
    expect(r2.newSpeaker).toBe(false);
    expect(r2.speaker?.id).toBe(r1.speaker?.id);
    const s2 = run(s1, r2.ops).session;
    expect(s2.speakers).toHaveLength(1);
  });

  it('leaves out suggestions an annotation overlaps, of any kind', () => {
    const q = spanOf(art, 'The story is false');
    const m = markPassage(base, { articleId: art.id, ...q, kind: 'counter-statement' }, NOW);
    if (!m.ok) throw new Error(m.message);
    const s = run(base, m.ops).session;
    const open = openSuggestions(s, art.id, all);
    expect(open).toHaveLength(all.length - 1);
    expect(open.some((x) => x.text.includes('The story is false'))).toBe(false);
  });

  it('dismisses by article and exact text, once; the inverse brings it back', () => {
    const d = dismissSuggestion(base, art.id, all[0]!, NOW);
    if (!d.ok) throw new Error(d.message);
    const { session, inverse } = run(base, d.ops);
    expect(session.dismissed).toHaveLength(1);
    expect(openSuggestions(session, art.id, all)[0]).toEqual(all[1]);
    // The same sentence found at another place (after a re-import) stays dismissed.
    const moved = { ...all[0]!, start: all[0]!.start + 7, end: all[0]!.end + 7 };
    expect(openSuggestions(session, art.id, [moved])).toEqual([]);
    expect(dismissSuggestion(session, art.id, all[0]!, NOW).ok).toBe(false);
    expect(run(session, inverse).session.dismissed).toEqual([]);
    // A session never dismissed has no field at all (files keep their shape).
    expect('dismissed' in base).toBe(false);
  });

  it('refuses a suggestion whose text is no longer at its place', () => {
    const s = all[2]!;
    const r = acceptSuggestion(base, art.id, { ...s, start: s.start + 1, end: s.end + 1 }, NOW);
    expect(r.ok).toBe(false);
  });
});
