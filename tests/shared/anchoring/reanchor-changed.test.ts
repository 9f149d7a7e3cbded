/**
 * Re-import never passes off other wording as "moved" (issue 9, defect 5).
 *
 * A passage found only with different wording is `changed` (its quote takes
 * the new wording, `was` keeps the wording as marked) and stays so through
 * later re-imports. A passage that was deleted is not re-attached to another
 * speaker's similar sentence that stood in the text all along: it is orphaned.
 * The same exact quote found elsewhere is still `moved`.
 */
import { describe, expect, it } from 'vitest';
import { reanchorAnnotations } from '../../../shared/anchoring';
import type { AnchorStatus, Annotation } from '../../../shared/model/session';
import { CodePointIndex } from '../../../shared/text/code-points';
import { annotationOn } from './annotation-fixtures';

/** A briefing in which two people say nearly the same thing. */
const KIRBY =
  'MR. KIRBY: We don’t believe a ground offensive into Rafah is imminent at this time, and we have said so to our counterparts.';
const REPORTER =
  'Q: So you do not believe a ground offensive into Rafah is imminent at this time, and you have said so to them?';
const OTHER =
  'MR. KIRBY: The President spoke with the Prime Minister this morning about the hostages.';
const LATER = 'Q: Thank you. One more on Ukraine, if I may, about the aid package.';
const join = (...ps: string[]) => ps.join('\n\n');

const KIRBY_QUOTE = 'We don’t believe a ground offensive into Rafah is imminent at this time';
const REPORTER_QUOTE = 'you do not believe a ground offensive into Rafah is imminent at this time';

function on(text: string, quote: string, id: string): Annotation {
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(`not in text: ${quote}`);
  return annotationOn(text, at, at + quote.length, id);
}

function readsAt(text: string, a: Annotation): string {
  const cp = new CodePointIndex(text);
  return text.slice(cp.toUtf16(a.target.position.start), cp.toUtf16(a.target.position.end));
}

interface Case {
  name: string;
  before: string;
  after: string;
  quote: string;
  status: AnchorStatus;
  /** What the annotation reads in the new text (unless orphaned). */
  reads?: string;
}

const CASES: Case[] = [
  {
    name: 'the passage was deleted; another speaker’s similar sentence is not it',
    before: join(OTHER, KIRBY, REPORTER, LATER),
    after: join(OTHER, REPORTER, LATER),
    quote: KIRBY_QUOTE,
    status: 'orphaned',
  },
  {
    name: 'the passage was deleted; the other speaker’s sentence comes first',
    before: join(OTHER, REPORTER, KIRBY, LATER),
    after: join(OTHER, REPORTER, LATER),
    quote: KIRBY_QUOTE,
    status: 'orphaned',
  },
  {
    name: 'the wording changed in place: changed, not moved',
    before: join(OTHER, KIRBY, LATER),
    after: join(OTHER, KIRBY.replace('don’t', 'do not'), LATER),
    quote: KIRBY_QUOTE,
    status: 'changed',
    reads: 'We do not believe a ground offensive into Rafah is imminent at this time',
  },
  {
    name: 'the wording changed in place beside the other speaker’s similar sentence',
    before: join(OTHER, KIRBY, REPORTER, LATER),
    after: join(OTHER, KIRBY.replace('don’t', 'do not'), REPORTER, LATER),
    quote: KIRBY_QUOTE,
    status: 'changed',
    reads: 'We do not believe a ground offensive into Rafah is imminent at this time',
  },
  {
    name: 'the passage moved and its wording changed: changed',
    before: join(KIRBY, OTHER, LATER),
    after: join(OTHER, LATER, KIRBY.replace('at this time', 'at the time')),
    quote: KIRBY_QUOTE,
    status: 'changed',
    reads: 'We don’t believe a ground offensive into Rafah is imminent at the time',
  },
  {
    name: 'the passage moved with the same words: moved',
    before: join(KIRBY, OTHER, LATER),
    after: join(OTHER, LATER, KIRBY),
    quote: KIRBY_QUOTE,
    status: 'moved',
    reads: KIRBY_QUOTE,
  },
  {
    name: 'an edit before the passage shifts it: moved',
    before: join(OTHER, KIRBY, LATER),
    after: join(`${OTHER} He added nothing.`, KIRBY, LATER),
    quote: KIRBY_QUOTE,
    status: 'moved',
    reads: KIRBY_QUOTE,
  },
  {
    name: 'the other speaker’s sentence, untouched, stays anchored',
    before: join(OTHER, KIRBY, REPORTER, LATER),
    after: join(OTHER, KIRBY, REPORTER, LATER),
    quote: REPORTER_QUOTE,
    status: 'anchored',
    reads: REPORTER_QUOTE,
  },
];

describe('re-import: changed wording and deleted passages', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const a = on(c.before, c.quote, 'a');
      const { annotations, report } = reanchorAnnotations(c.before, c.after, [a]);
      const got = annotations[0]!;
      expect(got.target.status).toBe(c.status);
      expect(report[c.status]).toBe(1);
      if (c.status === 'orphaned') {
        expect(got.target.quote).toEqual(a.target.quote);
        return;
      }
      expect(readsAt(c.after, got)).toBe(c.reads);
      expect(got.target.quote.exact).toBe(c.reads);
      if (c.status === 'changed') expect(got.target.was).toBe(c.quote);
      else expect(got.target.was).toBeUndefined();
    });
  }

  it('a changed annotation stays changed through a later re-import, with the wording as first marked', () => {
    const v1 = join(OTHER, KIRBY, LATER);
    const v2 = join(OTHER, KIRBY.replace('don’t', 'do not'), LATER);
    const v3 = join(`${OTHER} He added nothing.`, KIRBY.replace('don’t', 'do not'), LATER);
    const first = reanchorAnnotations(v1, v2, [on(v1, KIRBY_QUOTE, 'a')]).annotations;
    const second = reanchorAnnotations(v2, v3, first).annotations[0]!;
    expect(second.target.status).toBe('changed');
    expect(second.target.was).toBe(KIRBY_QUOTE);
    expect(readsAt(v3, second)).toBe(
      'We do not believe a ground offensive into Rafah is imminent at this time',
    );
  });

  it('a changed annotation whose passage is then deleted is orphaned, keeping what was marked', () => {
    const v1 = join(OTHER, KIRBY, REPORTER, LATER);
    const v2 = join(OTHER, KIRBY.replace('don’t', 'do not'), REPORTER, LATER);
    const v3 = join(OTHER, REPORTER, LATER);
    const first = reanchorAnnotations(v1, v2, [on(v1, KIRBY_QUOTE, 'a')]).annotations;
    const second = reanchorAnnotations(v2, v3, first).annotations[0]!;
    expect(second.target.status).toBe('orphaned');
    expect(second.target.was).toBe(KIRBY_QUOTE);
  });
});
