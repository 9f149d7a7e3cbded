import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildClaimReviews,
  CLAIM_REVIEWED_MAX,
  claimUrl,
} from '../../../shared/interchange/claimreview-export';
import { buildSeedReview, CLAIM_ID, CLAIM_TEXT, GENERATED_AT } from '../../helpers/seed-review';
import { buildStressReview } from '../../helpers/session-variants';
import { sharedMaterial } from '../../helpers/shared-material';

interface Vocabulary {
  types: Record<string, { properties: string[] }>;
  google: Record<
    string,
    { required?: string[]; recommended?: string[]; project_required?: string[]; type?: string[] }
  > & { context: string[] };
}

const material = sharedMaterial('conformance');
const vocabPath = join(material.path, 'schemaorg-claimreview.json');
const missing = material.found ? null : `schema.org vocabulary not found at ${vocabPath}`;
if (missing) console.warn(`Skipping the schema.org property checks: ${missing}`);

type Node = Record<string, unknown>;

/** Every node with an @type, depth first. */
function nodes(value: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(value)) for (const v of value) nodes(v, out);
  else if (value && typeof value === 'object') {
    const n = value as Node;
    if (typeof n['@type'] === 'string') out.push(n);
    for (const v of Object.values(n)) nodes(v, out);
  }
  return out;
}

function built(session = buildSeedReview(), opts: { org?: string; baseUrl?: string } = {}) {
  const r = buildClaimReviews(session, { generatedAt: GENERATED_AT, ...opts });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe.skipIf(missing !== null)('ClaimReview against schema.org and Google', () => {
  const vocab = missing ? null : (JSON.parse(readFileSync(vocabPath, 'utf8')) as Vocabulary);

  it('uses only properties schema.org defines for each type (and the checker can fail)', () => {
    const check = (docs: unknown) =>
      nodes(docs).flatMap((n) => {
        const type = n['@type'] as string;
        const allowed = vocab!.types[type]?.properties;
        if (!allowed) return [`unknown type ${type}`];
        return Object.keys(n)
          .filter((k) => !k.startsWith('@') && !allowed.includes(k))
          .map((k) => `${type}.${k}`);
      });
    for (const s of [buildSeedReview(), buildStressReview()]) {
      const docs = built(s);
      expect(nodes(docs).length).toBeGreaterThan(5);
      expect(check(docs)).toEqual([]);
    }
    expect(
      check([
        { '@type': 'ClaimReview', verdict: 'x' },
        { '@type': 'Rating', ratingValue: 1, rationale: 'y' },
      ]),
    ).toEqual(['ClaimReview.verdict', 'Rating.rationale']);
  });

  it("fills Google's required and recommended fields", () => {
    const g = vocab!.google;
    for (const review of built(buildStressReview())) {
      expect(g.context).toContain(review['@context']);
      for (const k of [
        ...g.ClaimReview!.required!,
        ...g.ClaimReview!.recommended!,
        ...g.ClaimReview!.project_required!,
      ])
        expect(review, k).toHaveProperty(k);
      const rating = review.reviewRating as Node;
      for (const k of [...g.Rating!.required!, ...g.Rating!.recommended!])
        expect(rating, k).toHaveProperty(k);
      expect(rating.bestRating as number).toBeGreaterThan(rating.worstRating as number);
      expect(rating.ratingValue as number).toBeGreaterThanOrEqual(rating.worstRating as number);
      expect(rating.ratingValue as number).toBeLessThanOrEqual(rating.bestRating as number);
      const author = review.author as Node;
      expect(g.ClaimReview_author!.type!).toContain(author['@type']);
      for (const k of g.ClaimReview_author!.recommended!) expect(author, k).toHaveProperty(k);
      expect(review.url as string).toMatch(/^https?:\/\/\S+$/);
      expect((review.claimReviewed as string).length).toBeLessThanOrEqual(CLAIM_REVIEWED_MAX);
      const claim = review.itemReviewed as Node;
      expect(claim['@type']).toBe('Claim');
      expect(claim).toHaveProperty('appearance');
    }
  });
});

describe('ClaimReview content', () => {
  it('maps the seed verdict, speaker, article and organisation', () => {
    const [review, ...rest] = built();
    expect(rest).toHaveLength(0);
    expect(review).toMatchObject({
      '@type': 'ClaimReview',
      url: `https://factcheck.example.org/checks/2017/trump-russia-disclosure/${CLAIM_ID}`,
      author: {
        '@type': 'Organization',
        name: 'Example Fact Check Desk',
        url: 'https://factcheck.example.org/',
      },
      datePublished: '2017-05-19',
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 4,
        bestRating: 5,
        worstRating: 1,
        alternateName: 'Mostly true',
      },
      itemReviewed: {
        '@type': 'Claim',
        text: CLAIM_TEXT,
        datePublished: '2017-05-17',
        author: { '@type': 'Organization', name: 'The Washington Post' },
        appearance: { '@type': 'NewsArticle' },
      },
    });
  });

  it('shortens a long claim at a word boundary with a visible ellipsis and keeps the full quote as the Claim text', () => {
    const [review] = built();
    expect(CLAIM_TEXT.length).toBeGreaterThan(CLAIM_REVIEWED_MAX);
    const short = review!.claimReviewed as string;
    expect(short.endsWith('…')).toBe(true);
    expect(CLAIM_TEXT.startsWith(short.slice(0, -1))).toBe(true);
    expect(CLAIM_TEXT[short.length - 1]).toBe(' ');
  });

  it('lets --org and --base-url override the settings', () => {
    const [review] = built(buildSeedReview(), {
      org: 'Other Desk',
      baseUrl: 'https://other.example/fc#',
    });
    expect(review).toMatchObject({
      author: { name: 'Other Desk' },
      url: `https://other.example/fc#${CLAIM_ID}`,
    });
  });

  it.each([
    ['no organisation', { organisationName: '' }, /organisation’s name/],
    ['no base URL', { publicationBaseUrl: '' }, /publication base URL/],
    ['a relative base URL', { publicationBaseUrl: '/checks' }, /not an absolute http\(s\) URL/],
    [
      'a javascript: base URL',
      { publicationBaseUrl: 'javascript:alert(1)' },
      /not an absolute http\(s\) URL/,
    ],
    [
      'a base URL with a query',
      { publicationBaseUrl: 'https://x.example/?a=1' },
      /without a query/,
    ],
  ])('refuses with %s, saying what to set', (_name, settings, message) => {
    const s = buildSeedReview();
    const r = buildClaimReviews(
      { ...s, settings: { ...s.settings, ...settings } },
      { generatedAt: GENERATED_AT },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('refused');
      expect(r.error.message).toMatch(message);
    }
  });

  it('refuses when no claim has a verdict', () => {
    const s = buildSeedReview();
    const r = buildClaimReviews(
      { ...s, annotations: s.annotations.map((a) => ({ ...a, verdict: null })) },
      { generatedAt: GENERATED_AT },
    );
    expect(r.ok).toBe(false);
  });

  it('joins base URL and claim id', () => {
    expect(claimUrl('https://a.example/x', 'id1')).toBe('https://a.example/x/id1');
    expect(claimUrl('https://a.example/x/', 'id1')).toBe('https://a.example/x/id1');
    expect(claimUrl('ftp://a.example/', 'id1')).toBeNull();
  });
});
