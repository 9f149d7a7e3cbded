import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggestClaims } from '../../../shared/suggest/claim-suggest';
import { parsePlainText } from '../../../shared/article/plain-text';
import { sentenceRanges } from '../../../shared/anchoring/text-units';
import { codePointLength, sliceCodePoints } from '../../../shared/text/code-points';
import { SEED_PATH } from '../../helpers/session-fixtures';
import { leaveOneDocumentOut } from './claim-evaluation';
import { loadLabelledCorpus } from './labelled-corpus';
import { trainedWeightsSource } from './train-claim-weights';

const SEED = readFileSync(SEED_PATH, 'utf8');
const seedSuggestions = () => suggestClaims(SEED, { blocks: parsePlainText(SEED).blocks });

describe('the labelled set', () => {
  const docs = loadLabelledCorpus();
  it('has at least 8 documents, transcripts among them, and several hundred sentences', () => {
    expect(docs.length).toBeGreaterThanOrEqual(8);
    expect(docs.filter((d) => d.kind === 'transcript').length).toBeGreaterThanOrEqual(3);
    const sentences = docs.reduce((n, d) => n + sentenceRanges(d.text).length, 0);
    expect(sentences).toBeGreaterThanOrEqual(400);
    for (const d of docs) expect(d.licence, d.id).not.toBe('');
  });

  it('meets recall >= 0.90 at precision >= 0.60, leave one document out, pooled', () => {
    const r = leaveOneDocumentOut(docs);
    expect(r.pooled.recall).toBeGreaterThanOrEqual(0.9);
    expect(r.pooled.precision).toBeGreaterThanOrEqual(0.6);
  }, 120_000);

  it('the committed weights are what the training script gives', () => {
    const committed = readFileSync(
      new URL('../../../shared/suggest/claim-weights.ts', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(trainedWeightsSource());
  }, 60_000);
});

describe('suggestClaims', () => {
  it('suggests whole sentences of the seed with code-point offsets, reasons and speakers', () => {
    const all = seedSuggestions();
    const byStart = (s: string) => all.find((x) => x.text.startsWith(s));
    const mcmaster = byStart('“The story is false');
    expect(mcmaster?.speaker).toBe('H R McMaster');
    expect(mcmaster?.reasons).toEqual(
      expect.arrayContaining(['quoted assertion', 'attributed: said by H R McMaster', 'denial']),
    );
    expect(byStart('In response to that, Secretary of State')?.speaker).toBe('Rex Tillerson');
    expect(byStart('According to a report in The Washington Post')?.speaker).toBe(
      'The Washington Post',
    );
    for (const s of all) {
      expect(sliceCodePoints(SEED, s.start, s.end)).toBe(s.text);
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
  });

  it('never suggests the photo caption that only names a scene', () => {
    expect(seedSuggestions().some((s) => s.text.includes('(Photo via AP)'))).toBe(false);
  });

  it('counts offsets in code points when the text has astral characters', () => {
    const text =
      '😀😀 Intro line.\nThe ministry said 4,000 people were killed in the floods on Monday.';
    const [s] = suggestClaims(text);
    expect(s).toBeDefined();
    const startCp = codePointLength(text.slice(0, text.indexOf('The ministry')));
    expect(s!.start).toBe(startCp);
    expect(s!.end).toBe(codePointLength(text));
  });

  it('cuts the turn label, names the speaker, and never suggests questions or thanks', () => {
    const text = [
      'Press Briefing by Press Secretary Karine Jean-Pierre',
      'MS. JEAN-PIERRE: Good afternoon, everybody. Thanks for being here.',
      'Last year, the economy added 4.5 million jobs, more than in any year on record.',
      'Q Thanks, Karine. Did the President meet the Speaker on Tuesday?',
      'MS. JEAN-PIERRE: The President met the Speaker for an hour on Tuesday, and they agreed to meet again next week.',
    ].join('\n\n');
    const out = suggestClaims(text);
    expect(out.map((s) => s.text)).toEqual([
      'Last year, the economy added 4.5 million jobs, more than in any year on record.',
      'The President met the Speaker for an hour on Tuesday, and they agreed to meet again next week.',
    ]);
    for (const s of out) {
      expect(s.speaker).toBe('Karine Jean-Pierre');
      expect(s.reasons).toContain('attributed: said by Karine Jean-Pierre');
    }
  });

  it('gives nothing for an empty text', () => {
    expect(suggestClaims('')).toEqual([]);
    expect(suggestClaims('\n\n  \n')).toEqual([]);
  });
});
