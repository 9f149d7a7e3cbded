/**
 * Names of people and organisations in news English, found by shape: runs of
 * capitalised words ("Rex Tillerson", "H R McMaster", "The Washington Post"),
 * with the titles written before a name split off as its role ("Secretary of
 * State Rex Tillerson" → role "Secretary of State", name "Rex Tillerson";
 * "FBI Director James Comey" → organisation "FBI", role "Director") and roles
 * given in an apposition after it ("Priya Nandakumar, chief economist at
 * Hartwell Advisors"). Places are told apart by their last word (Road, River,
 * County…) or not at all; callers rank names that the text attributes speech
 * to above the rest.
 *
 * Hand-written rather than a named-entity model: the lite English models that
 * ship in npm packages tag dates, numbers and parts of speech but not people,
 * and the shapes newsrooms write names in are few and regular.
 */
import { codePointAt, continuesWord, isLetterOrDigit, isWhiteSpace, lastWord } from './word-chars';

/** A name found in a text. Offsets are UTF-16 into the text the phrase was found in. */
export interface NamePhrase {
  /** The name without its title ("Rex Tillerson", "The Washington Post"). */
  name: string;
  kind: 'person' | 'organization';
  /** Title written with the name ("Secretary of State"), or '' */
  role: string;
  /** Organisation written with the name ("FBI", "Hartwell Advisors"), or '' */
  organisation: string;
  /** Where the name (without role) starts and ends. */
  start: number;
  end: number;
  /** Where the whole phrase, title included, starts. */
  phraseStart: number;
}

/** Words that make a title when they come before a name (case-insensitive). */
const ROLE_WORDS = new Set(
  (
    'president vice prime minister foreign interior defense defence finance justice health ' +
    'secretary state treasury national security advisor adviser director deputy assistant under ' +
    'ambassador senator sen sen. rep rep. representative congressman congresswoman governor gov gov. ' +
    'mayor chief attorney general gen gen. lt lt. col col. maj maj. adm adm. admiral brig brig. ' +
    'press spokesman spokeswoman spokesperson speaker leader majority minority opposition ' +
    'council councillor councilman councilwoman member commissioner judge justice sheriff police fire ' +
    'economist researcher professor prof prof. dr dr. mr mr. mrs mrs. ms ms. lawyer attorney ' +
    'former acting top senior coordinator communications strategic military ' +
    'special operations u.s. us uk u.n. un eu nato fbi cia ' +
    'russian american chinese israeli palestinian iranian ukrainian british french german japanese ' +
    'indian turkish saudi egyptian jordanian syrian iraqi afghan canadian mexican european ' +
    'labor labour executive ceo chair chairman chairwoman king queen prince ' +
    'pope bishop inspector auditor prosecutor district federal'
  ).split(' '),
);

/** Role nouns that end a title in an apposition: "chief economist", "a sleep researcher". */
const ROLE_NOUN =
  /^(?:economist|researcher|professor|director|spokesman|spokeswoman|spokesperson|official|minister|secretary|leader|volunteer|psychologist|lawyer|attorney|teacher|coordinator|adviser|advisor|president|chair|chairman|chairwoman|analyst|scientist|chief|ceo|founder|owner|member|critic|candidate|senator|governor|mayor|ambassador|commander|general|reporter|editor|correspondent|manager|head|officer|investigator|auditor|judge|doctor|physician|nurse|expert)s?$/i;

/** Title words that make no title alone ("the top Republican"). */
const ADJECTIVE_TITLE = new Set(
  'former acting top senior deputy assistant under vice chief special'.split(' '),
);

/** First words of place names. */
const PLACE_START =
  /^(?:North|South|East|West|Middle|Upper|Lower|New|Port|Fort|Saint|St|San|Santa|Los|Las|El|Mount|Lake|Cape)$/;

/** An initial: "H", "H.", "J.R." */
const INITIAL = /^(?:\p{Lu}\.?)+$/u;

/** Words that, coming last, make a capitalised run a place rather than a person. */
const PLACE_END =
  /^(?:Road|Street|St|Avenue|Ave|Boulevard|Highway|River|Creek|Lake|Island|Islands|Bay|Sea|Ocean|Mountain|Mountains|Valley|County|City|Town|Village|Region|Province|State|District|Park|Square|Bridge|Airport|Port|Flats|Hills|Heights|Room|Hall|Center|Centre|Church|Mosque|Temple|Palace|Base|Camp|Fort|Peninsula|Strait|Gulf|Coast|Desert|Forest|Canyon)$/;

