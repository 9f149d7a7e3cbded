/**
 * The benchmark's material, shared by every part of `npm run bench`:
 *
 * - {@link generateArticleText}: the default corpus, a seeded ~1 MB news article in the seed's
 *   format (`date YYYY-MM-DD <caption> <caption>` line, then paragraphs separated by blank
 *   lines, some ending in an embedded tweet's attribution). Sentences are drawn from a news
 *   vocabulary with quotations, figures, curly quotes and a few accented names, so stock
 *   phrases repeat the way they do in real reporting.
 * - {@link buildBenchSession}: a valid session over any article text with N annotations placed
 *   by the re-anchoring fixtures' seeded `placeAnnotations` (a clause to a few sentences, nested
 *   ones, repeated short quotes) — the first five on the opening paragraphs, so highlights are
 *   in view when the article opens, the rest over the whole text — of mixed kinds, with speakers, notes, tags, verdicts on half
 *   the claims and links from statements to the claim before them.
 *
 * The same seed, text and N always give the same session (ids and timestamps included).
 */
import type { Annotation, Link, Session, Speaker } from '../../shared/model/session';
import type { AnnotationKind, LinkRelation } from '../../shared/model/vocabulary';
import { makeArticle, seededRandom } from '../helpers/session-fixtures';
import { annotationOn, placeAnnotations } from '../shared/anchoring/annotation-fixtures';
import { createSession } from '../../shared/model/session';
import { isSeedFormat } from '../../shared/article/plain-text';

/** Seed of the default corpus. */
export const CORPUS_SEED = 20240312;
/** Seed of the annotation placement in sessions. */
export const SESSION_SEED = 4242;
/** How many annotations are placed on the opening {@link HEAD_CHARS} characters. */
const HEAD_ANNOTATIONS = 5;
const HEAD_CHARS = 400;
/** Fixed time stamped on everything generated. */
const TIME = '2024-03-12T09:00:00.000Z';

const PEOPLE = [
  'Minister Helena Varga',
  'Senator Tom Okafor',
  'the prime minister',
  'a spokesman for the ministry',
  'Governor Luis Peña',
  'the opposition leader',
  'Mayor Anaïs Dubois',
  'the central bank governor',
  'a senior official who asked not to be named',
  'the committee chairman',
  'Dr. Priya Raman',
  'the police commissioner',
];
const SUBJECTS = [
  'The government',
  'The ministry',
  'Officials',
  'The report',
  'The committee',
  'Critics',
  'The agency',
  'Analysts',
  'The audit',
  'Residents',
  'The company',
  'Investigators',
];
const VERBS = [
  'said that',
  'claimed that',
  'denied that',
  'confirmed that',
  'warned that',
  'insisted that',
  'acknowledged that',
  'argued that',
  'suggested that',
  'disputed that',
];
const CLAIMS = [
  'unemployment had fallen to its lowest level in {n} years',
  'the budget for schools would rise by {n} per cent next year',
  'crime in the capital had doubled since {y}',
  'the new bridge would cost {n} million euros',
  'no public money had been spent on the contract',
  'the hospital waiting list had grown by {n},000 patients',
  'the tax cut would pay for itself within {n} years',
  'the vaccine programme had reached {n} per cent of adults',
  'the border fence had stopped {n} per cent of crossings',
  'emissions had dropped every year since {y}',
  'the pension fund would run out of money by {y}',
  'the minister had met the lobbyists {n} times',
  'the water supply was safe to drink',
  'the contract had been awarded without a tender',
  'the figures had been checked by independent auditors',
  'food prices had risen faster than wages since {y}',
];
const TAILS = [
  'according to figures released on {d}',
  'in an interview with local radio',
  'during a heated session of parliament',
  'although the statistics office has published different numbers',
  'a claim that could not be independently verified',
  'citing a study that has not been published',
  'in a statement issued late on {d}',
  'at a press conference in the capital',
  'in remarks that drew immediate criticism',
  'without giving further details',
];
const OPENERS = [
  'However,',
  'Later,',
  'In response,',
  'By contrast,',
  'At the same time,',
  'Earlier this month,',
  'On {d},',
  'Meanwhile,',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'October'];
const HANDLES = ['HelenaVarga', 'TomOkaforMP', 'MinistryPress', 'LuisPenaGov'];

/**
 * A seeded article of about `targetChars` UTF-16 units in the seed's format. Deterministic:
 * the same seed and size give the same text.
 */
