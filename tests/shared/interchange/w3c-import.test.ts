import { describe, expect, it } from 'vitest';
import { importW3c, parseAssessment } from '../../../shared/interchange/w3c-import';
import { buildW3cCollection, renderW3c } from '../../../shared/interchange/w3c-export';
import { applyOps } from '../../../shared/session/session-ops';
import type { Session } from '../../../shared/model/session';
import { DEFAULT_SCALE } from '../../../shared/model/rating-scale';
import { validateSession } from '../../../shared/session/validate-session';
import { buildSeedReview, fixedId } from '../../helpers/seed-review';
import { buildStressReview } from '../../helpers/session-variants';

/** The same articles in a new session with nothing marked. */
function emptyCopy(s: Session): Session {
  return { ...s, id: fixedId(1, 99), name: 'Fresh', speakers: [], annotations: [], links: [] };
}

function counter(): () => string {
  let n = 0;
  return () => fixedId(9, ++n);
}

function importAndApply(
  target: Session,
  content: string,
  opts: Parameters<typeof importW3c>[2] = {},
): { session: Session; report: unknown } {
  const r = importW3c(target, content, {
    makeId: counter(),
    now: '2020-01-01T00:00:00.000Z',
    ...opts,
  });
  if (!r.ok) throw new Error(r.error.message);
  const applied = applyOps(target, r.value.ops, new Date().toISOString());
  if (!applied.ok) throw new Error(applied.problems.join('; '));
  return { session: applied.session, report: r.value.report };
}

describe('W3C round trip: export → import → export', () => {
  for (const [name, build] of [
    ['the seed review', buildSeedReview],
    [
      'the stress review (emoji, two articles, orphan, hostile text, cross-article link)',
      buildStressReview,
    ],
  ] as const) {
    it(`gives identical annotations, links and selectors for ${name}`, () => {
      const original = build();
      const first = buildW3cCollection(original);
      const { session } = importAndApply(emptyCopy(original), renderW3c(original));
      expect(validateSession(session).ok).toBe(true);
      const second = buildW3cCollection(session);
      expect(second.first.items).toEqual(first.first.items);
      expect(second.total).toBe(first.total);
      // The model agrees too: same ids, kinds, selectors, verdicts, links.
      expect(
        session.annotations.map((a) => [a.id, a.kind, a.target, a.verdict, a.tags, a.note]),
      ).toEqual(
        original.annotations.map((a) => [
          a.id,
          a.kind,
          a.target.status === 'orphaned'
            ? session.annotations.find((x) => x.id === a.id)!.target
            : a.target,
          a.verdict,
          a.tags,
          a.note,
        ]),
      );
      expect(session.links).toEqual(original.links);
    });
  }

  it('imports into an existing session with fresh ids when the ids are taken, and links follow', () => {
    const s = buildSeedReview();
    const r = importW3c(s, renderW3c(s), { makeId: counter() });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.report).toMatchObject({ annotations: 5, links: 4, orphaned: 0 });
    const applied = applyOps(s, r.value.ops, new Date().toISOString());
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    expect(applied.session.annotations).toHaveLength(10);
    const fresh = new Set(applied.session.annotations.slice(5).map((a) => a.id));
    expect(fresh.size).toBe(5);
    for (const a of s.annotations) expect(fresh.has(a.id)).toBe(false);
    // The imported links join the imported copies, not the originals.
    for (const l of applied.session.links.slice(4))
      expect(fresh.has(l.from) && fresh.has(l.to)).toBe(true);
    expect(applied.session.speakers).toHaveLength(4); // speakers found by name, none created
  });
});