/** Words that, coming last, make a capitalised run an organisation. */
const ORG_END =
  /^(?:Department|Ministry|Agency|Office|Council|Committee|Commission|Post|Times|News|Press|Journal|Herald|Tribune|Telegraph|Guardian|Gazette|Bureau|Administration|Institute|University|College|School|Party|Programme|Program|Union|Command|Corps|Company|Co|Inc|Corp|Corporation|Group|Bank|Service|Services|Court|Congress|Senate|Parliament|Assembly|Cabinet|Government|Foundation|Association|Society|Academy|Authority|Board|Organization|Organisation|Network|Advisors|Advisers|Partners|Holdings|Industries|Works|Steel|Motors|Airlines|Police|Army|Navy|Force|Guard|Crescent|Cross|Fund|Reserve|Tribunal|Club|League|Alliance|Coalition|Federation|Forum|Initiative|Center|Centre|House|Pentagon|Kremlin)$/;

/** Single words that are organisations on their own. */
const ORG_WORDS = new Set(
  'Reuters AP AFP Bloomberg NATO EU UN WHO FBI CIA NSA EPA CBO IRS NASA Pentagon Kremlin Congress Senate Parliament Interpol Hamas Hezbollah Taliban ISIS Google Facebook Twitter Microsoft Apple Amazon'.split(
    ' ',
  ),
);

/** Countries and places that read like names. */
const PLACE_WORDS = new Set(
  (
    'US|U.S.|USA|UK|U.K.|America|United States|Russia|China|Israel|Ukraine|Iran|Iraq|Syria|Jordan|' +
    'Egypt|Gaza|Europe|Africa|Asia|Japan|Korea|India|Pakistan|Afghanistan|Turkey|Saudi Arabia|Mexico|' +
    'Canada|Brazil|Germany|France|Britain|England|London|Paris|Moscow|Beijing|Kyiv|Kiev|Washington|' +
    'California|Texas|Florida|Ohio|United Kingdom|United Nations'
  ).split('|'),
);

/** Capitalised words that start sentences or name times, never people. */
const NOT_NAME = new Set(
  (
    'The A An This That These Those It Its In On At As After Before According But And Or If When While ' +
    'Since Today Yesterday Tomorrow Tonight Now Then There Here We I You He She They Our My Your His Her ' +
    'Their What Who Why How Where Which Okay OK Yes No Thanks Thank Good Well So Look Also Mr Mrs Ms Dr ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July ' +
    'August September October November December Photo Q Let Please Even Just One Two Three Some Many ' +
    'Every Each Both All Any Several Most More Other Another Last Next First Second Third Finally Meanwhile ' +
    'However Still Yet Once Over Under With Without From To For Of By About Against Between During Until ' +
    'Because Although Though Whether Neither Nor Not Never Nothing Everyone Everybody Somebody Anyone Sir ' +
    'Madam God Happy Sorry Great Right Sure Is Are Was Were Do Does Did Will Would Can Could Has Have ' +
    'Had Should Staff By Remarks Transcript Results Background Findings Recommendations Photo Briefing ' +
    'Release Room Conference Statement'
  ).split(' '),
);

const CAP_WORD = /^(?:\p{Lu}[\p{L}'’-]*|\p{Lu}\.(?:\p{Lu}\.)*|Mc\p{Lu}\p{L}*|O['’]\p{Lu}\p{L}*)$/u;
const PARTICLE = /^(?:of|the|de|da|del|van|von|der|al|bin|la|le|du)$/;
/** Letters followed by dots, each letter one: "U.S.", "H." (their dots stay on the word). */
const DOTTED_LETTERS = /^(?:\p{L}\.)+$/u;

interface Token {
  text: string;
  start: number;
  end: number;
  /** Position in the token list. */
  index: number;
}

/*
 * The tokens are those of the pattern
 *
 *   /[\p{L}\p{N}][\p{L}\p{N}.'’-]*|[^\s\p{L}\p{N}]/gu
 *
 * (a word, see word-chars.ts, or one character that is neither white space
 * nor a letter or digit), scanned by hand into a list of offsets. A 1.2 MB
 * text has a quarter of a million tokens, and most are lowercase words or
 * punctuation that no name starts with: building a match array, a string and
 * an object for each (as `matchAll` and a list of token objects did) was half
 * of the whole suggestion time, mostly in the garbage collector. A token's
 * string is sliced, and its object built, only when a test needs them.
 */

