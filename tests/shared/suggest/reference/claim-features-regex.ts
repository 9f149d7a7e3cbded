/**
 * The claim features as shared/suggest/claim-features.ts computed them up to
 * commit 2e0a92e, every lexicon a regular expression run over the whole
 * sentence. Kept verbatim (only renamed) as the specification that
 * claim-features.test.ts holds the word-list matcher to; the app never runs it.
 */
import {
  FEATURE_NAMES,
  type FeatureName,
  type SentenceContext,
} from '../../../../shared/suggest/claim-features';
import { countWords } from '../../../../shared/suggest/word-chars';

/*
 * Matching without the `i` flag. The case-insensitive patterns below are
 * written in lowercase and matched against the sentence lowercased once:
 * V8 matches a pattern with `iu` two to three times slower than the same
 * pattern without `i`, and these ran over every sentence of a 1.2 MB text.
 *
 * It gives the same matches. With `iu`, an ASCII letter of the pattern matches
 * its upper and lower case, and also U+017F (ſ, folds to "s") and U+212A
 * (Kelvin sign, folds to "k"), which `\w` and `\b` then count as word
 * characters too; lowercasing maps every other character one to one, ASCII to
 * ASCII and the rest to the rest, except U+0130 (İ), which becomes two. A
 * sentence that holds one of those three is matched as written, with the `i`
 * patterns: {@link caseless} keeps both forms of each pattern.
 */
const CASE_UNSAFE = /[\u0130\u017F\u212A]/u;

/** A case-insensitive pattern: `lower` (no `i` flag) for lowercased text, `any` (with `i`) for text as written. */
interface Caseless {
  lower: RegExp;
  any: RegExp;
}

function caseless(re: RegExp): Caseless {
  // An upper-case letter in the pattern (other than an escape such as \S) would never match lowercased text.
  if (/(?<!\\)\p{Lu}/u.test(re.source)) throw new Error(`caseless pattern not in lowercase: ${re}`);
  return { lower: re, any: new RegExp(re.source, `${re.flags}i`) };
}

/** A sentence (or a variant of it) and whether it was lowercased for the caseless patterns. */
interface Folded {
  s: string;
  lowered: boolean;
}

function fold(s: string): Folded {
  return CASE_UNSAFE.test(s) ? { s, lowered: false } : { s: s.toLowerCase(), lowered: true };
}

function test(p: Caseless, f: Folded): boolean {
  return (f.lowered ? p.lower : p.any).test(f.s);
}

function replace(p: Caseless, f: Folded, by: string): Folded {
  return { s: f.s.replace(f.lowered ? p.lower : p.any, by), lowered: f.lowered };
}

