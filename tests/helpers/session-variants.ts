/**
 * Harder sessions for the export tests, built on the seed review:
 * - {@link buildStressReview}: a second article with emoji (astral code
 *   points), combining characters and a URL with `&`; a claim spanning two
 *   paragraphs; hostile text (`<script>`, `</style>`, `"><img onerror>`,
 *   formula starts, quotes, commas, newlines) in notes, tags, a speaker's
 *   name, the methodology and the session name; an orphaned annotation; a
 *   link across articles; an unrated claim with nothing linked.
 * - {@link buildLargeReview}: N annotations on one long text, for linearity checks.
 */
import type { Article } from '../../shared/model/article';
import type { Annotation, Link, Session } from '../../shared/model/session';
import { parsePlainText } from '../../shared/article/plain-text';
import { sha256Hex } from '../../shared/text/sha256';
import { validateSession } from '../../shared/session/validate-session';
import {
  annotateQuote,
  buildSeedReview,
  CLAIM_ID,
  fixedId,
  fixedTime,
  REVIEWER,
} from './seed-review';

export const HOSTILE = {
  script: '<script>window.__pwned = 1</script>',
  style: '</style><style>body{display:none}</style>',
  img: '"><img src=x onerror="window.__pwned=2">',
};

export const EMOJI_TEXT = [
  'Café owners 😀 said the minister’s plan was “unworkable”, adding: the tax will double by 2020 🇺🇸.',
  'Officials replied that the rate rises by half,\nnot double, and only for large firms.',
  'A spokesman said: “We never proposed doubling anything.” Critics disagreed, e.g. naïve “reforms”.',
].join('\n\n');

function article2(): Article {
  const parsed = parsePlainText(EMOJI_TEXT);
  return {
    id: fixedId(2, 2),
    meta: {
      ...parsed.meta,
      title: 'Tax row 😀 & <b>“reforms”</b>',
      outlet: 'The <i>Gazette</i>',
      url: 'https://example.com/news/tax?id=1&lang=en',
      date: '2020-01-02',
      byline: '',
    },
    text: EMOJI_TEXT,
    sha256: sha256Hex(EMOJI_TEXT),
    blocks: parsed.blocks,
    marks: [],
    source: {
      format: 'text',
      fileName: 'tax.txt',
      bytes: new TextEncoder().encode(EMOJI_TEXT).length,
      importedAt: fixedTime(0),
    },
  };
}

/** The seed review plus a second, hostile, emoji-laden article (see the module comment). Valid. */
export function buildStressReview(): Session {
  const s = buildSeedReview();
  const a2 = article2();
  const hostileSpeaker = {
    id: fixedId(3, 9),
    name: `Ann ${HOSTILE.img}`,
    kind: 'person' as const,
    role: HOSTILE.script,
    organisation: '',
    aliases: [],
  };
  const spanning = annotateQuote(
    a2,
    'the tax will double by 2020 🇺🇸.\n\nOfficials replied that the rate rises by half',
    {
      id: fixedId(4, 11),
      kind: 'claim',
      speakerId: hostileSpeaker.id,
      note: `${HOSTILE.script}\n\nLine two, with "quotes", commas, and an emoji 🧪.\n=HYPERLINK("http://evil")`,
      tags: ['+tag', 'a;b', HOSTILE.style],
      verdict: { stepId: 'false', rationale: `@SUM(1) ${HOSTILE.img}` },
    },
  );
  const denial = annotateQuote(a2, 'We never proposed doubling anything.', {
    id: fixedId(4, 12),
    kind: 'counter-statement',
    note: '-leading minus',
  });
  const unrated = annotateQuote(a2, 'naïve “reforms”', { id: fixedId(4, 13), kind: 'claim' });
  const context = annotateQuote(a2, 'only for large firms', {
    id: fixedId(4, 14),
    kind: 'context',
    note: "'quoted",
  });
  const orphan: Annotation = {
    ...annotateQuote(a2, 'Café owners', {
      id: fixedId(4, 15),
      kind: 'evidence',
      note: 'Was in an earlier version.',
    }),
  };
  orphan.target = {
    ...orphan.target,
    quote: {
      type: 'TextQuoteSelector',
      exact: 'a sentence that was removed',
      prefix: 'Before ',
      suffix: ' after',
    },
    status: 'orphaned',
  };
  const links: Link[] = [
    {
      id: fixedId(5, 11),
      from: denial.id,
      to: spanning.id,
      relation: 'contradicts',
      note: HOSTILE.script,
      reviewer: REVIEWER,
      created: fixedTime(40),
      modified: fixedTime(41),
    },
    {
      id: fixedId(5, 12),
      from: spanning.id,
      to: CLAIM_ID,
      relation: 'same-claim-as',
      note: '',
      reviewer: 'Second <Reviewer>',
      created: fixedTime(42),
      modified: fixedTime(42),
    },
    {
      id: fixedId(5, 13),
      from: orphan.id,
      to: spanning.id,
      relation: 'supports',
      note: 'from an orphan',
      reviewer: REVIEWER,
      created: fixedTime(43),
      modified: fixedTime(43),
    },
  ];
  const session: Session = {
    ...s,
    name: `Stress <review> ${HOSTILE.style}`,
    settings: {
      ...s.settings,
      methodology: `We checked everything.\n\n${HOSTILE.style} ${HOSTILE.script}`,
    },
    articles: [...s.articles, a2],
    speakers: [...s.speakers, hostileSpeaker],
    annotations: [...s.annotations, spanning, denial, unrated, context, orphan],
    links: [...s.links, ...links],
  };
  const valid = validateSession(session);
  if (!valid.ok) throw new Error(`stress review is not valid: ${valid.problems.join('; ')}`);
  return session;
}