describe('W3C import from other tools', () => {
  const seed = buildSeedReview();
  const fresh = { ...emptyCopy(seed), speakers: [{ ...seed.speakers[1]!, aliases: ['McMaster'] }] };
  const hypothesisStyle = JSON.stringify([
    {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'https://hypothes.is/a/AbC123',
      created: '2017-05-20T10:00:00.123456+00:00',
      modified: '2017-05-20T10:05:00.000000+00:00',
      creator: { type: 'Person', nickname: 'desk-editor' },
      body: [
        { type: 'TextualBody', value: 'Flat denial.', format: 'text/markdown' },
        { type: 'TextualBody', purpose: 'tagging', value: 'denial' },
        { type: 'TextualBody', purpose: 'classifying', value: 'COUNTER-STATEMENT' },
        { type: 'TextualBody', purpose: 'identifying', value: 'mcmaster' },
      ],
      target: [
        {
          source: 'https://example.com/news/trump-russia',
          selector: [
            { type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/p[3]' } },
            {
              type: 'TextQuoteSelector',
              exact: 'The story is false',
              prefix: 'the allegations. “',
              suffix: ', the president and',
            },
          ],
        },
      ],
    },
    {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'https://hypothes.is/a/Rep3at',
      body: {
        type: 'TextualBody',
        purpose: 'assessing',
        value: 'mostly false: the meeting was scheduled openly',
      },
      target: {
        source: 'https://example.com/news/trump-russia',
        // "President Donald Trump" occurs several times; the context picks the Tillerson quote.
        selector: {
          type: 'TextQuoteSelector',
          exact: 'President Donald Trump',
          prefix: 'on Monday, “US ',
          suffix: ' did not discuss sources',
        },
      },
    },
    {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'https://hypothes.is/a/Gone00',
      bodyValue: 'This sentence is not in the article.',
      target: {
        source: 'https://example.com/news/trump-russia',
        selector: { type: 'TextQuoteSelector', exact: 'a sentence nobody ever wrote' },
      },
    },
  ]);

  it('refuses targets that match no article unless one is named, and changes nothing', () => {
    const before = structuredClone(fresh);
    const r = importW3c(fresh, hypothesisStyle);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain('https://example.com/news/trump-russia');
    expect(r.error.message).toContain('--article');
    expect(fresh).toEqual(before);
  });

  it('anchors TextQuote-only annotations by quote, prefix and suffix, and keeps what it cannot anchor as an orphan', () => {
    const { session, report } = importAndApply(fresh, hypothesisStyle, {
      fallbackArticleId: fresh.articles[0]!.id,
    });
    expect(report).toMatchObject({ annotations: 3, links: 0, orphaned: 1 });
    const [denial, trump, gone] = session.annotations;
    const text = fresh.articles[0]!.text;
    expect(denial).toMatchObject({
      kind: 'counter-statement',
      note: 'Flat denial.',
      tags: ['denial'],
      reviewer: 'desk-editor',
      speakerId: fresh.speakers[0]!.id,
    });
    expect(denial!.target.status).toBe('anchored');
    expect(denial!.target.position.start).toBe(text.indexOf('The story is false'));
    expect(denial!.created).toBe('2017-05-20T10:00:00.123456+00:00');
    // The repeated quote lands on Tillerson's sentence, not the first occurrence.
    const tillerson = text.indexOf('US President Donald Trump did not discuss') + 3;
    expect(text.indexOf('President Donald Trump')).toBeLessThan(tillerson);
    expect(trump!.target.position.start).toBe(tillerson);
    expect(trump).toMatchObject({
      kind: 'claim',
      verdict: { stepId: 'mostly-false', rationale: 'the meeting was scheduled openly' },
    });
    expect(gone!.target.status).toBe('orphaned');
    expect(gone!.target.quote.exact).toBe('a sentence nobody ever wrote');
    expect(gone!.note).toBe('This sentence is not in the article.');
    expect(validateSession(session).ok).toBe(true);
    expect((report as { problems: string[] }).problems.join('\n')).toMatch(/kept as an orphan/);
  });

  it('creates speakers it cannot find by name or alias', () => {
    const { session } = importAndApply(emptyCopy(seed), renderW3c(seed));
    expect(session.speakers.map((s) => s.name).sort()).toEqual([
      'Donald J. Trump',
      'H R McMaster',
      'Rex Tillerson',
      'The Washington Post',
    ]);
  });
});

describe('malformed W3C files: a clear error, and the session untouched', () => {
  const s = buildSeedReview();
  const good = buildW3cCollection(s);
  const item = good.first.items[1]!;
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"type": "AnnotationCollection", ', /not valid JSON/],
    ['not annotations', JSON.stringify({ hello: 'world' }), /does not hold W3C Web Annotations/],
    [
      'an item that is not an Annotation',
      JSON.stringify([{ type: 'Note' }]),
      /Annotation 1 is not of type Annotation/,
    ],
    [
      'an annotation without target',
      JSON.stringify({ ...item, target: undefined }),
      /has no target/,
    ],
    [
      'a whole-page target',
      JSON.stringify({ ...item, target: 'https://example.com/' }),
      /whole resource/,
    ],
    [
      'a target without text selectors',
      JSON.stringify({
        ...item,
        target: { source: 'urn:x', selector: { type: 'CssSelector', value: 'p' } },
      }),
      /neither a TextQuoteSelector nor a TextPositionSelector/,
    ],
    [
      'a backwards position',
      JSON.stringify({
        ...item,
        target: { source: 'urn:x', selector: { type: 'TextPositionSelector', start: 9, end: 3 } },
      }),
      /start < end/,
    ],
    [
      'a link with three ends',
      JSON.stringify({ ...item, motivation: 'linking', target: ['urn:a', 'urn:b', 'urn:c'] }),
      /exactly two annotations/,
    ],
    [
      'a page that is only linked',
      JSON.stringify({ ...good, first: 'urn:uuid:0000#page-1' }),
      /only linked/,
    ],
    [
      'a note over the limit',
      JSON.stringify({
        ...item,
        body: [{ type: 'TextualBody', purpose: 'commenting', value: 'x'.repeat(20_001) }],
      }),
      /note: is longer than the limit/,
    ],
  ];
  for (const [name, content, message] of cases) {
    it(name, () => {
      const before = structuredClone(s);
      const r = importW3c(s, content);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.message).toMatch(message);
      expect(r.error.message).toMatch(/Nothing was imported\.$/);
      expect(r.error.message).not.toContain('\n');
      expect(s).toEqual(before);
    });
  }
});

describe('parseAssessment', () => {
  it.each([
    ['Mostly true\n\nBecause.', 'mostly-true', 'Because.'],
    ['Mostly true\n\n\n  Indented.', 'mostly-true', '\n  Indented.'],
    ['false', 'false', ''],
    ['FALSE — invented', 'false', 'invented'],
    ['Mostly false: partly', 'mostly-false', 'partly'],
    ['mostly-true', 'mostly-true', ''],
  ])('%j', (value, step, rationale) => {
    expect(parseAssessment(DEFAULT_SCALE, value)).toEqual({
      step: DEFAULT_SCALE.steps.find((x) => x.id === step),
      rationale,
    });
  });
  it('returns null for a label not on the scale', () => {
    expect(parseAssessment(DEFAULT_SCALE, 'Pants on fire')).toBeNull();
  });
});
