/**
 * Terms for the "seen before" search: a claim's words, normalised so that a
 * reworded claim meets its earlier review. Lowercase, accents folded; figures
 * written one way ("32,000" → "32000", "two" → "2", "%" and "per cent" →
 * "percent", "$" → "dollar"); common synonyms of news English mapped to one
 * word (reveal/disclose/share, killed/died, rose/increased, fired/dismissed…);
 * reporting verbs and stop words dropped, since who said it and how is not what
 * was claimed; then the Porter stemmer (the `stemmer` package).
 */
import { stemmer } from 'stemmer';

const NUMBER_WORDS: Record<string, string> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  fifteen: '15',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  sixty: '60',
  seventy: '70',
  eighty: '80',
  ninety: '90',
  hundred: '100',
  dozen: '12',
  twice: 'double',
  doubled: 'double',
  tripled: 'triple',
  mln: 'million',
  bn: 'billion',
  pct: 'percent',
  '%': 'percent',
  $: 'dollar',
  dollars: 'dollar',
  usd: 'dollar',
  '€': 'euro',
  euros: 'euro',
  '£': 'pound',
  half: '50percent',
};

/** Groups of words that mean the same in a claim; each maps to the group's first word. */
const SYNONYM_GROUPS = [
  'disclose reveal revealed disclosed share shared sharing divulge divulged leak leaked',
  'false untrue wrong incorrect inaccurate fake bogus lie lies',
  'kill killed kills die died dies dead death deaths fatal fatalities slain',
  'rise rose risen increase increased increases grow grew grown growth climb climbed jump jumped surge surged soared up higher',
  'fall fell fallen decrease decreased decline declined drop dropped dropping cut cuts slash slashed plunge plunged down lower',
  'dismiss dismissed fire fired sack sacked oust ousted remove removed',
  'us america american americans u.s united states usa',
  'president potus',
  'job jobs employment hiring hire hired workers payrolls',
  'buy bought purchase purchased',
  'spend spent spending expenditure',
  'big large huge massive',
  'child children kids kid',
  'ban banned prohibit prohibited outlaw outlawed',
  'meet met meeting talks',
  'investigation probe inquiry',
  'doctor doctors physician physicians',
  'vaccine vaccines vaccination shot shots jab jabs',
  'price prices cost costs',
  'tax taxes levy',
  'illegal unlawful',
  'immigrant immigrants migrant migrants',
  'troops soldiers forces',
  'attack attacked attacks strike struck strikes',
  'secret classified sensitive confidential',
  'information intelligence intel',
  'minister ministers secretary',
  'wage wages pay salary salaries earnings',
  'home homes house houses housing',
];

const SYNONYMS = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const [head, ...rest] = group.split(' ');
  for (const w of [head!, ...rest]) if (!SYNONYMS.has(w)) SYNONYMS.set(w, head!);
}

/** Reporting verbs and stop words: how it was said, not what was claimed. */
const DROPPED = new Set(
  (
    'said says say saying told tells stated states claimed claims claim asserted asserts insisted ' +
    'insists declared argued argues alleged alleges maintained maintains added noted wrote tweeted ' +
    'according reportedly report reported reports suggested suggests testified ' +
    'a an the and or but if of to in on at by for with from as is are was were be been being has have ' +
    'had do does did that this these those it its he she they them his her their we our you your i me ' +
    'my not no so than then there here which who whom what when where why how all any each more most ' +
    'some such only own same too very can will would could should may might must just also over into ' +
    'about after before again against because while during out off under until per'
  ).split(/\s+/),
);

const TOKEN = /[$%€£]|[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*/gu;

/** Normalised search terms of a text, in order (duplicates kept). Pure; never throws. */
export function claimTerms(text: string): string[] {
  const out: string[] = [];
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\bper cent\b/g, 'percent')
    .replace(/\bu\.s\.(?:a\.)?/g, 'us')
    .replace(/\bunited states\b/g, 'us');
  for (const m of folded.matchAll(TOKEN)) {
    let w = m[0].replace(/’/g, "'").replace(/'s$/, '');
    if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(w)) w = w.replace(/,/g, '');
    w = NUMBER_WORDS[w] ?? w;
    if (DROPPED.has(w)) continue;
    w = SYNONYMS.get(w) ?? w;
    if (/^\d/.test(w)) {
      out.push(w);
      continue;
    }
    out.push(stemmer(w.replace(/[.,']/g, '')));
  }
  return out;
}