/**
 * The seed review's shape scaled up: one article of `paragraphs` generated
 * paragraphs and `n` annotations (every fifth a claim with a verdict, the
 * others linked to the claim before them). Built in O(n).
 */
export function buildLargeReview(n: number): Session {
  const s = buildSeedReview();
  const paras: string[] = [];
  for (let i = 0; i < n; i++)
    paras.push(
      `Paragraph ${i}: the official said the figure was ${i * 7} per cent, a claim others disputed.`,
    );
  const text = paras.join('\n\n');
  const parsed = parsePlainText(text);
  const article: Article = {
    ...s.articles[0]!,
    id: fixedId(2, 7),
    text,
    sha256: sha256Hex(text),
    blocks: parsed.blocks,
    marks: [],
  };
  const annotations: Annotation[] = [];
  const links: Link[] = [];
  let offset = 0;
  let lastClaim = '';
  for (let i = 0; i < n; i++) {
    const p = paras[i]!;
    const start = offset + p.indexOf('the official');
    const exact = p.slice(p.indexOf('the official'), p.indexOf(', a claim'));
    const isClaim = i % 5 === 0;
    const id = fixedId(6, i + 1);
    annotations.push({
      id,
      kind: isClaim ? 'claim' : i % 5 === 4 ? 'evidence' : 'counter-statement',
      target: {
        articleId: article.id,
        quote: {
          type: 'TextQuoteSelector',
          exact,
          prefix: text.slice(Math.max(0, start - 32), start),
          suffix: text.slice(start + exact.length, start + exact.length + 32),
        },
        position: { type: 'TextPositionSelector', start, end: start + exact.length },
        status: 'anchored',
      },
      speakerId: s.speakers[i % s.speakers.length]!.id,
      note: i % 3 === 0 ? `Note ${i}` : '',
      tags: i % 4 === 0 ? ['t'] : [],
      verdict: isClaim ? { stepId: 'mixed', rationale: `Rationale ${i}` } : null,
      reviewer: REVIEWER,
      created: fixedTime(1),
      modified: fixedTime(1),
    });
    if (isClaim) lastClaim = id;
    else
      links.push({
        id: fixedId(7, i + 1),
        from: id,
        to: lastClaim,
        relation: i % 2 ? 'contradicts' : 'supports',
        note: '',
        reviewer: REVIEWER,
        created: fixedTime(2),
        modified: fixedTime(2),
      });
    offset += p.length + 2;
  }
  return {
    ...s,
    articles: [article],
    annotations,
    links,
    view: { openArticleId: article.id, scroll: {} },
  };
}
