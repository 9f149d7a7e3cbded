/**
 * Word lists matched the way a regular expression `\b(?:w1|w2|…)\b` (flag `u`)
 * matches them, by looking the sentence's words up in a map instead of trying
 * every alternative at every position. The claim features (claim-features.ts)
 * test some twenty lists on every sentence of a text; run as regular
 * expressions they were a third of the suggestion time on a 1.2 MB text.
 *
 * ## What a list may hold
 * An alternative is ASCII words joined by single separator characters, as a
 * regular expression would spell it literally: `said`, `according to`,
 * `didn't`, `cover-up`, `we’re`. A one-word alternative may end in `*` (any
 * further word characters: `fraud*` is `fraud\w*`) or `+` (at least one more:
 * `accus+` is `accus\w+`). A list may also take any word of at least
 * `suffix.minLength` characters ending in `suffix.text` (`\w{3,}ed`), except
 * the words it lists in `unless`; and it may be `anchored` (`^(?:…)\b`: only
 * at the very start).
 *
 * ## Why a lookup gives the same answer
 * Under `u` without `i`, `\w` is `[A-Za-z0-9_]` and `\b` lies between a `\w`
 * and a non-`\w` character. Every alternative starts and ends with a word
 * character, so `\b…\b` holds only where the alternative's first word starts
 * a maximal run of `\w` characters and its last word ends one; the separators
 * inside are not `\w`, so each inner word is a whole run too and each
 * separator the whole stretch between two runs. A match is therefore a
 * sequence of whole runs, compared word for word, and that is what
 * {@link WordLexicons.match} compares, over the runs that one native `split`
 * gives.
 *
 * Case: the case-insensitive lists are written in lowercase and matched
 * against the sentence lowercased (claim-features.ts decides when that is
 * the same as the `i` flag and otherwise uses {@link WordLexicons.regex});
 * a case-sensitive list is looked up by its lowercased words and each word is
 * then compared as written. Lowercasing keeps every offset where it matters:
 * apart from U+0130 and U+212A (which claim-features.ts never lowercases) no
 * character changes length or turns into or out of `[A-Za-z0-9_]`.
 */

/** One word list; see the module comment for the syntax of its alternatives. */
export interface LexiconSpec {
  alternatives: readonly string[];
  /** Compare the words as written (default: the text is lowercased, the words are lowercase). */
  caseSensitive?: boolean;
  /** Only an alternative that starts the text counts: `^(?:…)\b`. */
  anchored?: boolean;
  /** Also any word of at least `minLength` characters that ends in `text`: `\w{minLength-len}…`. */
  suffix?: { text: string; minLength: number };
  /** Words that never count for this list (taken out of the text before it is matched). */
  unless?: readonly string[];
}

/** An alternative split into words and the separators between them. */
interface Alternative {
  bit: number;
  words: string[];
  separators: string[];
  caseSensitive: boolean;
  anchored: boolean;
}

interface PrefixRule {
  bit: number;
  prefix: string;
  minLength: number;
}

interface SuffixRule {
  bit: number;
  text: string;
  minLength: number;
  unless: ReadonlySet<string>;
}

