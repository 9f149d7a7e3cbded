/**
 * Claim suggestions (check-worthiness): the sentences of an article that state
 * a check-worthy factual claim, each with a score, the reasons in words and the
 * speaker the text attributes it to. It proposes; it never annotates.
 *
 * ## Why features and a small logistic regression
 * The suggestions must run offline, in the app and the CLI alike (so in pure
 * shared/ code), over a 1.2 MB text in well under two seconds, and explain
 * themselves. ClaimBuster-style transformer classifiers need model weights
 * that no npm package ships and that cannot be downloaded here; the lite
 * linguistic models that do ship in npm tag parts of speech but know nothing
 * of check-worthiness. What makes a sentence worth checking is well described
 * by a few dozen observable signals (claim-features.ts): quotation and
 * attribution, figures, comparisons, denials, accusations, past-tense reported
 * actions, against questions, procedure, deflection, opinion and captions. A
 * logistic regression weighs them, its weights are fitted by a script in the
 * repository from our own labelled set (tests/shared/suggest/corpus/, texts
 * we wrote or the seed: see docs/suggestions.md for the licence and the
 * leave-one-document-out figures), and every weight can be read and argued
 * with. The descriptive features that fired (quotation, attribution, number,
 * comparison, denial, accusation, reported action, a cited report) are the reasons.
 *
 * ## Units
 * Sentences are those of {@link sentenceRanges} (the app's "select the
 * sentence"), found per block when the article's blocks are given (a tweet's
 * attribution line is not a sentence) or per line otherwise. A transcript's
 * turn label ("MS. JEAN-PIERRE:", "Q") is cut from the front of the sentence
 * and names the speaker. Offsets in the result are Unicode code points into
 * the canonical text, as the W3C TextPositionSelector counts them.
 */
import type { Block } from '../model/article';
import { sentenceRanges } from '../anchoring/text-units';
import { CodePointIndex } from '../text/code-points';
import { claimFeatures, FEATURE_NAMES, FEATURE_REASONS, wordCount } from './claim-features';
import { CLAIM_MODEL } from './claim-weights';
import { findAttribution, resolveSurname, type Attribution } from './attribution';
import { findNamePhrases, namesWithin, type NamePhrase } from './name-phrases';
import { paragraphTurns } from './transcript-turns';
import { predict, type ClaimModel } from './logistic';
import { lastWord } from './word-chars';

/** One suggested claim. `start`/`end` are code-point offsets into the canonical text. */
export interface ClaimSuggestion {
  start: number;
  end: number;
  text: string;
  /** The model's probability that the sentence is check-worthy, 0–1, three decimals. */
  score: number;
  /** Why, in words: "quoted assertion", "attributed: said by Kirby", "number", … */
  reasons: string[];
  /** Who the text attributes it to, where it says. */
  speaker?: string;
}

/** A sentence of the article with what scoring needs. UTF-16 offsets. */
export interface SentenceUnit {
  start: number;
  end: number;
  features: Float64Array;
  /** Never suggested: a question, or fewer than three words. */
  excluded: boolean;
  attribution: Attribution | null;
  /** The transcript turn's speaker (resolved to the article's fullest form of the name). */
  turnSpeaker: string | null;
}

export interface SuggestOptions {
  /** The article's blocks (as imported); without them every line is a paragraph. */
  blocks?: readonly Block[];
  /** Override the model (the evaluation uses this to test held-out weights). */
  model?: ClaimModel;
  /** The text's sentence units, when already computed (the app's host caches them per text). */
  units?: readonly SentenceUnit[];
}

const QUOTE_OPEN = /^[“"‘]/u;

/** The paragraphs to read: blocks (their lines) or the text's lines. UTF-16 ranges. */
function paragraphsOf(text: string, blocks?: readonly Block[]) {
  const out: Array<{ start: number; end: number; type: string }> = [];
  if (blocks && blocks.length) {
    for (const b of blocks) out.push({ start: b.start, end: b.end, type: b.type });
    return out;
  }
  let at = 0;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 ? text.length : nl;
    if (/\S/u.test(text.slice(at, end))) out.push({ start: at, end, type: 'paragraph' });
    if (nl === -1) break;
    at = nl + 1;
  }
  return out;
}

/**
 * Every sentence of the text with its features, attribution and turn. The
 * training script and {@link suggestClaims} share it, so the model is fitted
 * on exactly what it later sees.
 */
