/**
 * Every link in every report (issue 9, defect 4): for a table of link shapes
 * (claim ↔ statement either way, claim ↔ claim, and links between two
 * non-claims: evidence → supports → evidence, counter-statement → responds to
 * → context, "same claim as" between statements, one to an orphan), the HTML,
 * Markdown and PDF reports each show the link's relation, both quotes and
 * the link's note together.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import type { Annotation, Link, Session } from '../../../shared/model/session';
import { createSession } from '../../../shared/model/session';
import type { AnnotationKind, LinkRelation } from '../../../shared/model/vocabulary';
import { validateSession } from '../../../shared/session/validate-session';
import { renderHtml } from '../../../shared/interchange/render-export';
import { renderMarkdownReport } from '../../../shared/report/markdown-report';
import { buildReportModel } from '../../../shared/report/report-model';
import { createChromiumPdfPrinter } from '../../../electron/service/pdf-chromium';
import { chromiumMissing } from '../../helpers/chromium';
import { FIXED_TIME, makeAnnotation, makeArticle } from '../../helpers/session-fixtures';
import { CodePointIndex } from '../../../shared/text/code-points';

const GENERATED_AT = '2024-05-02T08:00:00.000Z';
const popplerMissing = spawnSync('pdftotext', ['-v']).error
  ? 'pdftotext (poppler-utils) is not installed'
  : null;
if (chromiumMissing) console.warn(`Skipping the PDF link checks: ${chromiumMissing}`);
else if (popplerMissing) console.warn(`Skipping the PDF link checks: ${popplerMissing}`);

/** Passages of the article, by key; each sentence is unique so its quote is found once. */
const PASSAGES = {
  claim: 'The minister said unemployment fell to a record low in March.',
  claim2: 'A second outlet repeated that unemployment hit a record low.',
  denial: 'The statistics office said the March figure was revised upward.',
  denial2: 'Union leaders said the figure was not a record at all.',
  evidenceA: 'Official tables show a rate of 4.1 percent in March.',
  evidenceB: 'The same tables show 3.9 percent in 1974.',
  context: 'The survey method changed in 2019.',
  quoted: '“We never said record,” a ministry spokesman said later.',
  orphan: 'This passage was removed in a later edition.',
};
type Key = keyof typeof PASSAGES;

const KINDS: Record<Key, AnnotationKind> = {
  claim: 'claim',
  claim2: 'claim',
  denial: 'counter-statement',
  denial2: 'counter-statement',
  evidenceA: 'evidence',
  evidenceB: 'evidence',
  context: 'context',
  quoted: 'counter-statement',
  orphan: 'evidence',
};

interface Shape {
  name: string;
  from: Key;
  relation: LinkRelation;
  to: Key;
  note: string;
}

const SHAPES: Shape[] = [
  {
    name: 'counter-statement → contradicts → claim',
    from: 'denial',
    relation: 'contradicts',
    to: 'claim',
    note: 'Revision notice of 2 April.',
  },
  {
    name: 'claim → responds to → counter-statement',
    from: 'claim2',
    relation: 'responds-to',
    to: 'denial2',
    note: 'Answers the union directly.',
  },
  {
    name: 'claim → same claim as → claim',
    from: 'claim2',
    relation: 'same-claim-as',
    to: 'claim',
    note: 'Same figure, other outlet.',
  },
  {
    name: 'evidence → supports → evidence',
    from: 'evidenceB',
    relation: 'supports',
    to: 'evidenceA',
    note: 'The older low is lower, so March is no record.',
  },
  {
    name: 'counter-statement → responds to → context',
    from: 'denial2',
    relation: 'responds-to',
    to: 'context',
    note: 'The union points at the method change.',
  },
  {
    name: 'counter-statement → same claim as → counter-statement',
    from: 'quoted',
    relation: 'same-claim-as',
    to: 'denial',
    note: 'Both deny a record.',
  },
  {
    name: 'counter-statement in its own quotation marks → contradicts → claim',
    from: 'quoted',
    relation: 'contradicts',
    to: 'claim2',
    note: 'The ministry disowns the word.',
  },
  {
    name: 'context → partially addresses → evidence (no note)',
    from: 'context',
    relation: 'partially-addresses',
    to: 'evidenceB',
    note: '',
  },
  {
    name: 'evidence → supports → orphaned evidence',
    from: 'evidenceA',
    relation: 'supports',
    to: 'orphan',
    note: 'Kept although its passage is gone.',
  },
];

/** The relation as each report names it (a group heading or the relation label). */
const NAMED: Record<LinkRelation, RegExp> = {
  contradicts: /contradicts/i,
  supports: /supports/i,
  'partially-addresses': /partially addresses/i,
  'responds-to': /responds to/i,
  'same-claim-as': /same claim/i,
};