/** ASCII characters' classes for the tokenizer: white space, other, `.'-` (continue a word), letter or digit. */
const SPACE = 0;
const OTHER = 1;
const CONTINUES = 2;
const WORD = 3;
const ASCII_CLASS = new Uint8Array(128).map((_, c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    ? WORD
    : c === 46 || c === 39 || c === 45
      ? CONTINUES
      : c === 32 || (c >= 9 && c <= 13)
        ? SPACE
        : OTHER,
);

/** Token flags: {@link isCap}, {@link isRoleWord}. */
const CAP = 1;
const ROLE = 2;

/** The tokens of `text[from, to)` as offsets; see the comment above. */
class TokenList {
  /**
   * Start and end of each token, and its flags (CAP, ROLE). Every token is
   * at least one unit long, so `to - from` slots would always suffice; prose
   * has about one token in five characters, so the arrays start at a third
   * of that and grow when needed (two arrays of the text's length were 10 MB
   * for a 1.2 MB text, reason enough for the garbage collector to run).
   */
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;
  length = 0;

  constructor(
    readonly text: string,
    from: number,
    to: number,
  ) {
    const capacity = Math.max(0, Math.min(to - from, Math.ceil((to - from) / 3) + 16));
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    // ASCII is classified by table, in line; any other code point by word-chars.ts.
    let i = from;
    while (i < to) {
      const start = i;
      const c = text.charCodeAt(i);
      if (c < 128) {
        const k = ASCII_CLASS[c]!;
        i++;
        if (k === SPACE) continue;
        if (k !== WORD) {
          this.push(start, i, 0);
          continue;
        }
      } else {
        const cp = codePointAt(text, i, to);
        i += cp > 0xffff ? 2 : 1;
        if (!isLetterOrDigit(cp)) {
          if (!isWhiteSpace(cp)) this.push(start, i, 0);
          continue;
        }
      }
      while (i < to) {
        const d = text.charCodeAt(i);
        if (d < 128) {
          if (ASCII_CLASS[d]! < CONTINUES) break;
          i++;
        } else {
          const cp = codePointAt(text, i, to);
          if (!continuesWord(cp)) break;
          i += cp > 0xffff ? 2 : 1;
        }
      }
      this.pushWord(start, i);
    }
  }

  private push(start: number, end: number, flags: number): void {
    if (this.length === this.starts.length) this.grow();
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.flags[this.length] = flags;
    this.length++;
  }

  private grow(): void {
    const n = this.starts.length * 2 + 16;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    const flags = new Uint8Array(n);
    starts.set(this.starts);
    ends.set(this.ends);
    flags.set(this.flags);
    this.starts = starts;
    this.ends = ends;
    this.flags = flags;
  }

  /**
   * Push a scanned word, splitting a sentence's full stop and a possessive
   * `'s` off it. The pieces split off ("." and "'s") are neither capitalised
   * nor title words: their flags are 0.
   */
  private pushWord(start: number, rawEnd: number): void {
    const text = this.text;
    let end = rawEnd;
    // "Post." at a sentence end is the word "Post" and a full stop; "U.S." and "H." keep theirs.
    if (
      end - start > 2 &&
      text.charCodeAt(end - 1) === 46 /* . */ &&
      !dottedLetters(text, start, end)
    ) {
      end--;
    }
    // "Trump's" is the word "Trump" and "'s"; a two-letter word keeps its "s".
    if (end - start > 2 && text.charCodeAt(end - 1) === 115 /* s */) {
      const q = text.charCodeAt(end - 2);
      if (q === 39 || q === 0x2019) end -= 2;
    }
    this.push(
      start,
      end,
      (capAt(text, start, end) ? CAP : 0) | (isRoleAt(text, start, end) ? ROLE : 0),
    );
    if (end < rawEnd) this.push(end, rawEnd, 0);
  }

  /** The token's text. */
  textOf(i: number): string {
    return this.text.slice(this.starts[i]!, this.ends[i]!);
  }

  /** The token as an object, or undefined outside the list. */
  token(i: number): Token | undefined {
    if (i < 0 || i >= this.length) return undefined;
    return { text: this.textOf(i), start: this.starts[i]!, end: this.ends[i]!, index: i };
  }

  /** {@link isCap} of token `i`; false outside the list. */
  cap(i: number): boolean {
    return i >= 0 && i < this.length && (this.flags[i]! & CAP) !== 0;
  }

  /** {@link isRoleWord} of token `i`; false outside the list. */
  role(i: number): boolean {
    return i >= 0 && i < this.length && (this.flags[i]! & ROLE) !== 0;
  }

  /** Whether token `i` is a {@link PARTICLE}. */
  particle(i: number): boolean {
    const n = this.ends[i]! - this.starts[i]!;
    // Every particle has two or three letters.
    return n >= 2 && n <= 3 && PARTICLE.test(this.textOf(i));
  }

  /** Whether token `i` is the one character `c`. */
  isChar(i: number, c: number): boolean {
    return (
      i < this.length &&
      this.ends[i]! - this.starts[i]! === 1 &&
      this.text.charCodeAt(this.starts[i]!) === c
    );
  }
}

/**
 * {@link DOTTED_LETTERS} of `text[start, end)`: letters each followed by a
 * dot. ASCII is checked by hand; anything else by the pattern.
 */
function dottedLetters(text: string, start: number, end: number): boolean {
  if ((end - start) % 2 === 0) {
    let ascii = true;
    let shape = true;
    for (let i = start; i < end; i += 2) {
      const c = text.charCodeAt(i);
      const d = text.charCodeAt(i + 1);
      if (c >= 128 || d >= 128) {
        ascii = false;
        break;
      }
      if (d !== 46 || !((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) shape = false;
    }
    if (ascii) return shape;
  } else {
    // Odd length: an ASCII text cannot be letter-dot pairs; another may (an astral letter is two units).
    let ascii = true;
    for (let i = start; i < end; i++) if (text.charCodeAt(i) >= 128) ascii = false;
    if (ascii) return false;
  }
  return DOTTED_LETTERS.test(text.slice(start, end));
}

/**
 * {@link CAP_WORD} of `text[start, end)` (a word token). Every form starts
 * with a capital letter, so a token that starts with a lowercase ASCII
 * letter, a digit or ASCII punctuation (most tokens) is answered at once.
 * For a token that starts with an ASCII capital: letters, apostrophes and
 * hyphens after it make the first form ("McMaster", "O’Neil"); a digit makes
 * none ("FN123"); capitals each followed by a dot make the second ("U.S.").
 * Anything else is matched by the pattern.
 */
function capAt(text: string, start: number, end: number): boolean {
  const c0 = text.charCodeAt(start);
  if (!mayBeCap(c0)) return false;
  if (c0 < 128) {
    let plain = true;
    let digit = false;
    let other = false;
    for (let i = start + 1; i < end; i++) {
      const c = text.charCodeAt(i);
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 45 || c === 0x2019)
        continue;
      plain = false;
      if (c >= 48 && c <= 57) digit = true;
      else if (c !== 46) other = true;
    }
    if (plain) return true;
    if (digit) return false;
    if (!other && upperDotted(text, start, end)) return true;
  }
  return CAP_WORD.test(text.slice(start, end));
}

/** Whether `text[start, end)` is ASCII capitals each followed by a dot ("U.S.", "H."). */
function upperDotted(text: string, start: number, end: number): boolean {
  if ((end - start) % 2 !== 0) return false;
  for (let i = start; i < end; i += 2) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90 || text.charCodeAt(i + 1) !== 46) return false;
  }
  return true;
}