export function generateArticleText(targetChars = 1_000_000, seed = CORPUS_SEED): string {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const fill = (s: string) =>
    s
      .replace(/\{n\}/g, () => String(2 + Math.floor(random() * 97)))
      .replace(/\{y\}/g, () => String(1990 + Math.floor(random() * 34)))
      .replace(/\{d\}/g, () => `${1 + Math.floor(random() * 28)} ${pick(MONTHS)}`);
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const sentence = (): string => {
    const r = random();
    if (r < 0.3)
      return fill(`${cap(pick(PEOPLE))} ${pick(VERBS)} ${pick(CLAIMS)}, ${pick(TAILS)}.`);
    if (r < 0.5) return fill(`“${cap(pick(CLAIMS))},” ${pick(PEOPLE)} said ${pick(TAILS)}.`);
    if (r < 0.75)
      return fill(
        `${pick(OPENERS)} ${pick(SUBJECTS).toLowerCase()} ${pick(VERBS)} ${pick(CLAIMS)}.`,
      );
    return fill(`${pick(SUBJECTS)} ${pick(VERBS)} ${pick(CLAIMS)}, and ${pick(CLAIMS)}.`);
  };
  const caption =
    'Minister Helena Varga speaks to reporters outside parliament on Tuesday, 12 March 2024. (Photo: Staff)';
  const parts = [` date 2024-03-12 ${caption} ${caption}`];
  let size = parts[0]!.length;
  while (size < targetChars) {
    let para = '';
    for (let k = 1 + Math.floor(random() * 4); k > 0; k--) para += (para ? ' ' : '') + sentence();
    if (random() < 0.02) {
      const who = pick(HANDLES);
      para += ` — ${who.replace(/([a-z])([A-Z])/g, '$1 $2')} (@${who}) ${pick(MONTHS)} ${1 + Math.floor(random() * 28)}, 2024`;
    }
    parts.push(para);
    size += para.length + 2;
  }
  return parts.join('\n\n') + '\n';
}

const KIND_CYCLE: AnnotationKind[] = [
  'claim',
  'counter-statement',
  'claim',
  'evidence',
  'counter-statement',
  'context',
  'claim',
  'evidence',
];
const RELATIONS: LinkRelation[] = ['contradicts', 'supports', 'partially-addresses', 'responds-to'];
const VERDICTS = ['false', 'mostly-false', 'mixed', 'misleading', 'mostly-true', 'unverifiable'];

function benchSpeakers(): Speaker[] {
  return PEOPLE.slice(0, 8).map((name, i) => ({
    id: `speaker-${i}`,
    name,
    kind: 'person',
    role: i % 2 ? 'Official' : 'Politician',
    organisation: i % 3 ? 'Government' : '',
    aliases: [],
  }));
}

/**
 * A valid session over `text` (any plain text, normalised here) with `n` annotations placed as
 * described in the module comment, about n/2 links, speakers, notes, tags and verdicts. The
 * organisation and base URL are set and half the claims carry a verdict, so that ClaimReview can
 * be exported. Its id is
 * `bench-<n>`. Throws when the text is too short to place `n` annotations.
 */
export function buildBenchSession(
  text: string,
  n: number,
  fileName = 'bench-article.txt',
): Session {
  const article = makeArticle(text, fileName, 'article-bench');
  const session = createSession(`Benchmark review (${n} annotations)`, [article], 'Bench Reviewer');
  session.id = `bench-${n}`;
  session.createdAt = TIME;
  session.updatedAt = TIME;
  session.settings.organisationName = 'Bench Fact Desk';
  session.settings.organisationUrl = 'https://factdesk.example.org';
  session.settings.publicationBaseUrl = 'https://factdesk.example.org/reviews';
  session.speakers = benchSpeakers();
  // A few on the opening paragraphs come first, so that highlights are in view on open at
  // every N; the rest are spread over the whole text.
  // The seed format's first line (date and a repeated caption) is only partly shown, so a
  // reviewer cannot select in it: placement starts after it.
  const from16 = isSeedFormat(article.text) ? article.text.indexOf('\n\n') + 2 : 0;
  const head = Math.min(n, HEAD_ANNOTATIONS);
  const opening = placeAnnotations(
    article.text.slice(0, from16 + HEAD_CHARS),
    head,
    SESSION_SEED + 1,
    from16,
  );
  const placed = [
    ...opening.map((p) => ({
      ...p,
      annotation: annotationOn(article.text, p.start16, p.end16, p.annotation.id),
    })),
    ...placeAnnotations(article.text, n - head, SESSION_SEED, from16),
  ];
  if (placed.length < n) throw new Error(`could place only ${placed.length} of ${n} annotations`);
  const annotations: Annotation[] = [];
  const links: Link[] = [];
  let lastClaim: string | null = null;
  placed.forEach((p, i) => {
    const kind = KIND_CYCLE[i % KIND_CYCLE.length]!;
    const id = `ann-${i}`;
    annotations.push({
      ...p.annotation,
      id,
      kind,
      target: { ...p.annotation.target, articleId: article.id },
      speakerId: i % 4 === 3 ? null : `speaker-${i % 8}`,
      note:
        i % 3 === 0 ? `Checked against the record on ${1 + (i % 28)} March; see file ${i}.` : '',
      tags: i % 5 === 0 ? ['budget'] : i % 7 === 0 ? ['health', 'follow-up'] : [],
      verdict:
        kind === 'claim' && (i >> 3) % 2 === 0
          ? {
              stepId: VERDICTS[i % VERDICTS.length]!,
              rationale: `The figures for item ${i} do not match the published statistics.`,
            }
          : null,
      reviewer: 'Bench Reviewer',
      created: TIME,
      modified: TIME,
    });
    if (kind === 'claim') lastClaim = id;
    else if (lastClaim && kind !== 'context') {
      links.push({
        id: `link-${links.length}`,
        from: id,
        to: lastClaim,
        relation: RELATIONS[links.length % RELATIONS.length]!,
        note: links.length % 4 === 0 ? 'Same figure, other source.' : '',
        reviewer: 'Bench Reviewer',
        created: TIME,
        modified: TIME,
      });
    }
  });
  session.annotations = annotations;
  session.links = links;
  return session;
}
