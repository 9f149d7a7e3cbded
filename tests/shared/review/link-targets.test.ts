import { describe, expect, it } from 'vitest';
import { defaultRelation, rankLinkTargets } from '../../../shared/review/link-targets';
import { buildSeedReview } from '../../helpers/review-by-edits';

describe('defaultRelation', () => {
  it.each([
    ['counter-statement', 'claim', 'contradicts'],
    ['evidence', 'claim', 'supports'],
    ['claim', 'claim', 'same-claim-as'],
    ['context', 'claim', 'responds-to'],
    ['claim', 'evidence', 'supports'],
  ] as const)('%s → %s: %s', (from, to, rel) => expect(defaultRelation(from, to)).toBe(rel));
});

describe('rankLinkTargets', () => {
  const { session, ids } = buildSeedReview();

  it('puts the nearest claim first and never lists the source itself', () => {
    const r = rankLinkTargets(session, ids.tweet, '');
    expect(r[0]!.annotation.id).toBe(ids.claim);
    expect(r[0]!.linkedAs).toEqual(['supports']);
    expect(r.map((t) => t.annotation.id)).not.toContain(ids.tweet);
    expect(r).toHaveLength(4);
  });

  it('searches quotes, speakers and kinds with every word', () => {
    expect(rankLinkTargets(session, ids.claim, 'tillerson').map((t) => t.annotation.id)).toEqual([
      ids.tillerson,
    ]);
    expect(
      rankLinkTargets(session, ids.claim, 'mcmaster false').map((t) => t.annotation.id),
    ).toEqual([ids.falseStory]);
    expect(rankLinkTargets(session, ids.claim, 'evidence').map((t) => t.annotation.id)).toEqual([
      ids.tweet,
    ]);
    expect(rankLinkTargets(session, ids.claim, 'zzz')).toEqual([]);
  });
});