/** Word and punctuation tokens of `text[from, to)`, trailing dots kept only on initials and abbreviations. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const list = new TokenList(text, from, to);
  const out: Token[] = [];
  for (let i = 0; i < list.length; i++) out.push(list.token(i)!);
  return out;
}

/**
 * Whether a token starting with UTF-16 unit `c` can be capitalised. Every form
 * of {@link CAP_WORD} starts with a capital letter, so a token that starts with
 * a lowercase ASCII letter, a digit or ASCII punctuation (most tokens) is
 * answered without the pattern.
 */
function mayBeCap(c: number): boolean {
  return c >= 128 || (c >= 65 && c <= 90);
}

function isCap(t: Token | undefined): boolean {
  return !!t && mayBeCap(t.text.charCodeAt(0)) && CAP_WORD.test(t.text);
}

/** The role words by length and first letter (index `length * 128 + first`), for {@link isRoleAt}. */
const ROLE_MAX_LENGTH = Math.max(...[...ROLE_WORDS].map((w) => w.length));
const ROLE_WORDS_BY_SHAPE: Array<string[] | undefined> = [];
for (const w of ROLE_WORDS) {
  const key = w.length * 128 + w.charCodeAt(0);
  ROLE_WORDS_BY_SHAPE[key] = [...(ROLE_WORDS_BY_SHAPE[key] ?? []), w];
}

