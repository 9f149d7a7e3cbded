/**
 * Titles, headlines, bylines and dates from the opening of real-looking
 * articles (issue 9, defects 6 and 14): news pages pasted as text, White House
 * briefing transcripts and statements (as pasted, and in the seed format with
 * a headline instead of a doubled caption), seed-format photo captions, and
 * texts that have no headline at all. Each case states what a reader would
 * call the title, and what the article shows as its first blocks.
 */
import { describe, expect, it } from 'vitest';
import { parsePlainText } from '../../../shared/article/plain-text';
import { bylineOfLine, dateOfLine, isHeadlineLine } from '../../../shared/article/article-opening';
import { firstSentence } from '../../../shared/article/article-title';
import { articleToDoc } from '../../../shared/article/article-doc';

interface Case {
  name: string;
  text: string;
  title: string;
  byline?: string;
  date?: string;
  /** The first blocks, as [type, text]. */
  first: [string, string][];
}

const BODY =
  'President Trump revealed highly classified information to the Russian foreign minister and ambassador in a White House meeting last week, according to current and former U.S. officials.';

const CASES: Case[] = [
  {
    name: 'news page pasted as text: headline, byline, date, body (blank lines between)',
    text: `Trump revealed highly classified information to Russian foreign minister and ambassador\n\nBy Greg Miller and Greg Jaffe\n\nMay 15, 2017 at 7:08 p.m. EDT\n\n${BODY}\n\nThe information had been provided by a U.S. partner.`,
    title:
      'Trump revealed highly classified information to Russian foreign minister and ambassador',
    byline: 'Greg Miller and Greg Jaffe',
    date: '2017-05-15',
    first: [
      [
        'heading',
        'Trump revealed highly classified information to Russian foreign minister and ambassador',
      ],
      ['paragraph', BODY],
    ],
  },
  {
    name: 'news page pasted as text: one line each, capitals byline, dateline in the body',
    text: `Comey Memo Says Trump Asked Him to End Flynn Investigation\nBy MICHAEL S. SCHMIDT\nMAY 16, 2017\nWASHINGTON — President Trump asked the F.B.I. director, James B. Comey, to shut down the federal investigation into Michael T. Flynn.`,
    title: 'Comey Memo Says Trump Asked Him to End Flynn Investigation',
    byline: 'MICHAEL S. SCHMIDT',
    date: '2017-05-16',
    first: [
      ['heading', 'Comey Memo Says Trump Asked Him to End Flynn Investigation'],
      [
        'paragraph',
        'WASHINGTON — President Trump asked the F.B.I. director, James B. Comey, to shut down the federal investigation into Michael T. Flynn.',
      ],
    ],
  },
  {
    name: 'news page with a section label, a byline with outlet, and an updated time',
    text: `POLITICS\n\nSenate passes the spending bill after an all-night session\n\nBy Jane Doe | Reuters\n\nUpdated 5:32 AM ET, Wed May 17, 2017\n\nThe Senate passed the bill 51-49 early on Wednesday.`,
    title: 'Senate passes the spending bill after an all-night session',
    byline: 'Jane Doe | Reuters',
    date: '2017-05-17',
    first: [
      ['paragraph', 'POLITICS'],
      ['heading', 'Senate passes the spending bill after an all-night session'],
      ['paragraph', 'The Senate passed the bill 51-49 early on Wednesday.'],
    ],
  },
  {
    name: 'headline that is a question, byline with a date on the same line',
    text: `Did the president share secrets with Russia?\n\nBy Ann Lee, May 17, 2017\n\nThe short answer is yes.`,
    title: 'Did the president share secrets with Russia?',
    byline: 'Ann Lee',
    date: '2017-05-17',
    first: [
      ['heading', 'Did the president share secrets with Russia?'],
      ['paragraph', 'The short answer is yes.'],
    ],
  },
  {
    name: 'White House briefing transcript pasted from the current site',
    text: `Press Briefing by Press Secretary Karine Jean-Pierre and National Security Advisor Jake Sullivan\nMay 16, 2023•Press Briefings\nJames S. Brady Press Briefing Room\n\n1:37 P.M. EDT\n\nMS. JEAN-PIERRE: Good afternoon, everyone. Okay. So, we have a special guest.`,
    title:
      'Press Briefing by Press Secretary Karine Jean-Pierre and National Security Advisor Jake Sullivan',
    date: '2023-05-16',
    first: [
      [
        'heading',
        'Press Briefing by Press Secretary Karine Jean-Pierre and National Security Advisor Jake Sullivan',
      ],
      ['paragraph', 'James S. Brady Press Briefing Room'],
      ['paragraph', '1:37 P.M. EDT'],
    ],
  },
  {
    name: 'White House release of 2017: office furniture, then a headline in capitals',
    text: `THE WHITE HOUSE\nOffice of the Press Secretary\nFor Immediate Release\nMay 16, 2017\n\nPRESS BRIEFING BY NATIONAL SECURITY ADVISOR H.R. MCMASTER\n\nJames S. Brady Press Briefing Room\n\n1:33 P.M. EDT\n\nGENERAL MCMASTER: Well, good afternoon, everybody.`,
    title: 'PRESS BRIEFING BY NATIONAL SECURITY ADVISOR H.R. MCMASTER',
    date: '2017-05-16',
    first: [
      ['paragraph', 'THE WHITE HOUSE'],
      ['paragraph', 'Office of the Press Secretary'],
      ['paragraph', 'For Immediate Release'],
      ['heading', 'PRESS BRIEFING BY NATIONAL SECURITY ADVISOR H.R. MCMASTER'],
      ['paragraph', 'James S. Brady Press Briefing Room'],
    ],
  },
  {
    name: 'seed format: a briefing transcript whose first line is its headline, not a caption',
    text: `date 2017-05-16 Press Briefing by National Security Advisor H.R. McMaster\nJames S. Brady Press Briefing Room\n1:33 P.M. EDT\nGENERAL MCMASTER: Well, good afternoon, everybody. The story that came out tonight as reported is false.`,
    title: 'Press Briefing by National Security Advisor H.R. McMaster',
    date: '2017-05-16',
    first: [
      ['heading', 'Press Briefing by National Security Advisor H.R. McMaster'],
      ['paragraph', 'James S. Brady Press Briefing Room'],
      ['paragraph', '1:33 P.M. EDT'],
    ],
  },
  {
    name: 'seed format: a statement whose second line is a section label in capitals',
    text: `date 2017-05-18 Statement by the Press Secretary on the Visit of President Erdogan of Turkey\nNATIONAL SECURITY COUNCIL\nPresident Donald J. Trump welcomed President Recep Tayyip Erdogan of Turkey to the White House on May 16.`,
    title: 'Statement by the Press Secretary on the Visit of President Erdogan of Turkey',
    date: '2017-05-18',
    first: [
      ['heading', 'Statement by the Press Secretary on the Visit of President Erdogan of Turkey'],
      ['paragraph', 'NATIONAL SECURITY COUNCIL'],
    ],
  },
  {
    name: 'seed format: a doubled photo caption stays a caption; the title comes from the body',
    text: `date 2017-05-17 Protesters gather outside the parliament in Kyiv. (Photo via AP) Protesters gather outside the parliament in Kyiv. (Photo via AP)\nParliament voted on Tuesday to extend the emergency, the speaker said. The vote was close.`,
    title: 'Parliament voted on Tuesday to extend the emergency, the speaker said',
    date: '2017-05-17',
    first: [
      ['caption', 'Protesters gather outside the parliament in Kyiv. (Photo via AP)'],
      [
        'paragraph',
        'Parliament voted on Tuesday to extend the emergency, the speaker said. The vote was close.',
      ],
    ],
  },
  {
    name: 'seed format: a caption written once, with a photo credit and no full stop, stays a caption',
    text: `date 2020-01-02 Protesters in Kyiv on Sunday (AP Photo/Efrem Lukatsky)\nParliament voted to extend the emergency.`,
    title: 'Parliament voted to extend the emergency',
    date: '2020-01-02',
    first: [
      ['caption', 'Protesters in Kyiv on Sunday (AP Photo/Efrem Lukatsky)'],
      ['paragraph', 'Parliament voted to extend the emergency.'],
    ],
  },
  {
    name: 'transcript without a headline: location and time lines are passed over for the title',
    text: `James S. Brady Press Briefing Room\n\n1:15 P.M. EDT\n\nMR. SPICER: Good afternoon. I hope everyone had a great weekend.`,
    title: 'MR. SPICER: Good afternoon',
    first: [
      ['paragraph', 'James S. Brady Press Briefing Room'],
      ['paragraph', '1:15 P.M. EDT'],
      ['paragraph', 'MR. SPICER: Good afternoon. I hope everyone had a great weekend.'],
    ],
  },
  {
    name: 'no headline: the first sentence, not cut at initials',
    text: `Gen. H.R. McMaster spoke in the James S. Brady Press Briefing Room on Tuesday. He took questions.`,
    title: 'Gen. H.R. McMaster spoke in the James S. Brady Press Briefing Room on Tuesday',
    first: [
      [
        'paragraph',
        'Gen. H.R. McMaster spoke in the James S. Brady Press Briefing Room on Tuesday. He took questions.',
      ],
    ],
  },
  {
    name: 'no headline: a hard-wrapped first paragraph is not a headline',
    text: `The minister said on Tuesday that unemployment had fallen to a record\nlow in March, the lowest figure since the survey began.\n\nEconomists disagreed.`,
    title: 'The minister said on Tuesday that unemployment had fallen to a record low in March',
    first: [
      [
        'paragraph',
        'The minister said on Tuesday that unemployment had fallen to a record\nlow in March, the lowest figure since the survey began.',
      ],
    ],
  },
  {
    name: 'a body that starts with "By" and a year is not a byline',
    text: `By 2030, emissions must fall by half, the report says.\n\nIt was published on Monday.`,
    title: 'By 2030, emissions must fall by half, the report says',
    first: [['paragraph', 'By 2030, emissions must fall by half, the report says.']],
  },
  {
    name: 'a long first sentence without a clause break is kept whole, never cut with an ellipsis',
    text: `${'Officials '.repeat(14)}said nothing at the meeting that was held on the third floor of the building yesterday.\n\nMore.`,
    title: `${'Officials '.repeat(14)}said nothing at the meeting that was held on the third floor of the building yesterday`,
    first: [
      [
        'paragraph',
        `${'Officials '.repeat(14)}said nothing at the meeting that was held on the third floor of the building yesterday.`,
      ],
    ],
  },
];

