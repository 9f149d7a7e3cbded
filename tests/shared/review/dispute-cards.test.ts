import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  buildDisputeModel,
  filterDisputeModel,
  isEmptyFilter,
  sessionTags,
  type DisputeFilter,
} from '../../../shared/review/dispute-cards';
import { applyOps } from '../../../shared/session/session-ops';
import { editAnnotation, markPassage } from '../../../shared/review/annotation-edits';
import { buildSeedReview, SEED_REVIEW } from '../../helpers/review-by-edits';
import { spanOf } from '../../helpers/seed-session';

const NOW = '2024-05-01T12:00:00.000Z';

describe('buildDisputeModel', () => {
  it('makes one card for the seed claim with its statements grouped by relation', () => {
    const { session, ids } = buildSeedReview();
    const m = buildDisputeModel(session);
    expect(m.cards).toHaveLength(1);
    const card = m.cards[0]!;
    expect(card.claim.id).toBe(ids.claim);
    expect(card.speaker?.name).toBe('The Washington Post');
    expect(card.verdict?.label).toBe('Mostly true');
    expect(card.answered).toBe(true);
    expect(
      card.groups.map((g) => [g.label, g.statements.map((s) => s.annotation.target.quote.exact)]),
    ).toEqual([
      ['contradicts', [SEED_REVIEW.falseStory]],
      ['supports', [SEED_REVIEW.tweet]],
      ['partially addresses', [SEED_REVIEW.noTime, SEED_REVIEW.tillerson]],
    ]);
    expect(card.groups[0]!.statements[0]).toMatchObject({
      direction: 'outgoing',
      speaker: { name: 'H R McMaster' },
    });
    expect(m.unlinked).toEqual([]);
    expect(m.orphans).toEqual([]);
  });

  it('lists unlinked statements and orphans apart', () => {
    const { session } = buildSeedReview();
    const art = session.articles[0]!;
    const ctx = markPassage(
      session,
      { articleId: art.id, ...spanOf(art, 'On Tuesday'), kind: 'context' },
      NOW,
    );
    if (!ctx.ok) throw new Error(ctx.message);
    const orphan = {
      ...ctx.annotation,
      id: 'orph',
      target: { ...ctx.annotation.target, status: 'orphaned' as const },
    };
    const r = applyOps(session, [...ctx.ops, { op: 'annotation.put', annotation: orphan }], NOW);
    if (!r.ok) throw new Error(r.problems.join());
    const m = buildDisputeModel(r.session);
    expect(m.unlinked.map((a) => a.id)).toEqual([ctx.annotation.id]);
    expect(m.orphans.map((a) => a.id)).toEqual(['orph']);
  });
});

describe('filterDisputeModel', () => {
  const { session, ids } = buildSeedReview();
  const tillersonSpeaker = session.speakers.find((s) => s.name === 'Rex Tillerson')!.id;
  const tagged = (() => {
    const e = editAnnotation(session, ids.tweet, { tags: ['concession'] }, NOW);
    const r = applyOps(session, e.ok ? e.ops : [], NOW);
    if (!r.ok) throw new Error();
    return r.session;
  })();
  const f = (over: Partial<DisputeFilter>): DisputeFilter => ({ ...EMPTY_FILTER, ...over });
  const statementsOf = (m: ReturnType<typeof buildDisputeModel>) =>
    m.cards.flatMap((c) => c.groups.flatMap((g) => g.statements.map((s) => s.annotation.id)));

  it.each([
    ['no filter', f({}), 1, 4],
    ['kind evidence keeps only the evidence statement', f({ kinds: ['evidence'] }), 1, 1],
    ['kind context matches nothing', f({ kinds: ['context'] }), 0, 0],
    ['speaker Tillerson', f({ speakerIds: [tillersonSpeaker] }), 1, 1],
    ['verdict mostly-true', f({ verdicts: ['mostly-true'] }), 1, 4],
    ['verdict none', f({ verdicts: ['none'] }), 0, 0],
    ['unanswered only', f({ unansweredOnly: true }), 0, 0],
    ['text "sources"', f({ text: 'SOURCES' }), 1, 2],
    ['kind claim keeps the card whole', f({ kinds: ['claim'] }), 1, 4],
  ])('%s', (_name, filter, cards, statements) => {
    const m = filterDisputeModel(buildDisputeModel(session), filter);
    expect(m.cards).toHaveLength(cards);
    expect(statementsOf(m)).toHaveLength(statements);
  });

  it('filters by tag, ignoring case', () => {
    const m = filterDisputeModel(buildDisputeModel(tagged), f({ tags: ['Concession'] }));
    expect(statementsOf(m)).toEqual([ids.tweet]);
    expect(sessionTags(tagged)).toEqual(['concession']);
  });

  it('finds a claim with no counter-statement or evidence yet', () => {
    const art = session.articles[0]!;
    const c = markPassage(
      session,
      { articleId: art.id, ...spanOf(art, 'Trump had revealed the city'), kind: 'claim' },
      NOW,
    );
    const r = applyOps(session, c.ok ? c.ops : [], NOW);
    if (!r.ok || !c.ok) throw new Error();
    const m = filterDisputeModel(buildDisputeModel(r.session), f({ unansweredOnly: true }));
    expect(m.cards.map((x) => x.claim.id)).toEqual([c.annotation.id]);
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true);
    expect(isEmptyFilter(f({ unansweredOnly: true }))).toBe(false);
  });
});
