/**
 * A `changed` anchor (after a re-import only a passage with other wording was
 * found; issue 9, defect 5) is marked wherever the annotation appears in the
 * exports: HTML, Markdown and PDF reports, CSV, W3C (and read back by the W3C
 * import). A W3C quote that matches only approximately is `changed` too. It
 * stays flagged until a reviewer confirms it (one undoable op). Files written
 * before the status existed still load.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { parse } from 'csv-parse/sync';
import { reanchorAnnotations } from '../../../shared/anchoring';
import type { Session } from '../../../shared/model/session';
import { validateSession } from '../../../shared/session/validate-session';
import { applyOps } from '../../../shared/session/session-ops';
import { renderHtml } from '../../../shared/interchange/render-export';
import { renderMarkdownReport } from '../../../shared/report/markdown-report';
import { buildReportModel } from '../../../shared/report/report-model';
import { renderCsv } from '../../../shared/interchange/csv-export';
import { buildW3cCollection, renderW3c } from '../../../shared/interchange/w3c-export';
import { importW3c } from '../../../shared/interchange/w3c-import';
import { confirmChangedAnchor } from '../../../shared/review/confirm-anchor';
import { reattachAnnotation } from '../../../shared/review/annotation-edits';
import { createChromiumPdfPrinter } from '../../../electron/service/pdf-chromium';
import { chromiumMissing } from '../../helpers/chromium';
import { buildSeedReview, fixedId } from '../../helpers/seed-review';
import { makeArticle } from '../../helpers/session-fixtures';

const GENERATED_AT = '2017-05-19T12:00:00.000Z';
const MARKED = 'At no time, at no time were intelligence sources or methods discussed';
const NOW_READS = 'At no time, at no time were any intelligence sources or methods discussed';
/** What another tool might hold: the denial with a letter missing. */
const TYPO = 'At no time, at no time were intelligence sources or method discussed';
const popplerMissing = spawnSync('pdftotext', ['-v']).error
  ? 'pdftotext (poppler-utils) is not installed'
  : null;

/** The seed review after a re-import in which McMaster's denial gained a word. */
function reviewAfterReimport(): Session {
  const s = buildSeedReview();
  const article = s.articles[0]!;
  const newText = article.text.replace(MARKED, NOW_READS);
  const updated = {
    ...makeArticle(newText, article.source.fileName, article.id),
    meta: article.meta,
  };
  const { annotations } = reanchorAnnotations(article.text, newText, s.annotations);
  const session = { ...s, articles: [updated], annotations };
  const v = validateSession(session);
  if (!v.ok) throw new Error(v.problems.join('; '));
  return v.value;
}

const fold = (t: string) => t.replace(/\s+/g, ' ');

