/**
 * A long press-briefing transcript, built deterministically, for tests that
 * need an article of real size and shape (a White House style briefing:
 * a headline, a dateline, then questions and answers by named speakers).
 *
 * Every sentence is unique (each carries its own running number), so a test
 * can find any sentence in the page by its text alone, independently of the
 * app's own position bookkeeping.
 */
import { seededRandom } from './session-fixtures';

const SPEAKERS = ['MR. SPICER', 'Q', 'MS. SANDERS', 'Q', 'GENERAL McMASTER', 'Q'];
const SUBJECTS = [
  'the administration',
  'the President',
  'the Secretary of State',
  'the national security team',
  'the Russian delegation',
  'the intelligence committee',
  'the press office',
  'our allies in the region',
];
const VERBS = [
  'has said clearly that',
  'did not discuss whether',
  'will review in detail how',
  'was briefed on why',
  'has never confirmed that',
  'repeatedly denied that',
];
const OBJECTS = [
  'the meeting covered sources and methods',
  'the report was accurate in every respect',
  'the figures would be released on Friday',
  'any classified material left the room',
  'the talks touched on military operations',
  'the leak came from inside the building',
  'the schedule had been public for a week',
];

export interface Transcript {
  /** The article's plain text (headline, dateline, then paragraphs separated by blank lines). */
  text: string;
  /** Every sentence of the body, in order; each occurs once in `text`. */
  sentences: string[];
  /** The sentences of each paragraph. */
  paragraphs: string[][];
}

/**
 * A transcript of `paragraphs` paragraphs of 2 to 5 sentences each (about
 * 330 characters per paragraph on average, so 600 paragraphs make about
 * 200 kB). With `giant`, the body is one single paragraph of that many sentences
 * (a transcript pasted without line breaks).
 */
export function briefingTranscript(paragraphs: number, seed = 7, giant = false): Transcript {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  let counter = 0;
  const sentence = () => {
    counter++;
    const s = `${capitalise(pick(SUBJECTS))} ${pick(VERBS)} ${pick(OBJECTS)} (point ${counter})`;
    return rand() < 0.3 ? `${s}, according to the notes of briefing item ${counter}.` : `${s}.`;
  };
  const paras: string[][] = [];
  for (let p = 0; p < paragraphs; p++) {
    const n = 2 + Math.floor(rand() * 4);
    paras.push(Array.from({ length: n }, sentence));
  }
  const body = giant
    ? [paras.flat().join(' ')]
    : paras.map((ss, i) => `${SPEAKERS[i % SPEAKERS.length]}: ${ss.join(' ')}`);
  const text = [
    'Press Briefing by Press Secretary Sean Spicer',
    'James S. Brady Press Briefing Room, 1:34 P.M. EDT',
    ...body,
  ].join('\n\n');
  return { text: `${text}\n`, sentences: paras.flat(), paragraphs: paras };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