describe('the opening of an article: title, headline, byline, date', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const p = parsePlainText(c.text);
      expect(p.text).toBe(c.text);
      expect(p.meta.title).toBe(c.title);
      expect(p.meta.title).not.toMatch(/…$/);
      expect(p.meta.byline).toBe(c.byline ?? '');
      expect(p.meta.date).toBe(c.date ?? '');
      expect(
        p.blocks.slice(0, c.first.length).map((b) => [b.type, p.text.slice(b.start, b.end)]),
      ).toEqual(c.first);
      // The headline is shown once: as the article's first heading, not again as a paragraph.
      const paragraphs = p.blocks
        .filter((b) => b.type === 'paragraph')
        .map((b) => p.text.slice(b.start, b.end));
      expect(paragraphs).not.toContain(c.title);
      if (c.byline) expect(paragraphs.join('\n')).not.toContain(c.byline);
      articleToDoc(p).doc.check();
    });
  }
});

describe('line readers', () => {
  const dates: [string, string | null][] = [
    ['May 15, 2017', '2017-05-15'],
    ['MAY 16, 2017', '2017-05-16'],
    ['15 May 2017', '2017-05-15'],
    ['Published 7:08 p.m. EDT, Wed May 17, 2017', '2017-05-17'],
    ['May 16, 2023•Press Briefings', '2023-05-16'],
    ['2017-05-17', '2017-05-17'],
    ['Sept. 3, 2019 at 10:00 a.m.', '2019-09-03'],
    ['February 30, 2017', null],
    ['The vote on May 16, 2017 was close and the Senate adjourned.', null],
    ['May the force be with you', null],
  ];
  for (const [line, iso] of dates)
    it(`date of “${line}”`, () => expect(dateOfLine(line)).toBe(iso));

  const bylines: [string, string | null][] = [
    ['By Greg Miller and Greg Jaffe', 'Greg Miller and Greg Jaffe'],
    ['BY MICHAEL S. SCHMIDT', 'MICHAEL S. SCHMIDT'],
    ['By Jane Doe, CNN', 'Jane Doe, CNN'],
    ['By Ludwig van Beethoven', 'Ludwig van Beethoven'],
    ['By 2030, emissions must fall.', null],
    ['By the way, nobody asked.', null],
    ['Byline unknown', null],
  ];
  for (const [line, names] of bylines)
    it(`byline of “${line}”`, () => expect(bylineOfLine(line)).toBe(names));

  const headlines: [string, boolean][] = [
    ['Trump revealed highly classified information to Russian foreign minister', true],
    ['Did the president share secrets with Russia?', true],
    ['“The story is false,” McMaster says', true],
    ['The president spoke on Tuesday.', false],
    ['the minister said on Tuesday that', false],
    ['Unemployment fell to a record low in the', false],
    ['NATIONAL SECURITY COUNCIL', false],
    ['James S. Brady Press Briefing Room', false],
    ['May 16, 2017', false],
  ];
  for (const [line, yes] of headlines)
    it(`“${line}” is ${yes ? '' : 'not '}a headline`, () => expect(isHeadlineLine(line)).toBe(yes));

  const sentences: [string, string][] = [
    ['James S. Brady Press Briefing Room. Next.', 'James S. Brady Press Briefing Room.'],
    ['Mr. Spicer spoke. Then he left.', 'Mr. Spicer spoke.'],
    ['It was in the U.S. Senate today. Yes.', 'It was in the U.S. Senate today.'],
    ['“Is it true?” he asked. Nobody knew.', '“Is it true?” he asked.'],
    ['“Is it true?” Nobody knew.', '“Is it true?”'],
    ['No break at all', 'No break at all'],
  ];
  for (const [para, first] of sentences)
    it(`first sentence of “${para}”`, () => expect(firstSentence(para)).toBe(first));
});