describe('a changed anchor in every export', () => {
  const session = reviewAfterReimport();
  const changed = session.annotations.find((a) => a.target.status === 'changed')!;

  it('the re-import made exactly the edited denial changed, keeping its wording as marked', () => {
    expect(session.annotations.filter((a) => a.target.status === 'changed')).toHaveLength(1);
    expect(changed.target.quote.exact).toBe(NOW_READS);
    expect(changed.target.was).toBe(MARKED);
  });

  it('HTML report: the statement is flagged and shows what was marked', async () => {
    const doc = new JSDOM(await renderHtml(session, GENERATED_AT)).window.document;
    const flagged = [...doc.querySelectorAll('.statement')].filter((el) =>
      el.textContent!.includes(NOW_READS),
    );
    expect(flagged.length).toBeGreaterThan(0);
    for (const el of flagged) {
      expect(el.querySelector('.flag.changed')?.textContent).toBe('Changed: confirm');
      expect(fold(el.textContent!)).toContain(`“${MARKED}”`);
    }
    // Nothing else is flagged.
    expect(doc.querySelectorAll('.flag.changed')).toHaveLength(flagged.length);
  });

  it('Markdown report: flagged, with what was marked', () => {
    const md = renderMarkdownReport(buildReportModel(session, GENERATED_AT));
    // Everywhere the statement is listed (the map's list, the claim's statements) it is flagged.
    const items = md.split(/\n(?=- )/).filter((b) => b.includes(NOW_READS));
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const item of items) expect(item).toContain('*(changed: confirm)*');
    expect(items.some((item) => item.includes(MARKED))).toBe(true);
  });

  it.skipIf(chromiumMissing !== null || popplerMissing !== null)(
    'PDF report: flagged, with what was marked',
    async () => {
      const pdf = await createChromiumPdfPrinter().print(await renderHtml(session, GENERATED_AT));
      const file = join(mkdtempSync(join(tmpdir(), 'fc-changed-pdf-')), 'r.pdf');
      writeFileSync(file, pdf);
      const text = fold(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
      expect(text).toContain('Changed: confirm');
      expect(text).toContain(MARKED);
      expect(text).toContain(NOW_READS);
    },
  );

  it('CSV: a status column says “Changed: confirm” and marked_quote holds what was marked', () => {
    const rows = parse(renderCsv(session), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    const row = rows.find((r) => r.id === changed.id)!;
    expect(row.status).toBe('Changed: confirm');
    expect(row.marked_quote).toBe(MARKED);
    expect(row.quote).toBe(NOW_READS);
    for (const r of rows.filter((x) => x.id !== changed.id)) {
      expect(['Anchored', 'Moved']).toContain(r.status);
      expect(r.marked_quote).toBe('');
    }
  });

  it('W3C: a questioning body flags it, and the import reads the flag back', () => {
    const item = buildW3cCollection(session).first.items.find((i) =>
      i.body.some((b) => b.purpose === 'questioning'),
    )!;
    expect(item.body.find((b) => b.purpose === 'questioning')!.value).toMatch(
      /^Changed: confirm\..*\n\nAt no time, at no time were intelligence sources/s,
    );
    const fresh: Session = {
      ...session,
      id: fixedId(1, 99),
      speakers: [],
      annotations: [],
      links: [],
    };
    const r = importW3c(fresh, renderW3c(session), { now: GENERATED_AT });
    if (!r.ok) throw new Error(r.error.message);
    const applied = applyOps(fresh, r.value.ops, new Date().toISOString());
    if (!applied.ok) throw new Error(applied.problems.join('; '));
    const back = applied.session.annotations.find((a) => a.id === changed.id)!;
    expect(back.target.status).toBe('changed');
    expect(back.target.was).toBe(MARKED);
    expect(back.note).toBe(changed.note);
    expect(
      applied.session.annotations.filter((a) => a.target.status === 'changed').map((a) => a.id),
    ).toEqual([changed.id]);
  });

  it('W3C import: a quote that matches only with other wording is changed, not anchored', () => {
    const base = buildSeedReview();
    const fresh: Session = { ...base, speakers: [], annotations: [], links: [] };
    const article = fresh.articles[0]!;
    const file = JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'urn:uuid:12345678-1234-4123-8123-123456789abc',
      body: [{ type: 'TextualBody', purpose: 'classifying', value: 'Counter-statement' }],
      target: {
        source: `urn:sha256:${article.sha256}`,
        selector: [{ type: 'TextQuoteSelector', exact: TYPO }],
      },
    });
    const r = importW3c(fresh, file, { now: GENERATED_AT });
    if (!r.ok) throw new Error(r.error.message);
    const put = r.value.ops.find((o) => o.op === 'annotation.put');
    if (put?.op !== 'annotation.put') throw new Error('no annotation');
    expect(put.annotation.target.status).toBe('changed');
    expect(put.annotation.target.quote.exact).toBe(MARKED);
    expect(put.annotation.target.was).toBe(TYPO);
    expect(r.value.report.problems.join(' ')).toContain('Changed: confirm');
  });

  it('confirming is one undoable op: anchored without the old wording, and undo brings the flag back', () => {
    const r = confirmChangedAnchor(session, changed.id, GENERATED_AT);
    if (!r.ok) throw new Error(r.message);
    const applied = applyOps(session, r.ops, new Date().toISOString());
    if (!applied.ok) throw new Error(applied.problems.join('; '));
    const confirmed = applied.session.annotations.find((a) => a.id === changed.id)!;
    expect(confirmed.target.status).toBe('anchored');
    expect(confirmed.target.was).toBeUndefined();
    expect(confirmed.target.quote.exact).toBe(NOW_READS);
    const undone = applyOps(applied.session, applied.inverse, new Date().toISOString());
    if (!undone.ok) throw new Error(undone.problems.join('; '));
    expect(undone.session.annotations.find((a) => a.id === changed.id)!.target).toEqual(
      changed.target,
    );
    // Only a changed anchor can be confirmed.
    expect(confirmChangedAnchor(applied.session, changed.id, GENERATED_AT).ok).toBe(false);
  });

  it('re-attaching clears the flag too: anchored on the chosen text, the old wording dropped', () => {
    const text = session.articles[0]!.text;
    const at = text.indexOf(NOW_READS);
    const r = reattachAnnotation(
      session,
      changed.id,
      { articleId: session.articles[0]!.id, start16: at, end16: at + NOW_READS.length },
      GENERATED_AT,
    );
    if (!r.ok) throw new Error(r.message);
    const applied = applyOps(session, r.ops, new Date().toISOString());
    if (!applied.ok) throw new Error(applied.problems.join('; '));
    const target = applied.session.annotations.find((a) => a.id === changed.id)!.target;
    expect(target.status).toBe('anchored');
    expect(target.was).toBeUndefined();
  });

  it('the schema takes the status and its wording; files without them still load', () => {
    expect(validateSession(session).ok).toBe(true);
    const old = buildSeedReview();
    expect(old.annotations.every((a) => !('was' in a.target))).toBe(true);
    expect(validateSession(JSON.parse(JSON.stringify(old))).ok).toBe(true);
    const bad = JSON.parse(JSON.stringify(session)) as Session;
    (bad.annotations[0]!.target as { status: string }).status = 'shifted';
    expect(validateSession(bad).ok).toBe(false);
  });
});