const ALTERNATIVE = /^[A-Za-z0-9]+(?:[ '’-][A-Za-z0-9]+)*[*+]?$/;
/** Maximal runs of `\w` and of everything else: the words sit at even indices. */
const RUNS = /([^A-Za-z0-9_]+)/;

/** The key of a word's first four (ASCII) characters, for the prefix rules. */
function key4(w: string): number {
  return (
    ((w.charCodeAt(0) * 128 + w.charCodeAt(1)) * 128 + w.charCodeAt(2)) * 128 + w.charCodeAt(3)
  );
}

/** A set of named word lists, matched together in one pass over a sentence's words. */
export class WordLexicons<K extends string> {
  /**
   * By word: the bits of the lists that have it as a case-insensitive,
   * unanchored one-word alternative, and every other alternative whose first
   * word it is (lowercased).
   */
  private readonly words = new Map<string, { bits: number; phrases: Alternative[] }>();
  /** Prefix alternatives (`fraud*`), by the key of their first four characters. */
  private readonly prefixes = new Map<number, PrefixRule[]>();
  private readonly suffixes: SuffixRule[] = [];
  private readonly bits = new Map<K, number>();
  private readonly sources = new Map<K, string>();

  constructor(specs: Record<K, LexiconSpec>) {
    let bit = 1;
    for (const name of Object.keys(specs) as K[]) {
      const spec = specs[name];
      if (bit > 2 ** 30) throw new Error('too many word lists for one bit mask');
      this.bits.set(name, bit);
      this.sources.set(name, this.add(bit, spec));
      bit *= 2;
    }
  }

  /** Register one list under `bit`; returns the regular expression source it stands for. */
  private add(bit: number, spec: LexiconSpec): string {
    const caseSensitive = !!spec.caseSensitive;
    const anchored = !!spec.anchored;
    const sources: string[] = [];
    for (const alt of spec.alternatives) {
      if (!ALTERNATIVE.test(alt)) throw new Error(`not a word-list alternative: ${alt}`);
      if (!caseSensitive && alt !== alt.toLowerCase())
        throw new Error(`a case-insensitive alternative must be lowercase: ${alt}`);
      const last = alt[alt.length - 1];
      if (last === '*' || last === '+') {
        const prefix = alt.slice(0, -1);
        if (prefix.length < 4 || /[^a-z0-9]/.test(prefix) || caseSensitive || anchored)
          throw new Error(
            `prefix alternatives are lowercase words of four characters or more: ${alt}`,
          );
        const rule = { bit, prefix, minLength: prefix.length + (last === '+' ? 1 : 0) };
        const k = key4(prefix);
        this.prefixes.set(k, [...(this.prefixes.get(k) ?? []), rule]);
        sources.push(`${prefix}\\w${last}`);
        continue;
      }
      const parts = alt.split(/([ '’-])/);
      const words = parts.filter((_, i) => i % 2 === 0);
      const separators = parts.filter((_, i) => i % 2 === 1);
      sources.push(alt);
      const first = words[0]!.toLowerCase();
      let entry = this.words.get(first);
      if (!entry) this.words.set(first, (entry = { bits: 0, phrases: [] }));
      if (words.length === 1 && !caseSensitive && !anchored) entry.bits |= bit;
      else entry.phrases.push({ bit, words, separators, caseSensitive, anchored });
    }
    if (spec.suffix) {
      const { text, minLength } = spec.suffix;
      // `unless` takes words out of the whole list; here it is only checked against the suffix.
      for (const w of spec.unless ?? [])
        if (spec.alternatives.includes(w)) throw new Error(`"${w}" is both listed and excepted`);
      this.suffixes.push({ bit, text, minLength, unless: new Set(spec.unless ?? []) });
      sources.push(`\\w{${minLength - text.length},}${text}`);
    } else if (spec.unless) {
      throw new Error('`unless` applies to a suffix rule only');
    }
    return `${anchored ? '^' : '\\b'}(?:${sources.join('|')})\\b`;
  }

  /** The bit of list `name` in {@link match}'s result. */
  bit(name: K): number {
    return this.bits.get(name)!;
  }

  /**
   * The regular expression source list `name` stands for (`\b(?:…)\b`), the
   * words of `unless` not included (a caller that matches by the expression
   * takes them out of the text first).
   */
  source(name: K): string {
    return this.sources.get(name)!;
  }

  /**
   * The bits of the lists that have a match in the text. `lower` is the text
   * lowercased, `text` the text as written, of the same length (see the
   * module comment); case-insensitive lists are matched in `lower`,
   * case-sensitive ones in `text`.
   */
  match(text: string, lower: string): number {
    const parts = lower.split(RUNS);
    const words = this.words;
    const prefixes = this.prefixes;
    const suffixes = this.suffixes;
    let mask = 0;
    let offset = 0;
    for (let k = 0; k < parts.length; k += 2) {
      const w = parts[k]!;
      const n = w.length;
      if (n > 0) {
        const entry = words.get(w);
        if (entry !== undefined) {
          mask |= entry.bits;
          const phrases = entry.phrases;
          for (let p = 0; p < phrases.length; p++) {
            const alt = phrases[p]!;
            if ((mask & alt.bit) === 0 && matchesAt(alt, parts, k, text, offset)) mask |= alt.bit;
          }
        }
        if (n >= 4) {
          const rules = prefixes.get(key4(w));
          if (rules !== undefined) {
            for (let r = 0; r < rules.length; r++) {
              const rule = rules[r]!;
              if (n >= rule.minLength && w.startsWith(rule.prefix)) mask |= rule.bit;
            }
          }
        }
        for (let r = 0; r < suffixes.length; r++) {
          const rule = suffixes[r]!;
          if (n >= rule.minLength && w.endsWith(rule.text) && !rule.unless.has(w)) mask |= rule.bit;
        }
      }
      offset += n + (k + 1 < parts.length ? parts[k + 1]!.length : 0);
    }
    return mask;
  }
}

/** Whether `alt` matches the runs from `parts[k]` on, the first starting at `offset` of `text`. */
function matchesAt(
  alt: Alternative,
  parts: readonly string[],
  k: number,
  text: string,
  offset: number,
): boolean {
  if (alt.anchored && (k !== 0 || offset !== 0)) return false;
  const words = alt.words;
  if (k + 2 * (words.length - 1) >= parts.length) return false;
  let at = offset;
  for (let m = 0; m < words.length; m++) {
    const w = parts[k + 2 * m]!;
    if (m > 0) {
      const sep = parts[k + 2 * m - 1]!;
      if (sep !== alt.separators[m - 1]) return false;
      at += sep.length;
    }
    if (alt.caseSensitive) {
      if (w.length !== words[m]!.length || !text.startsWith(words[m]!, at)) return false;
    } else if (w !== words[m]) {
      return false;
    }
    at += w.length;
  }
  return true;
}
