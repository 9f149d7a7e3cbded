import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { JSDOM } from 'jsdom';
import { escapeMarkdown, renderMarkdownReport } from '../../../shared/report/markdown-report';
import { buildReportModel } from '../../../shared/report/report-model';
import {
  buildSeedReview,
  CLAIM_TEXT,
  GENERATED_AT,
  VERDICT_RATIONALE,
} from '../../helpers/seed-review';
import { buildStressReview, HOSTILE } from '../../helpers/session-variants';

async function toDom(md: string): Promise<Document> {
  return new JSDOM(await marked.parse(md, { gfm: true })).window.document;
}

describe('Markdown report', () => {
  it('says what the HTML report says, in the same order', async () => {
    const md = renderMarkdownReport(buildReportModel(buildSeedReview(), GENERATED_AT));
    const doc = await toDom(md);
    expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'The article',
      'Summary',
      'Dispute map',
      'The claims',
      'Orphaned annotations',
      'Methodology',
    ]);
    const text = doc.body.textContent!.replace(/\s+/g, ' ');
    for (const s of [
      CLAIM_TEXT,
      VERDICT_RATIONALE,
      'Verdict: Mostly true.',
      'Contradicts the claim',
      'The story is false',
      'Claimed by The Washington Post',
    ]) {
      expect(text).toContain(s);
    }
    expect(doc.querySelector('blockquote strong')!.textContent).toBe(CLAIM_TEXT);
    expect(doc.querySelectorAll('table')).toHaveLength(4);
  });

  it('renders hostile text as text: no HTML, no crafted links, no broken tables', async () => {
    const md = renderMarkdownReport(buildReportModel(buildStressReview(), GENERATED_AT));
    const doc = await toDom(md);
    expect(doc.querySelectorAll('script, style, img, iframe')).toHaveLength(0);
    // GFM autolinks bare http(s) URLs in text; nothing else becomes a link.
    for (const a of doc.querySelectorAll('a'))
      expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
    const text = doc.body.textContent!;
    for (const h of Object.values(HOSTILE)) expect(text).toContain(h);
    // Every table row has the header's number of cells.
    for (const table of doc.querySelectorAll('table')) {
      const width = table.querySelectorAll('thead th').length;
      for (const row of table.querySelectorAll('tbody tr')) expect(row.children.length).toBe(width);
    }
  });

  it.each([
    ['# not a heading', '\\# not a heading'],
    ['1. not a list', '1\\. not a list'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['a | b', 'a \\| b'],
    ['*em* _em_', '\\*em\\* \\_em\\_'],
  ])('escapes %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});