/**
 * Whether `text[start, end)` lowercased is a role word, as
 * `ROLE_WORDS.has(word.toLowerCase())`, without slicing an ASCII token: most
 * tokens are compared with the few role words of their length and first
 * letter, or with none. (Role words are lowercase ASCII; for ASCII,
 * lowercasing is A–Z to a–z.) A token with any other character is sliced and
 * lowercased as usual.
 */
function isRoleAt(text: string, start: number, end: number): boolean {
  // Lowercasing never shortens a word (İ grows to two units), so a longer one is no role word.
  if (end - start > ROLE_MAX_LENGTH) return false;
  const first = text.charCodeAt(start);
  // Role words are ASCII, and only U+212A (K) lowercases into ASCII from outside it: a token
  // whose first character is ASCII can only be a role word of its length and first letter.
  if (first < 128 && !ROLE_WORDS_BY_SHAPE[(end - start) * 128 + lowerAscii(first)]) return false;
  for (let i = start; i < end; i++)
    if (text.charCodeAt(i) >= 128) return ROLE_WORDS.has(text.slice(start, end).toLowerCase());
  const candidates = ROLE_WORDS_BY_SHAPE[(end - start) * 128 + lowerAscii(first)];
  if (!candidates) return false;
  outer: for (const w of candidates) {
    for (let i = start + 1; i < end; i++)
      if (lowerAscii(text.charCodeAt(i)) !== w.charCodeAt(i - start)) continue outer;
    return true;
  }
  return false;
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Whether a word is a title word ("Minister", "Secretary"), which names no one alone. */
export function isTitleWord(word: string): boolean {
  return ROLE_WORDS.has(word.toLowerCase());
}

function isRoleWord(t: Token | undefined): boolean {
  return !!t && ROLE_WORDS.has(t.text.toLowerCase());
}

/** An acronym that names an organisation alone: "FBI", "NATO". */
const ACRONYM = /^\p{Lu}{2,5}$/u;

/** {@link ACRONYM} of a word: ASCII by hand, anything else by the pattern. */
function isAcronym(w: string): boolean {
  let ascii = true;
  let upper = true;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128) ascii = false;
    else if (c < 65 || c > 90) upper = false;
  }
  return ascii ? upper && w.length >= 2 && w.length <= 5 : ACRONYM.test(w);
}

/** The kind of a capitalised run by its words; null when it is most likely a place or no name. */
function kindOf(words: string[]): 'person' | 'organization' | null {
  const last = words[words.length - 1]!;
  if (words.length === 1 && ORG_WORDS.has(last)) return 'organization';
  if ((ORG_END.test(last) && words.length > 1) || words.some((w) => ORG_WORDS.has(w)))
    return 'organization';
  if (words.length === 1 && ACRONYM.test(last)) return 'organization';
  if (PLACE_END.test(last) || words.length > 4) return null;
  if (words.length === 1 && ORG_END.test(last)) return null;
  // People's names have lowercase letters, but for initials: no "P.M. EST", no "KIRBY".
  if (!words.every((w) => /\p{Ll}/u.test(w) || INITIAL.test(w) || PARTICLE.test(w))) return null;
  return 'person';
}

/** Whether `text[from, to)` (the few characters between two tokens) holds a line break. */
function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/**
 * Every name phrase in `text[from, to)`, in order. A run of capitalised words
 * is split into title and name, and an apposition after a person's name gives
 * a role and an organisation when it has the shape ", (a|the)? ROLE (at|of) ORG,".
 */
export function findNamePhrases(text: string, from = 0, to = text.length): NamePhrase[] {
  const tokens = new TokenList(text, from, to);
  const flags = tokens.flags;
  const out: NamePhrase[] = [];
  let i = 0;
  while (i < tokens.length) {
    if ((flags[i]! & (CAP | ROLE)) === 0) {
      i++;
      continue;
    }
    // A run: capitalised words and title words on one line, particles only between words.
    let j = i + 1;
    while (
      j < tokens.length &&
      !hasNewline(text, tokens.ends[j - 1]!, tokens.starts[j]!) &&
      (tokens.cap(j) ||
        tokens.role(j) ||
        (tokens.particle(j) && (tokens.cap(j + 1) || tokens.role(j + 1))))
    ) {
      j++;
    }
    const phrase = splitRun(text, tokens, i, j, to);
    i = j;
    if (phrase) out.push(phrase);
  }
  return withSurnameMentions(tokens, out);
}

