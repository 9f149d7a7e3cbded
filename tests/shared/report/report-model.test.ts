import { describe, expect, it } from 'vitest';
import { buildReportModel, contextAround } from '../../../shared/report/report-model';
import { buildSeedReview, CLAIM_TEXT, GENERATED_AT } from '../../helpers/seed-review';
import { buildStressReview } from '../../helpers/session-variants';

describe('report model', () => {
  it('turns the seed review into one dispute with its statements grouped by relation', () => {
    const m = buildReportModel(buildSeedReview(), GENERATED_AT);
    expect(m.disputes).toHaveLength(1);
    const d = m.disputes[0]!;
    expect(d.claim.annotation.target.quote.exact).toBe(CLAIM_TEXT);
    expect(d.claim.speaker?.name).toBe('The Washington Post');
    expect(d.verdict?.step.label).toBe('Mostly true');
    expect(d.answered).toBe(true);
    expect(d.groups.map((g) => [g.heading, g.items.map((i) => i.other.speaker?.name)])).toEqual([
      ['Contradicts the claim', ['H R McMaster']],
      ['Supports the claim', ['Donald J. Trump']],
      ['Partially addresses the claim', ['H R McMaster', 'Rex Tillerson']],
    ]);
    expect(d.claim.before).toBe('According to a report in The Washington Post on May 15, ');
    expect(
      d.claim.after.startsWith('. The report quoted former and current US officials saying'),
    ).toBe(true);
    expect(d.claim.after.endsWith('…')).toBe(true);
    expect(m.summary.kinds.map((k) => k.count)).toEqual([1, 3, 1, 0]);
    expect(m.summary.verdicts.filter((v) => v.count).map((v) => [v.label, v.count])).toEqual([
      ['Mostly true', 1],
    ]);
    expect(m.summary.unanswered).toEqual([]);
    expect(m.reviewers).toEqual(['Maya Okafor']);
    expect(m.orphans).toEqual([]);
    expect(m.unlinked).toEqual([]);
  });

  it('lists unanswered claims, unlinked statements and orphans, leaving nothing out', () => {
    const s = buildStressReview();
    const m = buildReportModel(s, GENERATED_AT);
    expect(m.disputes.map((d) => d.claim.annotation.target.quote.exact.slice(0, 20))).toEqual([
      CLAIM_TEXT.slice(0, 20),
      'the tax will double ',
      'naïve “reforms”',
    ]);
    expect(m.summary.unanswered.map((d) => d.number)).toEqual([3]);
    expect(m.unlinked.map((v) => v.annotation.target.quote.exact)).toEqual([
      'only for large firms',
    ]);
    expect(
      m.orphans.map((v) => [v.orphaned, v.before, v.annotation.target.quote.exact, v.after]),
    ).toEqual([[true, 'Before ', 'a sentence that was removed', ' after']]);
    // Every annotation appears somewhere.
    const seen = new Set(
      [
        ...m.disputes.flatMap((d) => [
          d.claim,
          ...d.groups.flatMap((g) => g.items.map((i) => i.other)),
        ]),
        ...m.unlinked,
        ...m.orphans,
      ].map((v) => v.annotation.id),
    );
    expect(seen.size).toBe(s.annotations.length);
    // same-claim-as is shown once, from either side.
    expect(m.disputes[0]!.groups.at(-1)!.heading).toBe('The same claim, made elsewhere');
    expect(m.disputes[1]!.groups.map((g) => g.heading)).toEqual([
      'Contradicts the claim',
      'Supports the claim',
      'The same claim, made elsewhere',
    ]);
    expect(m.reviewers).toEqual(['Maya Okafor', 'Second <Reviewer>']);
  });
});

describe('contextAround', () => {
  const text =
    'First paragraph ends here.\n\nSome words before the quote and words after it go on and on.\n\nNext.';
  it.each([
    [
      'stops at paragraph breaks',
      'the quote',
      'Some words before ',
      ' and words after it go on and on.',
    ],
    ['collapses whitespace', 'First', '', ' paragraph ends here.'],
  ])('%s', (_n, quote, before, after) => {
    const at = text.indexOf(quote);
    expect(contextAround(text, at, at + quote.length)).toEqual({ before, after });
  });
  it('cuts long context at a word, with an ellipsis', () => {
    const long = `${'word '.repeat(100)}QUOTE${' more'.repeat(100)}`;
    const at = long.indexOf('QUOTE');
    const c = contextAround(long, at, at + 5);
    expect(c.before.startsWith('…word ')).toBe(true);
    expect(c.after.endsWith(' more…')).toBe(true);
    expect(c.before.length).toBeLessThan(150);
  });
});
