/**
 * The features of a sentence that the check-worthiness model weighs: what a
 * fact-checker looks for (a quotation, someone it is attributed to, figures,
 * comparisons, denials, accusations, things people and organisations did) and
 * what marks talk that is not a claim (questions, thanks and greetings, "I'm
 * not going to get ahead of that", opinion words, first and second person,
 * the future, a photo caption). Each feature is a number in [0, 1]; the
 * logistic model in claim-suggest.ts turns them into a score, and the features
 * that fired describe the suggestion (its reasons).
 *
 * Lexicons are small and general (reporting English, not any one article's
 * words); the weights were fitted on the labelled set in
 * tests/shared/suggest/corpus/ by tests/shared/suggest/train-claim-weights.ts.
 */

/** What the sentence's surroundings say about it. */
export interface SentenceContext {
  /** The article block the sentence is in ('paragraph' when unknown). */
  blockType: string;
  /** In a transcript turn of a questioner (Q, QUESTION, Speaker 2). */
  questioner: boolean;
  /** In any transcript turn. */
  inTranscript: boolean;
  /** The text attributes the sentence to someone (a name, not only a verb). */
  attributed: boolean;
}

/** Feature names, in the order of the vector; the weights file follows this order. */
export const FEATURE_NAMES = [
  'quote',
  'attributed',
  'speech-verb',
  'number',
  'large-number',
  'date',
  'comparison',
  'denial',
  'negation',
  'accusation',
  'past-tense',
  'names',
  'first-person-singular',
  'first-person-plural',
  'second-person',
  'future-or-modal',
  'opinion',
  'procedural',
  'deflection',
  'short',
  'length',
  'questioner-turn',
  'transcript',
  'caption',
  'no-end-punctuation',
  'imperative',
  'report-or-study',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** The reason, in words, that a feature gives when it speaks for a claim; null for features that never do. */
export const FEATURE_REASONS: Partial<Record<FeatureName, string>> = {
  quote: 'quoted assertion',
  number: 'number',
  'large-number': 'number',
  comparison: 'comparison',
  denial: 'denial',
  accusation: 'accusation',
  'past-tense': 'reported action',
  'report-or-study': 'cites a report',
};

/** A quotation of three words or more (linear: no nested quantifiers), or a sentence that opens or closes one. */
const QUOTATION = /[“"]([^“”"]*)[”"]/gu;
const QUOTE_EDGE = /^[“"‘]|[”"]$/u;

function hasQuotation(s: string): boolean {
  if (QUOTE_EDGE.test(s)) return true;
  for (const m of s.matchAll(QUOTATION)) if (wordCount(m[1]!) >= 3) return true;
  return false;
}
const NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|dozen|dozens|half|third|quarter|twice|double|doubled|tripled|percent|majority)\b/iu;
const LARGE_NUMBER =
  /[$€£%]|\b(?:percent|per cent|million|billion|trillion|thousand|hundreds|thousands|dollars|euros)\b|\d{1,3}(?:,\d{3})+|\b\d{3,}\b/iu;
const CLOCK_OR_LIST = /^\s*\d{1,2}[:.]\d{2}\s*[AP]\.?M\.?|^\s*\d+\.\s/iu;
const DATE =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|yesterday|last (?:week|month|year|night)|this (?:morning|week|month|year)|overnight|(?:19|20)\d\d)\b/u;
const COMPARISON =
  /\b(?:than|more|less|fewer|most|least|largest|biggest|highest|lowest|smallest|fewest|fastest|slowest|worst|best|record|compared|increase[ds]?|decrease[ds]?|rose|risen|rise|fell|fallen|grew|grown|doubled|tripled|halved|up from|down from|since|lowest|heaviest|first time|only)\b/iu;
