/**
 * Re-anchoring on a revised article (issue 11): paragraphs moved, an annotated paragraph
 * deleted, a sentence repeated elsewhere, edits inside annotations, and edits that only look
 * as if they were inside one. Each case says where the annotation must land (or that it must
 * be orphaned), never merely that something was found.
 */
import { describe, expect, it } from 'vitest';
import { diffTexts, reanchorAnnotations } from '../../../shared/anchoring';
import type { Annotation } from '../../../shared/model/session';
import { CodePointIndex } from '../../../shared/text/code-points';
import { annotationOn } from './annotation-fixtures';

const P = [
  'The ministry said on Monday that unemployment had fallen to its lowest level in 12 years. Critics said the figures had not been checked.',
  'Mayor Anaïs Dubois told reporters that the new bridge would cost 4 million euros. “We will not go over budget,” she said.',
  'The audit found that the contract had been awarded without a tender. The company denied any wrongdoing in a statement.',
  'Senator Tom Okafor warned that the pension fund would run out of money by 2031. Critics said the figures had not been checked.',
  'Residents claimed that the water supply was unsafe to drink. The agency said tests in May had found no contamination.',
  'Officials confirmed that the hospital waiting list had grown by 57,000 patients since January.',
];
const join = (ps: readonly string[]) => ps.join('\n\n');
const OLD = join(P);

/** An annotation on the `nth` occurrence (from 0) of `quote` in `text`. */
function on(text: string, quote: string, id: string, nth = 0): Annotation {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`fewer than ${nth + 1} of: ${quote}`);
  }
  return annotationOn(text, at, at + quote.length, id);
}

/** The UTF-16 range an annotation now covers in `text`. */
function rangeIn(text: string, a: Annotation): [number, number] {
  const cp = new CodePointIndex(text);
  return [cp.toUtf16(a.target.position.start), cp.toUtf16(a.target.position.end)];
}

function readsAt(text: string, a: Annotation): string {
  const [s, e] = rangeIn(text, a);
  return text.slice(s, e);
}

/** Where the `nth` occurrence of `needle` starts. */
function nth(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
  return at;
}