/**
 * Add the bare surnames of people named in full ("Trump" after "Donald
 * Trump"), each as a mention of the full name, and return all in text order.
 */
function withSurnameMentions(tokens: TokenList, phrases: NamePhrase[]): NamePhrase[] {
  const bySurname = new Map<string, NamePhrase>();
  for (const p of phrases) {
    if (p.kind !== 'person' || !/\s/u.test(p.name)) continue;
    const last = lastWord(p.name);
    const known = bySurname.get(last);
    if (!known || (!known.role && p.role)) bySurname.set(last, p);
  }
  if (!bySurname.size) return phrases;
  const taken = new Set(phrases.map((p) => p.end));
  const mentions: NamePhrase[] = [];
  const flags = tokens.flags;
  for (let i = 0; i < tokens.length; i++) {
    // A surname is the last word of a name (a name's words are separated by white space, so
    // its last word is its last token), a capitalised token: other tokens are not looked up.
    if ((flags[i]! & CAP) === 0) continue;
    const start = tokens.starts[i]!;
    const end = tokens.ends[i]!;
    const full = bySurname.get(tokens.textOf(i));
    if (!full || taken.has(end)) continue;
    if (tokens.cap(i - 1) || tokens.cap(i + 1)) continue;
    mentions.push({ ...full, start, end, phraseStart: start, name: full.name });
  }
  // Both lists are in text order: merged as the stable sort of `[...phrases, ...mentions]` by start.
  const out: NamePhrase[] = [];
  let p = 0;
  let m = 0;
  while (p < phrases.length || m < mentions.length) {
    if (m === mentions.length || (p < phrases.length && phrases[p]!.start <= mentions[m]!.start))
      out.push(phrases[p++]!);
    else out.push(mentions[m++]!);
  }
  return out;
}

