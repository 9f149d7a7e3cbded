/**
 * Who a sentence attributes its words to: "H R McMaster told reporters",
 * "Tillerson said", "said Senator Owen Pritchard", "according to The
 * Washington Post", "his lawyer, Sara Whitcombe, said", "he said" (the person
 * last named before it). A bare surname resolves to the full name the article
 * gives elsewhere ("Tillerson" → "Rex Tillerson").
 *
 * Patterns over name shapes rather than a parser: see name-phrases.ts for why.
 */
import { isTitleWord, namesWithin, type NamePhrase } from './name-phrases';
import { lastWord } from './word-chars';

/** An attribution found in a sentence. Offsets are UTF-16 into the text. */
export interface Attribution {
  /** The name as the article gives it in full where it can ("Rex Tillerson"). */
  name: string;
  kind: 'person' | 'organization';
  role: string;
  organisation: string;
  /** The words that attribute: "H R McMaster told reporters", "according to The Washington Post". */
  evidence: string;
}

/** Verbs of saying and reporting, in the forms news copy uses. */
export const SPEECH_VERB =
  /\b(?:said|says|say|told|tells|stated|states|added|adds|announced|announces|claimed|claims|alleged|alleges|insisted|insists|argued|argues|explained|explains|noted|notes|warned|warns|wrote|writes|tweeted|testified|acknowledged|acknowledges|admitted|admits|denied|denies|confirmed|confirms|replied|responded|asserted|asserts|declared|maintained|stressed|reported|reports|estimated|estimates|found|finds|accused|accuses|rejected|rejects|concluded|cautioned|promised|pledged|countered|recalled|disputed|conceded|predicted|suggested|complained)\b/gu;

const PRONOUN_BEFORE = /\b(he|she|they)\s+(?:also\s+|later\s+|then\s+)?$/iu;
const CAP_BEFORE =
  /(\p{Lu}[\p{L}'’-]+)(?:['’]s\s+(?:office|lawyer|spokes(?:man|woman|person)|campaign|government|ministry))?\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|have\s+)?$/u;
const ACCORDING_TO = /\baccording to\s+/giu;
/**
 * Every match of {@link ACCORDING_TO} holds these letters in some case (with
 * `iu` they match no other character), so a sentence without them, most
 * sentences, is not searched with it.
 */
const ACCORDING = /according/i;

interface NameLookup {
  /** The fullest person name (preferring one with a role) by lowercase surname or whole name. */
  bySurname: Map<string, NamePhrase>;
  /** A phrase with a role, by name. */
  withRole: Map<string, NamePhrase>;
}

const lookups = new WeakMap<readonly NamePhrase[], NameLookup>();

/** Lookups over an article's names, built once per names array. */
function lookupOf(names: readonly NamePhrase[]): NameLookup {
  let l = lookups.get(names);
  if (l) return l;
  l = { bySurname: new Map(), withRole: new Map() };
  const offer = (key: string, n: NamePhrase) => {
    const best = l.bySurname.get(key);
    if (!best || n.name.length > best.name.length || (!best.role && n.role && n.name === best.name))
      l.bySurname.set(key, n);
  };
  for (const n of names) {
    if (n.role && !l.withRole.has(n.name)) l.withRole.set(n.name, n);
    // Keyed by the surname, then by the whole name when that is longer.
    const lower = n.name.toLowerCase();
    const surname = lastWord(lower);
    offer(surname, n);
    if (lower !== surname) offer(lower, n);
  }
  lookups.set(names, l);
  return l;
}

/** Resolve a surname ("Tillerson") to the fullest person name in `names` ending with it. */
export function resolveSurname(word: string, names: readonly NamePhrase[]): NamePhrase | null {
  return lookupOf(names).bySurname.get(word.toLowerCase()) ?? null;
}

function fromPhrase(p: NamePhrase, names: readonly NamePhrase[], evidence: string): Attribution {
  // Prefer the fullest form of the same name, and a form that carries a role.
  const full = p.kind === 'person' ? (resolveSurname(lastWord(p.name), names) ?? p) : p;
  const withRole = lookupOf(names).withRole.get(full.name) ?? full;
  return {
    name: full.name.length >= p.name.length ? full.name : p.name,
    kind: p.kind,
    role: p.role || withRole.role,
    organisation: p.organisation || withRole.organisation,
    evidence,
  };
}

/**
 * The attribution inside `text[start, end)` (one sentence), or null.
 * `names` are the article's name phrases (from findNamePhrases over the whole
 * text); `previousPerson` resolves "he said"/"she said".
 */
export function findAttribution(
  text: string,
  start: number,
  end: number,
  names: readonly NamePhrase[],
  previousPerson: NamePhrase | null = null,
): Attribution | null {
  const sentence = text.slice(start, end);
  const inside = namesWithin(names, start, end);
  ACCORDING_TO.lastIndex = 0;
  for (const m of ACCORDING.test(sentence) ? sentence.matchAll(ACCORDING_TO) : []) {
    const after = start + m.index + m[0].length;
    // "according to a report in The Washington Post": the first name within a few words.
    const p = inside.find((n) => n.phraseStart >= after && n.phraseStart - after < 40);
    if (p) return fromPhrase(p, names, text.slice(start + m.index, p.end));
  }
  SPEECH_VERB.lastIndex = 0;
  for (const m of sentence.matchAll(SPEECH_VERB)) {
    const verbStart = start + m.index;
    const verbEnd = verbStart + m[0].length;
    // Inverted: `said Senator Owen Pritchard`.
    const after = inside.find((n) => n.phraseStart >= verbEnd && n.phraseStart - verbEnd <= 2);
    if (after) return fromPhrase(after, names, text.slice(verbStart, after.end));
    // `McMaster told`, `Sara Whitcombe, said`, `Priya Nandakumar, chief economist at X, said`.
    const before = inside
      .filter((n) => n.end <= verbStart)
      .sort((a, b) => b.end - a.end)
      .find((n) => {
        const gap = text.slice(n.end, verbStart);
        return (
          /^(?:['’]s\s+(?:office|lawyer|spokes\w+))?\s*(?:also\s+|later\s+|then\s+|has\s+|had\s+)?$/u.test(
            gap,
          ) || /^,[^,“”"]{1,90},\s*(?:also\s+)?$/u.test(gap)
        );
      });
    if (before) return fromPhrase(before, names, text.slice(before.phraseStart, verbEnd));
    const head = text.slice(Math.max(start, verbStart - 60), verbStart);
    const cap = CAP_BEFORE.exec(head);
    if (
      cap &&
      !/^(?:The|It|This|That|There|We|I|You|They|He|She)$/.test(cap[1]!) &&
      !isTitleWord(cap[1]!)
    ) {
      const resolved = resolveSurname(cap[1]!, names);
      const evidence = text.slice(verbStart - (head.length - cap.index), verbEnd);
      if (resolved) return fromPhrase(resolved, names, evidence);
      if (inside.length === 0 || !/^\p{Lu}{2,}$/u.test(cap[1]!)) {
        return { name: cap[1]!, kind: 'person', role: '', organisation: '', evidence };
      }
    }
    const pronoun = PRONOUN_BEFORE.exec(head);
    if (pronoun && previousPerson && !/^they$/i.test(pronoun[1]!)) {
      return fromPhrase(previousPerson, names, text.slice(verbStart - pronoun[0].length, verbEnd));
    }
  }
  return null;
}
