/**
 * The finished seed review (issue 3's scenario), built programmatically with
 * fixed ids and times so that export goldens are stable.
 *
 * One claim by The Washington Post, three counter-statements (McMaster twice,
 * Tillerson) and Trump's tweet as evidence, four links pointing from each
 * statement to the claim, and a verdict with a rationale.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../shared/model/article';
import type { Annotation, Link, Session, Speaker } from '../../shared/model/session';
import { DEFAULT_METHODOLOGY } from '../../shared/model/session';
import { SCHEMA_VERSION } from '../../shared/model/session-schema';
import { DEFAULT_SCALE } from '../../shared/model/rating-scale';
import type { AnnotationKind, LinkRelation } from '../../shared/model/vocabulary';
import { normalizeNewlines, parsePlainText } from '../../shared/article/plain-text';
import { sha256Hex } from '../../shared/text/sha256';
import { CodePointIndex } from '../../shared/text/code-points';
import { validateSession } from '../../shared/session/validate-session';

export const SEED_FILE = fileURLToPath(
  new URL('../../seeds/2017-05-17-trump-shared-intelligence-with-russia.txt', import.meta.url),
);

/** Deterministic UUID v4-shaped id number `n` in group `g` (1 session, 2 article, 3 speaker, 4 annotation, 5 link). */
export function fixedId(g: number, n: number): string {
  return `0000000${g}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** A fixed timestamp `minutes` after 09:00 UTC on 18 May 2017. */
export function fixedTime(minutes: number): string {
  return new Date(Date.UTC(2017, 4, 18, 9, minutes)).toISOString();
}

export const REVIEWER = 'Maya Okafor';
export const GENERATED_AT = '2017-05-19T12:00:00.000Z';

/** The seed article as a session snapshot (canonical text = the file). */
export function buildSeedArticle(): Article {
  const text = normalizeNewlines(readFileSync(SEED_FILE, 'utf8'));
  const parsed = parsePlainText(text);
  return {
    id: fixedId(2, 1),
    meta: parsed.meta,
    text,
    sha256: sha256Hex(text),
    blocks: parsed.blocks,
    marks: parsed.marks,
    source: {
      format: parsed.format,
      fileName: '2017-05-17-trump-shared-intelligence-with-russia.txt',
      bytes: Buffer.byteLength(readFileSync(SEED_FILE)),
      importedAt: fixedTime(0),
    },
  };
}

const CONTEXT_CP = 32;

/**
 * An annotation on the first occurrence of `exact` in `article`, with
 * code-point selectors and 32 code points of prefix/suffix.
 */
export function annotateQuote(
  article: Article,
  exact: string,
  fields: Partial<Annotation> & { id: string; kind: AnnotationKind },
): Annotation {
  const at = article.text.indexOf(exact);
  if (at < 0) throw new Error(`quote not in article: ${exact}`);
  const idx = new CodePointIndex(article.text);
  const start = idx.toCodePoint(at);
  const end = idx.toCodePoint(at + exact.length);
  const cps = Array.from(article.text);
  return {
    speakerId: null,
    note: '',
    tags: [],
    verdict: null,
    reviewer: REVIEWER,
    created: fixedTime(1),
    modified: fixedTime(1),
    ...fields,
    target: {
      articleId: article.id,
      quote: {
        type: 'TextQuoteSelector',
        exact,
        prefix: cps.slice(Math.max(0, start - CONTEXT_CP), start).join(''),
        suffix: cps.slice(end, end + CONTEXT_CP).join(''),
      },
      position: { type: 'TextPositionSelector', start, end },
      status: 'anchored',
    },
  };
}

function speaker(
  n: number,
  name: string,
  kind: Speaker['kind'],
  role: string,
  organisation: string,
): Speaker {
  return { id: fixedId(3, n), name, kind, role, organisation, aliases: [] };
}

function link(n: number, from: string, to: string, relation: LinkRelation, note: string): Link {
  return {
    id: fixedId(5, n),
    from,
    to,
    relation,
    note,
    reviewer: REVIEWER,
    created: fixedTime(10 + n),
    modified: fixedTime(10 + n),
  };
}

export const CLAIM_ID = fixedId(4, 1);
export const CLAIM_TEXT =
  'the disclosures by the US President jeopardised a critical source of intelligence on the Islamic State';
export const VERDICT_RATIONALE =
  'Trump’s own tweet concedes that he shared information with Russian officials. The denials by McMaster and Tillerson are about “sources and methods”, which the report did not say were disclosed, so they do not rebut it. That the disclosure put the source at risk rests on current and former officials quoted anonymously and cannot be confirmed independently.';

/** The finished seed review: five annotations, four links, one verdict. Valid by `validateSession`. */
export function buildSeedReview(): Session {
  const article = buildSeedArticle();
  const speakers = [
    speaker(1, 'The Washington Post', 'organization', 'Newspaper', ''),
    speaker(2, 'H R McMaster', 'person', 'National Security Advisor', 'White House'),
    speaker(3, 'Rex Tillerson', 'person', 'Secretary of State', 'US State Department'),
    speaker(4, 'Donald J. Trump', 'person', 'President', 'United States'),
  ];
  const [post, mcMaster, tillerson, trump] = speakers.map((s) => s.id) as [
    string,
    string,
    string,
    string,
  ];
  const annotations: Annotation[] = [
    annotateQuote(article, CLAIM_TEXT, {
      id: CLAIM_ID,
      kind: 'claim',
      speakerId: post,
      tags: ['national security', 'intelligence'],
      note: 'Reported by The Washington Post on 15 May 2017, citing current and former US officials.',
      verdict: { stepId: 'mostly-true', rationale: VERDICT_RATIONALE },
      modified: fixedTime(30),
    }),
    annotateQuote(article, 'The story is false', {
      id: fixedId(4, 2),
      kind: 'counter-statement',
      speakerId: mcMaster,
      created: fixedTime(2),
      modified: fixedTime(2),
    }),
    annotateQuote(
      article,
      'At no time, at no time were intelligence sources or methods discussed',
      {
        id: fixedId(4, 3),
        kind: 'counter-statement',
        speakerId: mcMaster,
        note: 'Denies something the report did not allege.',
        created: fixedTime(3),
        modified: fixedTime(3),
      },
    ),
    annotateQuote(
      article,
      'US President Donald Trump did not discuss sources, methods or military operations',
      {
        id: fixedId(4, 4),
        kind: 'counter-statement',
        speakerId: tillerson,
        created: fixedTime(4),
        modified: fixedTime(4),
      },
    ),
    annotateQuote(
      article,
      'I wanted to share with Russia (at an openly scheduled W.H. meeting) which I have the absolute right to do',
      {
        id: fixedId(4, 5),
        kind: 'evidence',
        speakerId: trump,
        tags: ['tweet'],
        created: fixedTime(5),
        modified: fixedTime(5),
      },
    ),
  ];
  const links = [
    link(1, fixedId(4, 2), CLAIM_ID, 'contradicts', 'A flat denial, given without specifics.'),
    link(
      2,
      fixedId(4, 3),
      CLAIM_ID,
      'partially-addresses',
      'The report was about the content revealing the source, not about methods being named.',
    ),
    link(3, fixedId(4, 4), CLAIM_ID, 'partially-addresses', ''),
    link(
      4,
      fixedId(4, 5),
      CLAIM_ID,
      'supports',
      'Concedes that information was shared with Russia.',
    ),
  ];
  const session: Session = {
    schemaVersion: SCHEMA_VERSION,
    id: fixedId(1, 1),
    name: 'Did Trump’s disclosure to Russia endanger an intelligence source?',
    createdAt: fixedTime(0),
    updatedAt: fixedTime(30),
    revision: 12,
    settings: {
      reviewer: REVIEWER,
      organisationName: 'Example Fact Check Desk',
      organisationUrl: 'https://factcheck.example.org/',
      publicationBaseUrl: 'https://factcheck.example.org/checks/2017/trump-russia-disclosure',
      methodology: DEFAULT_METHODOLOGY,
    },
    scale: { ...DEFAULT_SCALE, steps: DEFAULT_SCALE.steps.map((s) => ({ ...s })) },
    articles: [article],
    speakers,
    annotations,
    links,
    view: { openArticleId: article.id, scroll: {} },
  };
  const valid = validateSession(session);
  if (!valid.ok) throw new Error(`seed review is not valid: ${valid.problems.join('; ')}`);
  return session;
}