/** A quotation of three words or more (linear: no nested quantifiers), or a sentence that opens or closes one. */
const QUOTATION = /[“"]([^“”"]*)[”"]/gu;
const QUOTE_EDGE = /^[“"‘]|[”"]$/u;

function hasQuotation(s: string): boolean {
  if (QUOTE_EDGE.test(s)) return true;
  for (const m of s.matchAll(QUOTATION)) if (wordCount(m[1]!) >= 3) return true;
  return false;
}
const NUMBER = caseless(
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|dozen|dozens|half|third|quarter|twice|double|doubled|tripled|percent|majority)\b/u,
);
const LARGE_NUMBER = caseless(
  /[$€£%]|\b(?:percent|per cent|million|billion|trillion|thousand|hundreds|thousands|dollars|euros)\b|\d{1,3}(?:,\d{3})+|\b\d{3,}\b/u,
);
const CLOCK_OR_LIST = caseless(/^\s*\d{1,2}[:.]\d{2}\s*[ap]\.?m\.?|^\s*\d+\.\s/u);
/** Month and day names are capitalised: "may" and "march" as words are no dates. */
const DATE =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|yesterday|last (?:week|month|year|night)|this (?:morning|week|month|year)|overnight|(?:19|20)\d\d)\b/u;
const SPEECH_VERB = caseless(
  /\b(?:said|says|told|according to|stated|announced|claimed|alleged|denied|insisted|tweeted|wrote|testified|reported|confirmed|estimated|found|accused|noted)\b/u,
);
const COMPARISON = caseless(
  /\b(?:than|more|less|fewer|most|least|largest|biggest|highest|lowest|smallest|fewest|fastest|slowest|worst|best|record|compared|increase[ds]?|decrease[ds]?|rose|risen|rise|fell|fallen|grew|grown|doubled|tripled|halved|up from|down from|since|lowest|heaviest|first time|only)\b/u,
);
const DENIAL = caseless(
  /\b(?:deny|denies|denied|denial|false|untrue|not true|not accurate|inaccurate|misleading|wrong|baseless|no evidence|never|rejected|rejects|did not|didn't|has not|hasn't|have not|was not|wasn't|no knowledge|mischaracteriz\w+)\b/u,
);
const NEGATION = caseless(/\b(?:not|no|never|none|nothing|nobody|neither|nor)\b|n['’]t\b/u);
const ACCUSATION = caseless(
  /\b(?:accus\w+|alleg\w+|charged|charges|indict\w+|fraud\w*|brib\w+|corrupt\w*|illegal\w*|unlawful\w*|lied|lying|lie|hid|hiding|cover(?:ed)?[- ]up|violat\w+|crime|crimes|criminal|murder\w*|killed|attacked|attacks?|abuse\w*|steal\w*|stole|blamed?|responsible for|spying|betray\w*|rigged)\b/u,
);
const PAST = caseless(
  /\b(?:\w{3,}ed|was|were|had|did|made|met|sent|said|told|took|gave|went|came|left|won|lost|led|paid|sold|bought|built|cut|put|set|hit|began|brought|held|kept|spent|struck|fought|wrote|spoke|became|fell|rose|grew|found|ran|saw|knew|thought|flew|drove|chose|froze|shot|stood|sought|taught|caught|broke|took|shut|quit|split|signed|voted)\b/u,
);
const NOT_PAST = caseless(
  /\b(?:need|indeed|speed|proceed|feed|seed|bed|red|shed|hundred|embed|concerned|interested|supposed|pleased|prepared|committed|dedicated|focused|excited|tired|used to|based)\b/gu,
);
/** "I" is a capital: "i" in "i.e." is no first person. */
const FIRST_SINGULAR = /\b(?:I|me|my|mine|I['’](?:m|ll|ve|d))\b/u;
const FIRST_PLURAL = caseless(/\b(?:we|our|ours|us|we['’](?:re|ve|ll|d))\b/u);
const SECOND = caseless(/\b(?:you|your|yours|y['’]all|you['’](?:re|ve|ll|d))\b/u);
const MODAL = caseless(
  /\b(?:will|would|could|should|might|may|must|can|shall|going to|gonna|want to|hope to|plan to|['’]ll)\b/u,
);
const OPINION = caseless(
  /\b(?:think|believe|feel|hope|proud|great|terrific|wonderful|beautiful|gorgeous|amazing|incredible|terrible|awful|important|critical|crucial|strongly|condemn|welcome|appreciate|optimistic|deserves?|dignity|wrong with|evil|tragic|sad|angry|love|hate|seriously|clearly|obviously|frankly|honestly|unacceptable|outrageous|shameful|heartbreaking|priority|values)\b/u,
);
const PROCEDURAL = caseless(
  /\b(?:thank you|thanks|good (?:morning|afternoon|evening)|hello|hi everybody|happy (?:monday|tuesday|wednesday|thursday|friday)|go ahead|next question|all right|okay|follow[- ]up|take (?:a few |some |your )?questions|see you|have a good|with that|appreciate it|over to you|sit down|back to|at the top|let me start|one more|last question|bear with)\b/u,
);
const DEFLECTION = caseless(
  /\b(?:not going to (?:get|speculate|forecast|comment|go|confirm|get ahead)|don['’]t (?:have|want to speculate)|nothing (?:to announce|to share|more)|no update|refer you|won['’]t (?:speculate|comment|get)|not (?:able|in a position) to|get ahead of|have anything (?:to share|for you)|leave it (?:at|there)|too early to say)\b/u,
);
const IMPERATIVE = caseless(
  /^(?:let['’]s|let me|please|talk|get|go|join|look|come|check|take|send|call|tell|imagine|remember|think about|require|review|train|vote|don['’]t)\b/u,
);
const REPORT = caseless(
  /\b(?:report|reports|reported|reportedly|study|survey|audit|data|figures|records?|indictment|according|estimate[ds]?|census|poll|analysis|investigation|findings?|documents?)\b/u,
);
const CAPTION = caseless(
  /^(?:photo|picture|image|file photo|video)\b|\((?:ap |reuters |afp )?(?:photo|picture)/u,
);
const NAME_WORD = /(?<=\s)\p{Lu}[\p{Ll}'’-]+|\b\p{Lu}{2,}\b/gu;
const END_PUNCTUATION = /[.!?…”"’)\]]$/u;

/** How many matches of the global pattern `re` `s` holds, counting no further than `max`. */
function countUpTo(re: RegExp, s: string, max: number): number {
  // Every match of the patterns counted here is at least one character long, so `exec` moves on.
  re.lastIndex = 0;
  let n = 0;
  while (n < max && re.exec(s)) n++;
  re.lastIndex = 0;
  return n;
}

/** Words in a sentence (letters and digits): the matches of `[\p{L}\p{N}][\p{L}\p{N}'’.-]*`. */
function wordCount(sentence: string): number {
  return countWords(sentence);
}

/** Each feature's position in the vector. */
const FEATURE_INDEX = new Map<FeatureName, number>(FEATURE_NAMES.map((name, i) => [name, i]));

/**
 * The feature vector of one sentence (the text of a whole sentence, speaker
 * label removed), in {@link FEATURE_NAMES} order. Pure; never throws.
 */
export function referenceClaimFeatures(sentence: string, ctx: SentenceContext): Float64Array {
  const s = sentence.trim();
  const folded = fold(s);
  const words = wordCount(s);
  const f = new Float64Array(FEATURE_NAMES.length);
  const numberText = replace(CLOCK_OR_LIST, folded, ' ');
  const pastText = replace(NOT_PAST, folded, ' ');
  const set = (name: FeatureName, v: number | boolean) => {
    f[FEATURE_INDEX.get(name)!] = typeof v === 'number' ? v : v ? 1 : 0;
  };
  set('quote', words >= 4 && hasQuotation(s));
  set('attributed', ctx.attributed);
  set('speech-verb', test(SPEECH_VERB, folded));
  set('number', test(NUMBER, numberText));
  set('large-number', test(LARGE_NUMBER, numberText));
  set('date', DATE.test(s));
  set('comparison', test(COMPARISON, folded));
  set('denial', test(DENIAL, folded));
  set('negation', test(NEGATION, folded));
  set('accusation', test(ACCUSATION, folded));
  set('past-tense', test(PAST, pastText));
  // Four names or more count alike, so the count stops at four.
  set('names', countUpTo(NAME_WORD, s, 4) / 4);
  set('first-person-singular', FIRST_SINGULAR.test(s));
  set('first-person-plural', test(FIRST_PLURAL, folded));
  set('second-person', test(SECOND, folded));
  set('future-or-modal', test(MODAL, folded));
  set('opinion', test(OPINION, folded));
  set('procedural', test(PROCEDURAL, folded));
  set('deflection', test(DEFLECTION, folded));
  set('short', words <= 5);
  set('length', Math.min(words, 40) / 40);
  set('questioner-turn', ctx.questioner);
  set('transcript', ctx.inTranscript);
  set('caption', ctx.blockType === 'caption' || test(CAPTION, folded));
  set('no-end-punctuation', !END_PUNCTUATION.test(s));
  set('imperative', test(IMPERATIVE, folded));
  set('report-or-study', test(REPORT, folded));
  return f;
}