describe('re-anchoring a revision', () => {
  it('a paragraph moved far away: its annotations follow it, a repeated sentence in it included', () => {
    // P[3] (which repeats P[0]'s "Critics said the figures had not been checked.") moves to the top.
    const NEW = join([P[3]!, P[0]!, P[1]!, P[2]!, P[4]!, P[5]!]);
    const anns = [
      on(OLD, 'the pension fund would run out of money by 2031', 'fund'),
      on(OLD, 'Critics said the figures had not been checked.', 'critics-moved', 1),
      on(OLD, 'Critics said the figures had not been checked.', 'critics-stays', 0),
      on(OLD, 'the new bridge would cost 4 million euros', 'bridge'),
    ];
    const { annotations, report } = reanchorAnnotations(OLD, NEW, anns);
    expect(report.orphaned).toBe(0);
    expect(report.changed).toBe(0);
    const [fund, moved, stays, bridge] = annotations;
    expect(readsAt(NEW, fund!)).toBe('the pension fund would run out of money by 2031');
    // Each copy of the repeated sentence stays with its own paragraph.
    const critics = 'Critics said the figures had not been checked.';
    expect(rangeIn(NEW, moved!)[0]).toBe(nth(NEW, critics, 0)); // now the first, in P[3] on top
    expect(rangeIn(NEW, stays!)[0]).toBe(nth(NEW, critics, 1)); // P[0]'s, now second
    expect(rangeIn(NEW, bridge!)[0]).toBe(NEW.indexOf('the new bridge would cost'));
    for (const a of annotations) expect(a.target.status).toBe('moved');
  });

  it('two paragraphs swapped and one moved to the end: every annotation on its own words', () => {
    const NEW = join([P[1]!, P[0]!, P[2]!, P[4]!, P[5]!, P[3]!]);
    const quotes: Array<[string, number]> = [
      ['unemployment had fallen to its lowest level in 12 years', 0],
      ['“We will not go over budget,” she said.', 0],
      ['Critics said the figures had not been checked.', 0],
      ['Critics said the figures had not been checked.', 1],
      ['Senator Tom Okafor warned', 0],
      ['The agency said tests in May had found no contamination.', 0],
    ];
    const anns = quotes.map(([q, n], i) => on(OLD, q, `a${i}`, n));
    const { annotations } = reanchorAnnotations(OLD, NEW, anns);
    // Where each quote's own paragraph now is.
    const paraOf = (text: string, at: number) => text.slice(0, at).split('\n\n').length - 1;
    const newOrder = [1, 0, 2, 4, 5, 3];
    annotations.forEach((a, i) => {
      expect(a.target.status).not.toBe('orphaned');
      expect(readsAt(NEW, a)).toBe(quotes[i]![0]);
      const oldPara = paraOf(OLD, rangeIn(OLD, anns[i]!)[0]);
      expect(paraOf(NEW, rangeIn(NEW, a)[0])).toBe(newOrder.indexOf(oldPara));
    });
  });

  it('a deleted annotated paragraph: its annotations are orphaned, not moved to the same sentence elsewhere', () => {
    const NEW = join([P[0]!, P[1]!, P[2]!, P[4]!, P[5]!]); // P[3] deleted
    const anns = [
      on(OLD, 'the pension fund would run out of money by 2031', 'fund'),
      // P[3]'s copy of a sentence that P[0] also has: still gone with its paragraph.
      on(OLD, 'Critics said the figures had not been checked.', 'critics', 1),
      on(OLD, 'the water supply was unsafe to drink', 'water'),
    ];
    const { annotations, report } = reanchorAnnotations(OLD, NEW, anns);
    expect(report).toEqual({ anchored: 0, moved: 1, changed: 0, orphaned: 2 });
    expect(annotations[0]!.target).toEqual({ ...anns[0]!.target, status: 'orphaned' });
    expect(annotations[1]!.target).toEqual({ ...anns[1]!.target, status: 'orphaned' });
    expect(readsAt(NEW, annotations[2]!)).toBe('the water supply was unsafe to drink');
  });

  it('a sentence repeated elsewhere: the annotation stays on the original, not the copy', () => {
    const copied = 'The company denied any wrongdoing in a statement.';
    const NEW = join([P[0]!, P[1]!, P[2]!, `${P[3]!} ${copied}`, P[4]!, P[5]!]);
    // Also a copy right after the original (the same paragraph), which a diff could report
    // on either side of it.
    const NEW2 = NEW.replace(`${copied}\n\n`, `${copied} ${copied}\n\n`);
    const anns = [on(OLD, copied, 'denied'), on(OLD, 'The company denied', 'short')];
    for (const text of [NEW, NEW2]) {
      const { annotations, report } = reanchorAnnotations(OLD, text, anns);
      expect(report.orphaned).toBe(0);
      expect(report.changed).toBe(0);
      expect(rangeIn(text, annotations[0]!)[0]).toBe(text.indexOf(copied));
      expect(rangeIn(text, annotations[1]!)[0]).toBe(text.indexOf(copied));
      expect(annotations[0]!.target.status).toBe('anchored');
    }
  });

  it('a deleted sentence whose words stood elsewhere too is not moved onto a new copy of them', () => {
    // P[3]'s "Critics said…" is deleted, and the same sentence is added to P[5]: it may be a
    // copy of P[0]'s, so the annotation on P[3]'s is orphaned rather than moved there.
    const critics = ' Critics said the figures had not been checked.';
    const NEW = join([P[0]!, P[1]!, P[2]!, P[3]!.replace(critics, ''), P[4]!, P[5]! + critics]);
    const anns = [on(OLD, critics.trim(), 'p3', 1), on(OLD, critics.trim(), 'p0', 0)];
    const { annotations } = reanchorAnnotations(OLD, NEW, anns);
    expect(annotations[0]!.target.status).toBe('orphaned');
    expect(annotations[1]!.target.status).toBe('anchored');
    expect(rangeIn(NEW, annotations[1]!)[0]).toBe(NEW.indexOf(critics.trim()));
  });

  it('edits inside an annotation: a sentence inserted, a word replaced, most of it deleted', () => {
    const inserted = ' The decision was announced on Friday.';
    const NEW = join([
      P[0]!,
      P[1]!.replace('4 million euros', '6 million euros'),
      P[2]!.replace('without a tender.', `without a tender.${inserted}`),
      P[3]!.replace('Senator Tom Okafor warned that the pension fund', 'Officials said the fund'),
      P[4]!,
      P[5]!,
    ]);
    const anns = [
      on(OLD, P[2]!, 'para'),
      on(OLD, 'the new bridge would cost 4 million euros', 'bridge'),
      on(OLD, 'Senator Tom Okafor warned that the pension', 'okafor'),
      on(OLD, 'the hospital waiting list', 'untouched'),
    ];
    const { annotations, report } = reanchorAnnotations(OLD, NEW, anns);
    expect(report).toEqual({ anchored: 0, moved: 1, changed: 2, orphaned: 1 });
    const [para, bridge, okafor, untouched] = annotations;
    // The whole paragraph, with the new sentence in it, waiting for a reviewer's confirmation.
    expect(para!.target.status).toBe('changed');
    expect(para!.target.was).toBe(P[2]);
    expect(readsAt(NEW, para!)).toBe(P[2]!.replace('tender.', `tender.${inserted}`));
    expect(para!.target.quote.exact).toBe(readsAt(NEW, para!));
    expect(bridge!.target.status).toBe('changed');
    expect(readsAt(NEW, bridge!)).toBe('the new bridge would cost 6 million euros');
    expect(bridge!.target.was).toBe('the new bridge would cost 4 million euros');
    // More than half of it rewritten: orphaned with its old selectors.
    expect(okafor!.target).toEqual({ ...anns[2]!.target, status: 'orphaned' });
    expect(untouched!.target.status).toBe('moved');
    expect(readsAt(NEW, untouched!)).toBe('the hospital waiting list');
  });

  it('an annotation across the end of a moved paragraph: the part that stayed, as changed', () => {
    // The annotation runs from P[1]'s last sentence into P[2]; P[1] moves to the end.
    const NEW = join([P[0]!, P[2]!, P[3]!, P[4]!, P[5]!, P[1]!]);
    const tail = '“We will not go over budget,” she said.';
    const head = 'The audit found that the contract had been awarded without a tender.';
    const across = on(OLD, `said.\n\n${head}`, 'across');
    const mostlyMoved = on(OLD, `${tail}\n\nThe audit`, 'mostly-moved');
    const { annotations } = reanchorAnnotations(OLD, NEW, [across, mostlyMoved]);
    // Most of it (P[2]'s sentence) stayed: changed, on what stayed, never on the moved words.
    expect(annotations[0]!.target.status).toBe('changed');
    expect(readsAt(NEW, annotations[0]!)).toBe(head);
    expect(annotations[0]!.target.was).toBe(`said.\n\n${head}`);
    // Most of it moved away and what moved is not the whole of it: orphaned.
    expect(annotations[1]!.target.status).toBe('orphaned');
  });

  it('a deleted sentence that a diff may report as cutting into the next one: the next one is intact', () => {
    // "…in 12 years. Critics said…checked." → the second sentence deleted. Its end repeats the
    // end of an annotated sentence elsewhere, so the deletion can slide by the same new text.
    const a = 'It said the figures had been checked by auditors.';
    const b = 'Critics also said the figures had been checked by auditors.';
    const next = 'The report was published on Tuesday.';
    const before = `Opening line.\n\n${a} ${b} ${next}\n\nClosing line.`;
    const after = `Opening line.\n\n${a} ${next}\n\nClosing line.`;
    const anns = [on(before, next, 'next'), on(before, 'auditors. The report', 'spanning')];
    const { annotations } = reanchorAnnotations(before, after, anns);
    expect(annotations[0]!.target.status).toBe('moved');
    expect(rangeIn(after, annotations[0]!)[0]).toBe(after.indexOf(next));
    // Its words stand intact under an equally valid reading of the deletion (b's "auditors."
    // taken as a's): same text, reported as moved rather than changed.
    expect(annotations[1]!.target.status).toBe('moved');
    expect(readsAt(after, annotations[1]!)).toBe('auditors. The report');
  });
});

