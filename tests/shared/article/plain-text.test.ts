import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  normalizeNewlines,
  parsePlainText,
  isSeedFormat,
} from '../../../shared/article/plain-text';
import { articleToDoc } from '../../../shared/article/article-doc';
import type { ParsedArticle } from '../../../shared/model/article';

const SEED_PATH = new URL(
  '../../../seeds/2017-05-17-trump-shared-intelligence-with-russia.txt',
  import.meta.url,
);
const seedBytes = readFileSync(SEED_PATH);
const seedText = seedBytes.toString('utf8');
const seed = parsePlainText(normalizeNewlines(seedText));

const blockText = (p: ParsedArticle, type: string) =>
  p.blocks.filter((b) => b.type === type).map((b) => p.text.slice(b.start, b.end));

const CAPTION =
  'US President Donald Trump meets with Russian Foreign Minister Sergey Lavrov, left, next to Russian Ambassador to the U.S. Sergei Kislyak at the White House in Washington, Wednesday, May 10, 2017. (Photo via AP)';
const ATTRIBUTION = '— Donald J. Trump (@realDonaldTrump) May 16, 2017';

describe('the seed article', () => {
  const cases: { what: string; check: () => void }[] = [
    { what: 'is in the seed format', check: () => expect(isSeedFormat(seed.text)).toBe(true) },
    {
      what: 'has the date line as its publication date',
      check: () => expect(seed.meta.date).toBe('2017-05-17'),
    },
    {
      what: 'shows the photo caption once',
      check: () => expect(blockText(seed, 'caption')).toEqual([CAPTION]),
    },
    {
      what: 'has six body paragraphs',
      check: () => expect(blockText(seed, 'paragraph')).toHaveLength(6),
    },
    {
      what: 'has both tweets with their attribution line',
      check: () => {
        const tweets = seed.blocks.filter((b) => b.type === 'tweet');
        expect(tweets).toHaveLength(2);
        for (const t of tweets)
          expect(seed.text.slice(t.attribution!.start, t.attribution!.end)).toBe(ATTRIBUTION);
        expect(seed.text.slice(tweets[0]!.start, tweets[0]!.end)).toMatch(
          /^As President I wanted .*pertaining….$/,
        );
        expect(seed.text.slice(tweets[1]!.start, tweets[1]!.end)).toMatch(
          /^…to terrorism .*ISIS & terrorism\.$/,
        );
      },
    },
    {
      what: 'keeps the whole file, byte for byte, as its canonical text',
      check: () => {
        expect(seed.text).toBe(seedText);
        expect(Buffer.from(seed.text, 'utf8').equals(seedBytes)).toBe(true);
      },
    },
    {
      what: 'has a derived title',
      check: () =>
        expect(seed.meta.title).toMatch(
          /^Even as the Donald Trump administration defends the dismissal of FBI Director/,
        ),
    },
    {
      what: 'maps every block to the same text in the ProseMirror document',
      check: () => {
        const { doc, map } = articleToDoc(seed);
        doc.check();
        for (const s of map.segments) {
          expect(doc.textBetween(s.pos, s.pos + (s.end - s.start), '\n', '\n')).toBe(
            seed.text.slice(s.start, s.end),
          );
        }
      },
    },
  ];
  for (const c of cases) it(c.what, c.check);

  it('places the quotes of the seed review at their exact file offsets', () => {
    for (const quote of [
      'The story is false',
      'the disclosures by the US President jeopardised a critical source of intelligence on the Islamic State',
    ]) {
      const at = seed.text.indexOf(quote);
      expect(at).toBeGreaterThan(0);
      const para = seed.blocks.find((b) => b.start <= at && at + quote.length <= b.end);
      expect(para?.type).toBe('paragraph');
    }
  });
});

interface Case {
  name: string;
  input: string;
  format: 'seed' | 'text';
  date?: string;
  blocks: [type: string, text: string][];
}

