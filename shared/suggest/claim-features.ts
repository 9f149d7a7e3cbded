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
 *
 * Each lexicon means the regular expression `\b(?:word|word|…)\b`, matched
 * case-insensitively unless noted, and is matched by word lookups
 * (word-lexicon.ts), which give the same answer in a fraction of the time;
 * tests/shared/suggest/claim-features.test.ts holds the features to the
 * regular expressions they were first written as
 * (tests/shared/suggest/reference/claim-features-regex.ts).
 */
import { countWords } from './word-chars';
import { WordLexicons } from './word-lexicon';

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

/*
 * Case. The case-insensitive lexicons are written in lowercase and matched
 * against the sentence lowercased once. With `iu`, an ASCII letter of a
 * pattern matches its upper and lower case, and also U+017F (ſ, folds to "s")
 * and U+212A (Kelvin sign, folds to "k"), which `\w` and `\b` then count as
 * word characters too; lowercasing maps every other character one to one,
 * ASCII to ASCII and the rest to the rest, except U+0130 (İ), which becomes
 * two. A sentence that holds one of those three is matched as written, by
 * the regular expressions with the `i` flag ({@link REGEX}).
 */
const CASE_UNSAFE = /[\u0130\u017F\u212A]/u;

/** A quotation of three words or more (linear: no nested quantifiers), or a sentence that opens or closes one. */
const QUOTATION = /[“"]([^“”"]*)[”"]/gu;
const QUOTE_EDGE = /^[“"‘]|[”"]$/u;

function hasQuotation(s: string): boolean {
  if (QUOTE_EDGE.test(s)) return true;
  for (const m of s.matchAll(QUOTATION)) if (wordCount(m[1]!) >= 3) return true;
  return false;
}

/** Words that end in "ed" and are no past tense; taken out before {@link PAST_WORDS} is matched. */
const NOT_PAST_WORDS = (
  'need indeed speed proceed feed seed bed red shed hundred embed concerned interested supposed ' +
  'pleased prepared committed dedicated focused excited tired based'
).split(' ');
/** The same, with "used to", as one regular expression (for sentences matched as written). */
const NOT_PAST_ANY = new RegExp(`\\b(?:${NOT_PAST_WORDS.join('|')}|used to)\\b`, 'giu');
/*
 * "used to" is taken out with the words above when the sentence is matched
 * by regular expression; the word lookup need not: neither "used" nor "to"
 * is a past-tense word, nor four-plus letters ending in "ed".
 */

const list = (s: string) => s.split(' ');

const LEXICONS = new WordLexicons({
  number: {
    alternatives: list(
      'one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty ' +
        'fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions ' +
        'billion billions trillion dozen dozens half third quarter twice double doubled tripled ' +
        'percent majority',
    ),
  },
  'large-number': {
    alternatives: [
      ...list('percent million billion trillion thousand hundreds thousands dollars euros'),
      'per cent',
    ],
  },
  /** Month and day names are capitalised: "may" and "march" as words are no dates. */
  date: {
    caseSensitive: true,
    alternatives: [
      ...list(
        'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April ' +
          'June July August September October November December yesterday overnight',
      ),
      ...list('week month year night').map((w) => `last ${w}`),
      ...list('morning week month year').map((w) => `this ${w}`),
    ],
  },
  'speech-verb': {
    alternatives: [
      ...list(
        'said says told stated announced claimed alleged denied insisted tweeted wrote testified ' +
          'reported confirmed estimated found accused noted',
      ),
      'according to',
    ],
  },
  comparison: {
    alternatives: [
      ...list(
        'than more less fewer most least largest biggest highest lowest smallest fewest fastest ' +
          'slowest worst best record compared increase increased increases decrease decreased ' +
          'decreases rose risen rise fell fallen grew grown doubled tripled halved since heaviest only',
      ),
      'up from',
      'down from',
      'first time',
    ],
  },
  denial: {
    alternatives: [
      ...list(
        'deny denies denied denial false untrue inaccurate misleading wrong baseless never ' +
          'rejected rejects mischaracteriz+',
      ),
      ...['not true', 'not accurate', 'no evidence', 'did not', "didn't", 'has not', "hasn't"],
      ...['have not', 'was not', "wasn't", 'no knowledge'],
    ],
  },
  negation: { alternatives: list('not no never none nothing nobody neither nor') },
  accusation: {
    alternatives: [
      ...list(
        'accus+ alleg+ charged charges indict+ fraud* brib+ corrupt* illegal* unlawful* lied ' +
          'lying lie hid hiding violat+ crime crimes criminal murder* killed attacked attack ' +
          'attacks abuse* steal* stole blame blamed spying betray* rigged',
      ),
      ...['cover-up', 'cover up', 'covered-up', 'covered up', 'responsible for'],
    ],
  },
  'past-tense': {
    alternatives: list(
      'was were had did made met sent said told took gave went came left won lost led paid sold ' +
        'bought built cut put set hit began brought held kept spent struck fought wrote spoke ' +
        'became fell rose grew found ran saw knew thought flew drove chose froze shot stood ' +
        'sought taught caught broke shut quit split signed voted',
    ),
    suffix: { text: 'ed', minLength: 5 },
    unless: NOT_PAST_WORDS,
  },
  /** "I" is a capital: "i" in "i.e." is no first person. */
  'first-person-singular': {
    caseSensitive: true,
    alternatives: [...list('I me my mine'), ...apostrophes(['I'], ['m', 'll', 've', 'd'])],
  },
  'first-person-plural': {
    alternatives: [...list('we our ours us'), ...apostrophes(['we'], ['re', 've', 'll', 'd'])],
  },
  'second-person': {
    alternatives: [
      ...list('you your yours'),
      ...apostrophes(['y'], ['all']),
      ...apostrophes(['you'], ['re', 've', 'll', 'd']),
    ],
  },
  'future-or-modal': {
    alternatives: [
      ...list('will would could should might may must can shall gonna'),
      ...['going to', 'want to', 'hope to', 'plan to'],
    ],
  },
  opinion: {
    alternatives: [
      ...list(
        'think believe feel hope proud great terrific wonderful beautiful gorgeous amazing ' +
          'incredible terrible awful important critical crucial strongly condemn welcome ' +
          'appreciate optimistic deserve deserves dignity evil tragic sad angry love hate ' +
          'seriously clearly obviously frankly honestly unacceptable outrageous shameful ' +
          'heartbreaking priority values',
      ),
      'wrong with',
    ],
  },
  procedural: {
    alternatives: [
      ...list('thanks hello okay'),
      ...['thank you', 'hi everybody', 'go ahead', 'next question', 'all right', 'see you'],
      ...list('morning afternoon evening').map((w) => `good ${w}`),
      ...list('monday tuesday wednesday thursday friday').map((w) => `happy ${w}`),
      ...['follow-up', 'follow up'],
      ...['', 'a few ', 'some ', 'your '].map((w) => `take ${w}questions`),
      ...['have a good', 'with that', 'appreciate it', 'over to you', 'sit down', 'back to'],
      ...['at the top', 'let me start', 'one more', 'last question', 'bear with'],
    ],
  },
  deflection: {
    alternatives: [
      ...list('get speculate forecast comment go confirm').map((w) => `not going to ${w}`),
      'not going to get ahead',
      ...apostrophes(['don'], ['t have', 't want to speculate']),
      ...['nothing to announce', 'nothing to share', 'nothing more', 'no update', 'refer you'],
      ...apostrophes(['won'], ['t speculate', 't comment', 't get']),
      ...['not able to', 'not in a position to', 'get ahead of'],
      ...['have anything to share', 'have anything for you'],
      ...['leave it at', 'leave it there', 'too early to say'],
    ],
  },
  imperative: {
    anchored: true,
    alternatives: [
      ...apostrophes(['let'], ['s']),
      ...list('please talk get go join look come check take send call tell imagine remember'),
      ...list('require review train vote'),
      ...['let me', 'think about'],
      ...apostrophes(['don'], ['t']),
    ],
  },
  'report-or-study': {
    alternatives: list(
      'report reports reported reportedly study survey audit data figures record records ' +
        'indictment according estimate estimated estimates census poll analysis investigation ' +
        'finding findings document documents',
    ),
  },
});

/** `a'b` and `a’b` for every a and b. */
function apostrophes(before: readonly string[], after: readonly string[]): string[] {
  return before.flatMap((a) => after.flatMap((b) => [`${a}'${b}`, `${a}’${b}`]));
}

type LexiconName = Parameters<(typeof LEXICONS)['bit']>[0];

/** What a feature's pattern has beside its word list (`\d` for a figure), as a regular expression source. */
const EXTRA: Partial<Record<LexiconName, string>> = {
  number: String.raw`\d`,
  'large-number': String.raw`[$€£%]|\d{1,3}(?:,\d{3})+|\b\d{3,}\b`,
  date: String.raw`\b(?:19|20)\d\d\b`,
  negation: String.raw`n['’]t\b`,
  'future-or-modal': String.raw`\b['’]ll\b`,
};

/** The extra parts without the `i` flag, for lowercased text (or, for the date, text as written). */
const EXTRA_LOWER = new Map<LexiconName, RegExp>(
  Object.entries(EXTRA).map(([name, source]) => [name as LexiconName, new RegExp(source!, 'u')]),
);

/** Each lexicon with its extra part as one regular expression, for text matched as written. */
const REGEX = new Map<LexiconName, RegExp>();
for (const name of [
  'number',
  'large-number',
  'date',
  'speech-verb',
  'comparison',
  'denial',
  'negation',
  'accusation',
  'past-tense',
  'first-person-singular',
  'first-person-plural',
  'second-person',
  'future-or-modal',
  'opinion',
  'procedural',
  'deflection',
  'imperative',
  'report-or-study',
] as const) {
  const extra = EXTRA[name];
  const source = extra ? `${extra}|${LEXICONS.source(name)}` : LEXICONS.source(name);
  const caseSensitive = name === 'date' || name === 'first-person-singular';
  REGEX.set(name, new RegExp(source, caseSensitive ? 'u' : 'iu'));
}

/** Clock times and list numbers at the start, which are no figures ("10:30 a.m.", "1. "). */
const CLOCK_OR_LIST = /^\s*\d{1,2}[:.]\d{2}\s*[ap]\.?m\.?|^\s*\d+\.\s/u;
const CLOCK_OR_LIST_ANY = new RegExp(CLOCK_OR_LIST.source, 'iu');
const CAPTION =
  /^(?:photo|picture|image|file photo|video)\b|\((?:ap |reuters |afp )?(?:photo|picture)/u;
const CAPTION_ANY = new RegExp(CAPTION.source, 'iu');
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
export function wordCount(sentence: string): number {
  return countWords(sentence);
}

/** Each feature's position in the vector. */
const FEATURE_INDEX = new Map<FeatureName, number>(FEATURE_NAMES.map((name, i) => [name, i]));
const at = (name: FeatureName) => FEATURE_INDEX.get(name)!;
const LEXICON_FEATURES = [...REGEX.keys()].map((name) => ({
  name,
  index: at(name),
  bit: LEXICONS.bit(name),
  extra: EXTRA_LOWER.get(name) ?? null,
  any: REGEX.get(name)!,
  /** Matched in the text without clock times and list numbers. */
  numeric: name === 'number' || name === 'large-number',
  caseSensitive: name === 'date' || name === 'first-person-singular',
}));
const I_QUOTE = at('quote');
const I_ATTRIBUTED = at('attributed');
const I_NAMES = at('names');
const I_SHORT = at('short');
const I_LENGTH = at('length');
const I_QUESTIONER = at('questioner-turn');
const I_TRANSCRIPT = at('transcript');
const I_CAPTION = at('caption');
const I_NO_END = at('no-end-punctuation');

/**
 * The feature vector of one sentence (the text of a whole sentence, speaker
 * label removed), in {@link FEATURE_NAMES} order. Pure; never throws.
 */
export function claimFeatures(sentence: string, ctx: SentenceContext): Float64Array {
  const s = sentence.trim();
  const f = new Float64Array(FEATURE_NAMES.length);
  const words = wordCount(s);
  const lowered = !CASE_UNSAFE.test(s);
  const folded = lowered ? s.toLowerCase() : s;
  if (lowered) {
    const numberText = folded.replace(CLOCK_OR_LIST, ' ');
    // The word lists of the lowercased sentence; the date's and the first person's as written.
    const mask = LEXICONS.match(s, folded);
    for (const x of LEXICON_FEATURES) {
      let hit: boolean;
      if (x.numeric && numberText !== folded) hit = x.any.test(numberText);
      else
        hit =
          (mask & x.bit) !== 0 || (x.extra !== null && x.extra.test(x.caseSensitive ? s : folded));
      f[x.index] = hit ? 1 : 0;
    }
    f[I_CAPTION] = ctx.blockType === 'caption' || CAPTION.test(folded) ? 1 : 0;
  } else {
    // As written, with the `i` patterns (see "Case" above).
    const numberText = s.replace(CLOCK_OR_LIST_ANY, ' ');
    const pastText = s.replace(NOT_PAST_ANY, ' ');
    for (const x of LEXICON_FEATURES) {
      const target = x.numeric ? numberText : x.name === 'past-tense' ? pastText : s;
      f[x.index] = x.any.test(target) ? 1 : 0;
    }
    f[I_CAPTION] = ctx.blockType === 'caption' || CAPTION_ANY.test(s) ? 1 : 0;
  }
  f[I_QUOTE] = words >= 4 && hasQuotation(s) ? 1 : 0;
  f[I_ATTRIBUTED] = ctx.attributed ? 1 : 0;
  // Four names or more count alike, so the count stops at four.
  f[I_NAMES] = countUpTo(NAME_WORD, s, 4) / 4;
  f[I_SHORT] = words <= 5 ? 1 : 0;
  f[I_LENGTH] = Math.min(words, 40) / 40;
  f[I_QUESTIONER] = ctx.questioner ? 1 : 0;
  f[I_TRANSCRIPT] = ctx.inTranscript ? 1 : 0;
  f[I_NO_END] = END_PUNCTUATION.test(s) ? 0 : 1;
  return f;
}
