/**
 * Pasting an article (issue 9, defect 14): the headline is the title and is
 * shown once (a heading, never again as the first paragraph), and the byline
 * and the date are read into the article's details, for pasted text and for
 * HTML copied from a browser (a fragment without a head).
 */
import { describe, expect, it } from 'vitest';
import { importPasted } from '../../../../electron/service/import/article-import';
import { articleToDoc } from '../../../../shared/article/article-doc';
import type { Article } from '../../../../shared/model/article';

const HEADLINE = 'Trump revealed highly classified information to Russian foreign minister';
const BODY_1 =
  'President Trump revealed highly classified information to the Russian foreign minister and ambassador in a White House meeting last week, according to current and former U.S. officials.';
const BODY_2 = 'The information had been provided by a U.S. partner.';

interface Case {
  name: string;
  kind: 'text' | 'html';
  content: string;
}

const CASES: Case[] = [
  {
    name: 'text copied from a news page, blank lines between',
    kind: 'text',
    content: `${HEADLINE}\n\nBy Greg Miller and Greg Jaffe\n\nMay 15, 2017 at 7:08 p.m. EDT\n\n${BODY_1}\n\n${BODY_2}\n`,
  },
  {
    name: 'text copied from a news page, one line each',
    kind: 'text',
    content: `${HEADLINE}\nBy Greg Miller and Greg Jaffe\nMay 15, 2017\n${BODY_1}\n\n${BODY_2}`,
  },
  {
    name: 'HTML copied from a browser: a heading, byline and date paragraphs',
    kind: 'html',
    content: `<html><body><!--StartFragment--><h1>${HEADLINE}</h1><p class="byline">By <a href="https://news.test/greg">Greg Miller</a> and Greg Jaffe</p><p><time>May 15, 2017 at 7:08 p.m. EDT</time></p><p>${BODY_1}</p><p>${BODY_2}</p><!--EndFragment--></body></html>`,
  },
  {
    name: 'HTML copied from a browser: the headline in a plain block, not a heading',
    kind: 'html',
    content: `<div><div class="headline">${HEADLINE}</div><div>By Greg Miller and Greg Jaffe</div><div>May 15, 2017</div><p>${BODY_1}</p><p>${BODY_2}</p></div>`,
  },
];

async function paste(c: Case): Promise<Article> {
  const r = await importPasted(c.kind, c.content);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('paste import reads the opening of the article', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const a = await paste(c);
      expect(a.meta.title).toBe(HEADLINE);
      expect(a.meta.byline).toBe('Greg Miller and Greg Jaffe');
      expect(a.meta.date).toBe('2017-05-15');
      const blocks = a.blocks.map((b) => [b.type, a.text.slice(b.start, b.end)]);
      // The headline is the first block, a heading, and appears once.
      expect(blocks[0]).toEqual(['heading', HEADLINE]);
      expect(blocks.filter(([, t]) => t === HEADLINE)).toHaveLength(1);
      expect(blocks.filter(([t]) => t === 'paragraph').map(([, t]) => t)).toContain(BODY_1);
      expect(blocks.map(([, t]) => t)).toContain(BODY_2);
      articleToDoc(a).doc.check();
    });
  }

  it('pasted text keeps every character of what was pasted as its text', async () => {
    const a = await paste(CASES[0]!);
    expect(a.text).toBe(CASES[0]!.content);
  });
});