function buildSession(): Session {
  const text = Object.values(PASSAGES).join('\n\n');
  const article = makeArticle(text, 'links.txt', 'article-links');
  const idx = new CodePointIndex(article.text);
  const annotations = new Map<Key, Annotation>();
  for (const key of Object.keys(PASSAGES) as Key[]) {
    const at = article.text.indexOf(PASSAGES[key]);
    const a = makeAnnotation(
      article,
      idx.toCodePoint(at),
      idx.toCodePoint(at + PASSAGES[key].length),
      { id: `ann-${key}`, kind: KINDS[key] },
      idx,
    );
    if (key === 'orphan') a.target.status = 'orphaned';
    annotations.set(key, a);
  }
  const links: Link[] = SHAPES.map((s, i) => ({
    id: `link-${i + 1}`,
    from: `ann-${s.from}`,
    to: `ann-${s.to}`,
    relation: s.relation,
    note: s.note,
    reviewer: 'Tester',
    created: FIXED_TIME,
    modified: FIXED_TIME,
  }));
  const session = {
    ...createSession('Links of every shape', [article], 'Tester'),
    annotations: [...annotations.values()],
    links,
  };
  const valid = validateSession(session);
  if (!valid.ok) throw new Error(valid.problems.join('; '));
  return valid.value;
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function occurrences(text: string, part: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) out.push(at);
  return out;
}

/** What a unit of the report must hold for a link: its relation, both quotes, its note. */
function expectLinkIn(unit: string, s: Shape, where: string): void {
  const text = fold(unit);
  expect(text, `${where}: relation of “${s.name}”`).toMatch(NAMED[s.relation]);
  expect(text, `${where}: source quote of “${s.name}”`).toContain(PASSAGES[s.from]);
  expect(text, `${where}: target quote of “${s.name}”`).toContain(PASSAGES[s.to]);
  if (s.note) expect(text, `${where}: note of “${s.name}”`).toContain(s.note);
}

describe('every link appears in every report', () => {
  const session = buildSession();

  it('HTML: each link is rendered where its relation, both quotes and its note are together', async () => {
    const doc = new JSDOM(await renderHtml(session, GENERATED_AT)).window.document;
    SHAPES.forEach((s, i) => {
      const shown = [...doc.querySelectorAll(`[data-link="link-${i + 1}"]`)];
      expect(shown.length, `link “${s.name}” is in the HTML report`).toBeGreaterThan(0);
      for (const el of shown) {
        // A link to a claim is shown inside the claim's dispute; any other link is its own entry.
        const unit = el.closest('.dispute') ?? el.closest('.statement-link') ?? el;
        expectLinkIn(unit.textContent ?? '', s, 'HTML');
      }
    });
  });

  it('Markdown: each link has a block with its relation, both quotes and its note', async () => {
    const md = renderMarkdownReport(buildReportModel(session, GENERATED_AT));
    // Units: the sections under ###-or-higher headings, and each list item of a section.
    const sections = md.split(/\n(?=#{1,3} )/);
    const units = sections.flatMap((sec) => [sec, ...sec.split(/\n(?=- )/)]);
    const texts = await Promise.all(
      units.map(
        async (u) =>
          new JSDOM(await marked.parse(u, { gfm: true })).window.document.body.textContent ?? '',
      ),
    );
    for (const s of SHAPES) {
      const holder = texts.find((t) => {
        const f = fold(t);
        return (
          NAMED[s.relation].test(f) &&
          f.includes(PASSAGES[s.from]) &&
          f.includes(PASSAGES[s.to]) &&
          (!s.note || f.includes(s.note))
        );
      });
      expect(holder, `a Markdown block holds link “${s.name}”`).toBeDefined();
    }
  });

  it('Markdown: a quote that brings its own quotation marks is not wrapped in more', () => {
    const md = renderMarkdownReport(buildReportModel(session, GENERATED_AT));
    expect(md).toContain(PASSAGES.quoted.slice(0, 20));
    expect(md).not.toMatch(/““|””/);
  });

  it.skipIf(chromiumMissing !== null || popplerMissing !== null)(
    'PDF: each link between statements prints its quotes with the relation between them, and its note',
    async () => {
      const pdf = await createChromiumPdfPrinter().print(await renderHtml(session, GENERATED_AT));
      const dir = mkdtempSync(join(tmpdir(), 'fc-links-pdf-'));
      const file = join(dir, 'links.pdf');
      writeFileSync(file, pdf);
      const text = fold(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
      for (const s of SHAPES) {
        expect(text, `PDF: note of “${s.name}”`).toContain(fold(s.note));
        const involvesClaim = KINDS[s.from] === 'claim' || KINDS[s.to] === 'claim';
        if (involvesClaim) {
          expect(text).toContain(PASSAGES[s.from]);
          expect(text).toContain(PASSAGES[s.to]);
          continue;
        }
        // Somewhere the source quote is followed, close by, by the relation and then the target quote.
        const after = new RegExp(
          `^.{0,120}${NAMED[s.relation].source}.{0,120}${escapeRe(PASSAGES[s.to])}`,
          'i',
        );
        const found = occurrences(text, PASSAGES[s.from]).some((at) =>
          after.test(text.slice(at + PASSAGES[s.from].length)),
        );
        expect(found, `PDF: “${s.name}” with its relation between the quotes`).toBe(true);
      }
    },
  );
});