/** The name phrase in `tokens[i, j)`, or null when the run names no person or organisation. */
function splitRun(
  text: string,
  tokens: TokenList,
  i: number,
  j: number,
  to: number,
): NamePhrase | null {
  // Most runs are one capitalised word ("The", "Section", "Manafort"). Alone, a word
  // names something only as an organisation ("FBI", "Reuters"): a lone word is a person
  // only with a title, and a one-word run has none. So a word that is neither a known
  // organisation nor an acronym gets null here, as the steps below would give it,
  // without building the run.
  if (j === i + 1) {
    const word = tokens.textOf(i);
    if (!ORG_WORDS.has(word) && !isAcronym(word)) return null;
  }
  let run: Token[] = [];
  for (let k = i; k < j; k++) run.push(tokens.token(k)!);
  // A turn label ("MR. KIRBY:") is not a name in the text.
  if (tokens.isChar(j, 58 /* : */) && run.every((t) => t.text === t.text.toUpperCase()))
    return null;
  while (run.length && (NOT_NAME.has(run[0]!.text) || PARTICLE.test(run[0]!.text)))
    run = run.slice(1);
  let k = 0;
  while (k < run.length - 1 && (isRoleWord(run[k]) || PARTICLE.test(run[k]!.text))) k++;
  // "Department of Defense", "Treasury Department": an organisation word anywhere names the whole run.
  const orgWord = run.findIndex(
    (t, n) => ORG_END.test(t.text) && (n === run.length - 1 || run[n + 1]!.text === 'of'),
  );
  if (run.length > 1 && orgWord >= 0 && isCap(run[run.length - 1])) {
    const before = tokens.token(run[0]!.index - 1);
    const first = before?.text === 'The' ? before : run[0]!;
    const last = run[run.length - 1]!;
    return {
      name: text.slice(first.start, last.end),
      kind: 'organization',
      role: '',
      organisation: '',
      start: first.start,
      end: last.end,
      phraseStart: first.start,
    };
  }
  const titleTokens = run.slice(0, k);
  // "the director of Brantford": a title of a place or body, not a person's name.
  if (titleTokens[titleTokens.length - 1]?.text === 'of') return null;
  let nameTokens = run.slice(k);
  while (nameTokens.length && PARTICLE.test(nameTokens[0]!.text)) nameTokens = nameTokens.slice(1);
  while (nameTokens.length && !isCap(nameTokens[nameTokens.length - 1])) nameTokens.pop();
  if (!nameTokens.length || !nameTokens.every((t) => isCap(t) || PARTICLE.test(t.text)))
    return null;
  const words = nameTokens.map((t) => t.text);
  if (words.every((w) => INITIAL.test(w) || isTitleWord(w))) return null;
  if (PLACE_WORDS.has(words.join(' ')) || PLACE_START.test(words[0]!)) return null;
  if (PLACE_WORDS.has(run.map((t) => t.text).join(' '))) return null;
  if (words.length === 1 && NOT_NAME.has(words[0]!)) return null;
  const kind = kindOf(words);
  if (!kind) return null;
  const titleWords = titleTokens.map((t) => t.text).filter((w) => !PARTICLE.test(w) || w === 'of');
  while (titleWords.length && titleWords[titleWords.length - 1] === 'of') titleWords.pop();
  const hasTitle = titleWords.some((w) => !ADJECTIVE_TITLE.has(w.toLowerCase()));
  // A lone word is a person only with a title ("Director Comey"); bare surnames are
  // resolved by the attribution finder, and bare capitalised words are too often places.
  if (kind === 'person' && words.length === 1 && !hasTitle) return null;
  let organisation = '';
  let role = '';
  if (kind === 'person') {
    // "FBI Director": an acronym in front of the title is the organisation.
    const acronym = /^\p{Lu}{2,}$/u.test(titleWords[0] ?? '') && !PLACE_WORDS.has(titleWords[0]!);
    if (acronym && titleWords.length > 1) {
      organisation = titleWords[0]!;
      role = titleWords.slice(1).join(' ');
    } else {
      role = titleWords.join(' ');
    }
    if (/^(?:mr|mrs|ms|dr|sir)\.?$/i.test(role)) role = '';
    // A title that is only a country ("U.S.") says nothing about the person's role.
    if (titleWords.every((w) => PLACE_WORDS.has(w))) role = '';
  }
  const before = tokens.token(nameTokens[0]!.index - 1);
  const first = kind === 'organization' && before?.text === 'The' ? before : nameTokens[0]!;
  const last = nameTokens[nameTokens.length - 1]!;
  const phrase: NamePhrase = {
    name: text.slice(first.start, last.end),
    kind,
    role,
    organisation,
    start: first.start,
    end: last.end,
    phraseStart: (titleTokens[0] ?? first).start,
  };
  if (kind === 'person') {
    const app = apposition(text, phrase.end, to);
    if (app) {
      if (!phrase.role) phrase.role = app.role;
      if (!phrase.organisation) phrase.organisation = app.organisation;
    }
  }
  return phrase;
}

const APPOSITION =
  /^,\s+(?:(?:a|an|the)\s+)?((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)(?:\s+(?:at|of|for|with|in)\s+(?:the\s+)?((?:\p{Lu}[\p{L}&'’.-]*\s?){1,6}))?(?=[,.;]|\s+who\b|\s+(?:said|says|told)\b)/u;

/** ", chief economist at Hartwell Advisors," after a name: its role and organisation. */
function apposition(
  text: string,
  at: number,
  to: number,
): { role: string; organisation: string } | null {
  // The pattern starts with the comma: most names are followed by something else.
  if (at >= to || text.charCodeAt(at) !== 44 /* , */) return null;
  const m = APPOSITION.exec(text.slice(at, Math.min(to, at + 160)));
  if (!m) return null;
  const roleWords = m[1]!.trim().split(/\s+/);
  if (!ROLE_NOUN.test(roleWords[roleWords.length - 1]!)) return null;
  return { role: m[1]!.trim(), organisation: (m[2] ?? '').trim() };
}

/**
 * The phrases of `names` (sorted by start, as findNamePhrases returns them)
 * that lie within `[start, end)`. Binary search: O(log n + k).
 */
export function namesWithin(
  names: readonly NamePhrase[],
  start: number,
  end: number,
): NamePhrase[] {
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (names[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: NamePhrase[] = [];
  for (let i = lo; i < names.length && names[i]!.start < end; i++) {
    if (names[i]!.end <= end) out.push(names[i]!);
  }
  return out;
}