const DENIAL =
  /\b(?:deny|denies|denied|denial|false|untrue|not true|not accurate|inaccurate|misleading|wrong|baseless|no evidence|never|rejected|rejects|did not|didn't|has not|hasn't|have not|was not|wasn't|no knowledge|mischaracteriz\w+)\b/iu;
const NEGATION = /\b(?:not|no|never|none|nothing|nobody|neither|nor)\b|n['’]t\b/iu;
const ACCUSATION =
  /\b(?:accus\w+|alleg\w+|charged|charges|indict\w+|fraud\w*|brib\w+|corrupt\w*|illegal\w*|unlawful\w*|lied|lying|lie|hid|hiding|cover(?:ed)?[- ]up|violat\w+|crime|crimes|criminal|murder\w*|killed|attacked|attacks?|abuse\w*|steal\w*|stole|blamed?|responsible for|spying|betray\w*|rigged)\b/iu;
const PAST =
  /\b(?:\w{3,}ed|was|were|had|did|made|met|sent|said|told|took|gave|went|came|left|won|lost|led|paid|sold|bought|built|cut|put|set|hit|began|brought|held|kept|spent|struck|fought|wrote|spoke|became|fell|rose|grew|found|ran|saw|knew|thought|flew|drove|chose|froze|shot|stood|sought|taught|caught|broke|took|shut|quit|split|signed|voted)\b/iu;
const NOT_PAST =
  /\b(?:need|indeed|speed|proceed|feed|seed|bed|red|shed|hundred|embed|concerned|interested|supposed|pleased|prepared|committed|dedicated|focused|excited|tired|used to|based)\b/giu;
const FIRST_SINGULAR = /\b(?:I|me|my|mine|I['’](?:m|ll|ve|d))\b/u;
const FIRST_PLURAL = /\b(?:we|our|ours|us|we['’](?:re|ve|ll|d))\b/iu;
const SECOND = /\b(?:you|your|yours|y['’]all|you['’](?:re|ve|ll|d))\b/iu;
const MODAL =
  /\b(?:will|would|could|should|might|may|must|can|shall|going to|gonna|want to|hope to|plan to|['’]ll)\b/iu;
const OPINION =
  /\b(?:think|believe|feel|hope|proud|great|terrific|wonderful|beautiful|gorgeous|amazing|incredible|terrible|awful|important|critical|crucial|strongly|condemn|welcome|appreciate|optimistic|deserves?|dignity|wrong with|evil|tragic|sad|angry|love|hate|seriously|clearly|obviously|frankly|honestly|unacceptable|outrageous|shameful|heartbreaking|priority|values)\b/iu;
const PROCEDURAL =
  /\b(?:thank you|thanks|good (?:morning|afternoon|evening)|hello|hi everybody|happy (?:monday|tuesday|wednesday|thursday|friday)|go ahead|next question|all right|okay|follow[- ]up|take (?:a few |some |your )?questions|see you|have a good|with that|appreciate it|over to you|sit down|back to|at the top|let me start|one more|last question|bear with)\b/iu;
const DEFLECTION =
  /\b(?:not going to (?:get|speculate|forecast|comment|go|confirm|get ahead)|don['’]t (?:have|want to speculate)|nothing (?:to announce|to share|more)|no update|refer you|won['’]t (?:speculate|comment|get)|not (?:able|in a position) to|get ahead of|have anything (?:to share|for you)|leave it (?:at|there)|too early to say)\b/iu;
const IMPERATIVE =
  /^(?:let['’]s|let me|please|talk|get|go|join|look|come|check|take|send|call|tell|imagine|remember|think about|require|review|train|vote|don['’]t)\b/iu;
const REPORT =
  /\b(?:report|reports|reported|reportedly|study|survey|audit|data|figures|records?|indictment|according|estimate[ds]?|census|poll|analysis|investigation|findings?|documents?)\b/iu;
const CAPTION =
  /^(?:photo|picture|image|file photo|video)\b|\((?:AP |Reuters |AFP )?(?:photo|picture)/iu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const NAME_WORD = /(?<=\s)\p{Lu}[\p{Ll}'’-]+|\b\p{Lu}{2,}\b/gu;

function count(re: RegExp, s: string): number {
  return s.match(re)?.length ?? 0;
}

/** Words in a sentence (letters and digits). */
export function wordCount(sentence: string): number {
  return count(WORD, sentence);
}

/**
 * The feature vector of one sentence (the text of a whole sentence, speaker
 * label removed), in {@link FEATURE_NAMES} order. Pure; never throws.
 */
export function claimFeatures(sentence: string, ctx: SentenceContext): Float64Array {
  const s = sentence.trim();
  const words = wordCount(s);
  const f = new Float64Array(FEATURE_NAMES.length);
  const numberText = s.replace(CLOCK_OR_LIST, ' ');
  const pastText = s.replace(NOT_PAST, ' ');
  const set = (name: FeatureName, v: number | boolean) => {
    f[FEATURE_NAMES.indexOf(name)] = typeof v === 'number' ? v : v ? 1 : 0;
  };
  set('quote', words >= 4 && hasQuotation(s));
  set('attributed', ctx.attributed);
  set(
    'speech-verb',
    /\b(?:said|says|told|according to|stated|announced|claimed|alleged|denied|insisted|tweeted|wrote|testified|reported|confirmed|estimated|found|accused|noted)\b/iu.test(
      s,
    ),
  );
  set('number', NUMBER.test(numberText));
  set('large-number', LARGE_NUMBER.test(numberText));
  set('date', DATE.test(s));
  set('comparison', COMPARISON.test(s));
  set('denial', DENIAL.test(s));
  set('negation', NEGATION.test(s));
  set('accusation', ACCUSATION.test(s));
  set('past-tense', PAST.test(pastText));
  set('names', Math.min(count(NAME_WORD, s), 4) / 4);
  set('first-person-singular', FIRST_SINGULAR.test(s));
  set('first-person-plural', FIRST_PLURAL.test(s));
  set('second-person', SECOND.test(s));
  set('future-or-modal', MODAL.test(s));
  set('opinion', OPINION.test(s));
  set('procedural', PROCEDURAL.test(s));
  set('deflection', DEFLECTION.test(s));
  set('short', words <= 5);
  set('length', Math.min(words, 40) / 40);
  set('questioner-turn', ctx.questioner);
  set('transcript', ctx.inTranscript);
  set('caption', ctx.blockType === 'caption' || CAPTION.test(s));
  set('no-end-punctuation', !/[.!?…”"’)\]]$/u.test(s));
  set('imperative', IMPERATIVE.test(s));
  set('report-or-study', REPORT.test(s));
  return f;
}