describe('diffTexts', () => {
  /** Apply the hunks to the old text: must give the new text, whatever the edits were. */
  function rebuild(oldText: string, newText: string): string {
    let out = '';
    let at = 0;
    for (const h of diffTexts(oldText, newText).hunks) {
      out += oldText.slice(at, h.oldStart) + newText.slice(h.newStart, h.newEnd);
      at = h.oldEnd;
    }
    return out + oldText.slice(at);
  }

  it('the hunks account for every difference, and nothing else changes', () => {
    const versions = [
      join([P[3]!, P[0]!, P[1]!, P[2]!, P[4]!, P[5]!]),
      join([P[0]!, P[2]!, P[4]!]),
      OLD.replace(/the/g, 'a'),
      OLD.split('').reverse().join(''),
      '',
      `${OLD}\n\nA new last paragraph.`,
    ];
    for (const v of versions) {
      expect(rebuild(OLD, v)).toBe(v);
      expect(rebuild(v, OLD)).toBe(OLD);
    }
  });

  it('a moved paragraph is one deletion and one insertion, the rest maps exactly', () => {
    const NEW = join([P[0]!, P[2]!, P[3]!, P[4]!, P[1]!, P[5]!]);
    const diff = diffTexts(OLD, NEW);
    const hunks = diff.hunks;
    const removed = hunks.filter((h) => h.oldEnd > h.oldStart);
    const added = hunks.filter((h) => h.newEnd > h.newStart);
    expect(removed).toHaveLength(1);
    expect(added).toHaveLength(1);
    expect(OLD.slice(removed[0]!.oldStart, removed[0]!.oldEnd).trim()).toBe(P[1]);
    expect(NEW.slice(added[0]!.newStart, added[0]!.newEnd).trim()).toBe(P[1]);
    const at = OLD.indexOf('The audit found');
    expect(diff.map(at, 'after')).toBe(NEW.indexOf('The audit found'));
  });
});