export function sentenceUnits(text: string, blocks?: readonly Block[]): SentenceUnit[] {
  const paragraphs = paragraphsOf(text, blocks);
  const turns = paragraphTurns(text, paragraphs);
  const names = findNamePhrases(text);
  const inTranscript = turns.some((t) => t.label);
  const units: SentenceUnit[] = [];
  // The subject of the last sentence that named a person: who "he said" refers to.
  let lastPerson: NamePhrase | null = null;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    const turn = turns[p]!;
    const from = turn.label ? Math.max(para.start, turn.label.end) : para.start;
    const turnSpeaker = turn.speaker ? resolveTurnSpeaker(turn.speaker, names) : null;
    const paraUnits: SentenceUnit[] = [];
    for (const r of sentenceRanges(text, from, para.end)) {
      const sentence = text.slice(r.start, r.end);
      const attribution = findAttribution(text, r.start, r.end, names, lastPerson);
      const firstPerson = namesWithin(names, r.start, r.end).find((n) => n.kind === 'person');
      if (firstPerson) lastPerson = firstPerson;
      // Questions are never claims; nor are captions that only name a scene (no one is quoted).
      const excluded =
        /\?[”"’)\]]*$/u.test(sentence) ||
        wordCount(sentence) < 3 ||
        (para.type === 'caption' && !attribution);
      paraUnits.push({
        start: r.start,
        end: r.end,
        features: new Float64Array(0),
        excluded,
        attribution,
        turnSpeaker: turn.questioner ? null : turnSpeaker,
      });
    }
    // A quotation without its own attribution belongs to the neighbour that has one.
    for (let i = 0; i < paraUnits.length; i++) {
      const u = paraUnits[i]!;
      if (u.attribution || !QUOTE_OPEN.test(text.slice(u.start, u.end))) continue;
      u.attribution = paraUnits[i - 1]?.attribution ?? paraUnits[i + 1]?.attribution ?? null;
    }
    for (const u of paraUnits) {
      u.features = claimFeatures(text.slice(u.start, u.end), {
        blockType: para.type,
        questioner: turn.questioner,
        inTranscript,
        attributed: !!u.attribution || !!u.turnSpeaker,
      });
      units.push(u);
    }
  }
  return units;
}

/** "Jean-Pierre" → "Karine Jean-Pierre" when the article names her in full. */
function resolveTurnSpeaker(speaker: string, names: readonly NamePhrase[]): string {
  const last = lastWord(speaker);
  const full = resolveSurname(last, names);
  return full && full.name.length > speaker.length ? full.name : speaker;
}

/** The features that give a reason, with their positions, in {@link FEATURE_NAMES} order. */
const REASON_FEATURES = FEATURE_NAMES.flatMap((name, index) => {
  const reason = FEATURE_REASONS[name];
  return reason && name !== 'quote' && name !== 'speech-verb' ? [{ index, reason }] : [];
});
const QUOTE_INDEX = FEATURE_NAMES.indexOf('quote');

function reasonsOf(unit: SentenceUnit, speaker: string | undefined): string[] {
  const out: string[] = [];
  const push = (r: string) => {
    if (!out.includes(r)) out.push(r);
  };
  const f = unit.features;
  // Reasons describe what the sentence has, whatever weight the model gives each feature.
  if (f[QUOTE_INDEX]! > 0) push('quoted assertion');
  if (speaker) push(`attributed: said by ${speaker}`);
  else if (unit.attribution) push('attributed');
  for (const { index, reason } of REASON_FEATURES) if (f[index]! > 0) push(reason);
  return out;
}

/**
 * Suggested claims of an article's canonical text, in text order. Each covers
 * one whole sentence (a transcript's turn label excluded). Pure; never throws;
 * an empty text gives none.
 */
export function suggestClaims(text: string, opts: SuggestOptions = {}): ClaimSuggestion[] {
  const model = opts.model ?? CLAIM_MODEL;
  const cp = new CodePointIndex(text);
  const out: ClaimSuggestion[] = [];
  for (const u of opts.units ?? sentenceUnits(text, opts.blocks)) {
    if (u.excluded) continue;
    const score = predict(model, u.features);
    if (score < model.threshold) continue;
    const speaker = u.attribution?.name ?? u.turnSpeaker ?? undefined;
    const suggestion: ClaimSuggestion = {
      start: cp.toCodePoint(u.start),
      end: cp.toCodePoint(u.end),
      text: text.slice(u.start, u.end),
      score: Math.round(score * 1000) / 1000,
      reasons: reasonsOf(u, speaker),
    };
    if (speaker) suggestion.speaker = speaker;
    out.push(suggestion);
  }
  return out;
}