const CASES: Case[] = [
  { name: 'empty text', input: '', format: 'text', blocks: [] },
  { name: 'whitespace only', input: ' \n\n \t\n', format: 'text', blocks: [] },
  {
    name: 'plain paragraphs',
    input: 'One.\n\nTwo.\n',
    format: 'text',
    blocks: [
      ['paragraph', 'One.'],
      ['paragraph', 'Two.'],
    ],
  },
  {
    name: 'hard-wrapped lines stay one paragraph',
    input: 'a line\nnext line\n\nnew para',
    format: 'text',
    blocks: [
      ['paragraph', 'a line\nnext line'],
      ['paragraph', 'new para'],
    ],
  },
  {
    name: 'blank lines with spaces split paragraphs',
    input: 'a\n   \nb',
    format: 'text',
    blocks: [
      ['paragraph', 'a'],
      ['paragraph', 'b'],
    ],
  },
  {
    name: 'header with a caption written once',
    input: 'date 2020-01-02 A caption.\n\nBody.',
    format: 'seed',
    date: '2020-01-02',
    blocks: [
      ['caption', 'A caption.'],
      ['paragraph', 'Body.'],
    ],
  },
  {
    name: 'header with a repeated caption',
    input: ' date 2020-01-02 Cap (AP) Cap (AP)\n\nBody.',
    format: 'seed',
    date: '2020-01-02',
    blocks: [
      ['caption', 'Cap (AP)'],
      ['paragraph', 'Body.'],
    ],
  },
  {
    name: 'header without caption',
    input: 'date 2020-01-02\n\nBody.',
    format: 'seed',
    date: '2020-01-02',
    blocks: [['paragraph', 'Body.']],
  },
  {
    name: 'seed format: one paragraph per line, blank lines or not',
    input: 'date 2020-01-02 Cap\nFirst.\nSecond.\n\nThird.',
    format: 'seed',
    date: '2020-01-02',
    blocks: [
      ['caption', 'Cap'],
      ['paragraph', 'First.'],
      ['paragraph', 'Second.'],
      ['paragraph', 'Third.'],
    ],
  },
  {
    name: 'seed format: a tweet whose attribution is on its own line',
    input: 'date 2020-01-02 Cap\n\nBig news today.\n— Jane Doe (@jane) May 1, 2020\n\nAfter.',
    format: 'seed',
    date: '2020-01-02',
    blocks: [
      ['caption', 'Cap'],
      ['tweet', 'Big news today.'],
      ['paragraph', 'After.'],
    ],
  },
  {
    name: 'impossible date is not kept',
    input: 'date 2020-02-31 Cap\n\nBody.',
    format: 'seed',
    date: '',
    blocks: [
      ['caption', 'Cap'],
      ['paragraph', 'Body.'],
    ],
  },
  {
    name: '"date" later in a line is not a header',
    input: 'The date 2020-01-02 was set.\n\nBody.',
    format: 'text',
    blocks: [
      ['paragraph', 'The date 2020-01-02 was set.'],
      ['paragraph', 'Body.'],
    ],
  },
  {
    name: 'a tweet with an en dash attribution',
    input: 'Hello world pic.twitter.com/x – Jane Doe (@jane_d) Jan 5, 2019',
    format: 'text',
    blocks: [['tweet', 'Hello world pic.twitter.com/x']],
  },
  {
    name: 'a dash without a handle is not a tweet',
    input: 'He said — Jane Doe May 5, 2019',
    format: 'text',
    blocks: [['paragraph', 'He said — Jane Doe May 5, 2019']],
  },
  {
    name: 'emoji and combining characters are kept',
    input: 'Caf\u0065\u0301 \u{1F44D}\u{1F3FD} ok\n\nnext',
    format: 'text',
    // A short first line without a full stop, with text after it, reads as a headline.
    blocks: [
      ['heading', 'Caf\u0065\u0301 \u{1F44D}\u{1F3FD} ok'],
      ['paragraph', 'next'],
    ],
  },
];

describe('parsePlainText', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const p = parsePlainText(c.input);
      expect(p.format).toBe(c.format);
      expect(p.text).toBe(c.input);
      if (c.date !== undefined) expect(p.meta.date).toBe(c.date);
      expect(p.blocks.map((b) => [b.type, p.text.slice(b.start, b.end)])).toEqual(c.blocks);
      if (p.blocks.length) articleToDoc(p).doc.check();
    });
  }
});

describe('normalizeNewlines', () => {
  const table: [string, string, string][] = [
    ['CRLF', 'a\r\nb\r\n\r\nc', 'a\nb\n\nc'],
    ['lone CR', 'a\rb', 'a\nb'],
    ['BOM', '\ufeffabc', 'abc'],
    ['LF untouched', 'a\nb', 'a\nb'],
  ];
  for (const [name, input, want] of table)
    it(name, () => expect(normalizeNewlines(input)).toBe(want));

  it('parses a CRLF copy of the seed into the same blocks as the seed', () => {
    const crlf = parsePlainText(normalizeNewlines(seedText.replace(/\n/g, '\r\n')));
    expect(crlf.text).toBe(seed.text);
    expect(crlf.blocks).toEqual(seed.blocks);
  });
});
