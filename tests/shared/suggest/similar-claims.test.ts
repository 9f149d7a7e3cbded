import { describe, expect, it } from 'vitest';
import {
  claimsFromSession,
  createClaimIndex,
  type ReviewedClaim,
} from '../../../shared/suggest/similar-claims';
import { readClaimReviews } from '../../../shared/suggest/claimreview-read';
import { claimTerms } from '../../../shared/suggest/claim-terms';
import { renderClaimReview } from '../../../shared/interchange/claimreview-export';
import { buildSeedReview, CLAIM_TEXT, GENERATED_AT } from '../../helpers/seed-review';
import { SIMILAR_CASES, SIMILAR_DISTRACTORS } from './similar-cases';

const FEED = { kind: 'claimreview' as const, url: '', publisher: 'Test' };
const claim = (id: string, text: string): ReviewedClaim => ({
  id,
  text,
  verdict: null,
  speaker: null,
  date: null,
  source: FEED,
});

describe('seen before: reworded claims find their earlier review', () => {
  const index = createClaimIndex([
    ...SIMILAR_CASES.map((c, i) => claim(`case-${i}`, c.reviewed)),
    ...SIMILAR_DISTRACTORS.map((t, i) => claim(`other-${i}`, t)),
  ]);

  it('ranks the earlier review first in at least 80% of the cases', () => {
    expect(SIMILAR_CASES.length).toBeGreaterThanOrEqual(40);
    const first = SIMILAR_CASES.filter(
      (c, i) => index.search(c.query, 1)[0]?.claim.id === `case-${i}`,
    );
    expect(first.length / SIMILAR_CASES.length).toBeGreaterThanOrEqual(0.8);
  });

  it('gives nothing for a text with no searchable words', () => {
    expect(index.search('the and of, said')).toEqual([]);
  });
});

describe('claimTerms', () => {
  const cases: Array<[string, string]> = [
    ['Unemployment rose to 4.1 percent', 'the jobless rate climbed to 4.1%'],
    ['He revealed classified information', 'she disclosed classified intel'],
    ['more than 32,000 people were killed', 'over 32000 people died'],
    ['two hundred troops', '2 hundred soldiers'],
  ];
  for (const [a, b] of cases) {
    it(`${a} ~ ${b}`, () => {
      const ta = new Set(claimTerms(a));
      const shared = claimTerms(b).filter((t) => ta.has(t));
      expect(shared.length).toBeGreaterThanOrEqual(2);
    });
  }
});

describe('reviewed claims from sessions and ClaimReview', () => {
  const session = buildSeedReview();
  it('takes every claim of a session with its verdict and speaker', () => {
    const claims = claimsFromSession(session, 'seed.fcw.json');
    const c = claims.find((x) => x.text === CLAIM_TEXT);
    expect(c?.verdict).toBeTruthy();
    expect(c?.speaker).toBe('The Washington Post');
    expect(c?.source).toMatchObject({
      kind: 'session',
      sessionName: session.name,
      file: 'seed.fcw.json',
    });
  });

  it('reads our own ClaimReview export back', () => {
    const exported = renderClaimReview(session, {
      org: 'Desk',
      baseUrl: 'https://example.org/checks',
      generatedAt: GENERATED_AT,
    });
    if (!exported.ok) throw new Error(exported.error.message);
    const read = readClaimReviews(exported.value, 'export.jsonld');
    expect(read.problems).toEqual([]);
    expect(read.claims).toHaveLength(1);
    expect(read.claims[0]).toMatchObject({
      text: CLAIM_TEXT,
      speaker: 'The Washington Post',
      source: { kind: 'claimreview', publisher: 'Desk' },
    });
    expect(read.claims[0]!.verdict).toBe(claimsFromSession(session)[0]!.verdict);
  });

  it('reads a DataFeed of ClaimReviews and says what it skipped', () => {
    const feed = {
      '@context': 'https://schema.org',
      '@type': 'DataFeed',
      dataFeedElement: [
        {
          '@type': 'DataFeedItem',
          item: [
            {
              '@type': ['ClaimReview'],
              url: 'https://checker.example/1',
              claimReviewed: 'The bridge cost $38 million',
              author: { '@type': 'Organization', name: 'Checker' },
              itemReviewed: { '@type': 'Claim', author: { name: 'Tom Becker' } },
              reviewRating: { '@type': 'Rating', ratingValue: 4, alternateName: 'Mostly true' },
            },
            { '@type': 'ClaimReview', url: 'https://checker.example/2' },
          ],
        },
      ],
    };
    const read = readClaimReviews(JSON.stringify(feed), 'feed.json');
    expect(read.claims).toHaveLength(1);
    expect(read.claims[0]).toMatchObject({ verdict: 'Mostly true', speaker: 'Tom Becker' });
    expect(read.problems[0]).toMatch(/ClaimReview 2 has neither claimReviewed nor a claim text/);
  });

  it('refuses text that is not JSON with a sentence, never a throw', () => {
    const read = readClaimReviews('{not json', 'bad.jsonld');
    expect(read.claims).toEqual([]);
    expect(read.problems[0]).toMatch(/^bad\.jsonld is not JSON/);
  });
});
