/**
 * The team side of a shared session in its exports (issue 10): reports (HTML,
 * Markdown, PDF) show the session's status, its reviewers and who approved
 * it; every format with a place for them carries each annotation's creator
 * and last modifier (CSV columns, W3C `creator` and `dcterms:contributor`,
 * the report's "Marked by … last changed by …"), and ClaimReview carries the
 * status, the approving editor and the reviewers. The W3C export still passes
 * the test suite's MUST schemas, and ClaimReview uses only schema.org's
 * properties. A session never shared exports as before.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { parse } from 'csv-parse/sync';
import type { Session } from '../../../shared/model/session';
import { makeReviewer, type Reviewer } from '../../../shared/team/reviewer';
import { changeStatus, recordSession, setClaimVerdict } from '../../../shared/team/record-changes';
import { showState } from '../../../shared/team/team-session';
import type { ChangeContext, TeamState } from '../../../shared/team/team-state';
import { exportInfoOf } from '../../../shared/team/team-info';
import type { TeamExportInfo } from '../../../shared/interchange/team-export';
import { renderExport } from '../../../shared/interchange/render-export';
import { annotationUrn, type W3cCollection } from '../../../shared/interchange/w3c-export';
import { readCsvCell } from '../../../shared/interchange/csv-export';
import { createChromiumPdfPrinter } from '../../../electron/service/pdf-chromium';
import { chromiumMissing } from '../../helpers/chromium';
import { buildSeedReview, CLAIM_ID } from '../../helpers/seed-review';
import { loadW3cConformance, type W3cConformance } from '../../helpers/w3c-conformance';
import { sharedMaterial } from '../../helpers/shared-material';

const GENERATED_AT = '2024-02-01T12:00:00.000Z';
const popplerMissing = spawnSync('pdftotext', ['-v']).error
  ? 'pdftotext (poppler-utils) is not installed'
  : null;

function reviewer(name: string, role: 'reviewer' | 'editor' = 'reviewer'): Reviewer {
  const r = makeReviewer(name, role);
  if (typeof r === 'string') throw new Error(r);
  return r;
}
const alice = reviewer('Alice Marker');
const maya = reviewer('Maya Okafor');
const bob = reviewer('Bob Changer');
const edith = reviewer('Edith Approver', 'editor');
let tick = 0;
const ctx = (r: Reviewer): ChangeContext => ({
  reviewer: r,
  now: new Date(Date.UTC(2024, 0, 10, 9, 0, ++tick)).toISOString(),
});

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
}

function shown(state: TeamState, base: Session): Session {
  const v = showState(state, base);
  if (typeof v === 'string') throw new Error(v);
  return v.shown.session;
}

/**
 * Alice shares the seed review (its annotations were marked by Maya Okafor, as recorded in
 * them), Bob changes the claim's verdict, Edith approves.
 */
function approvedReview(): { session: Session; team: TeamExportInfo } {
  const base = buildSeedReview();
  let state = ok(recordSession(null, base, ctx(alice))).state;
  const claim = base.annotations.find((a) => a.id === CLAIM_ID)!;
  const other = base.scale.steps.find((s) => s.id !== claim.verdict?.stepId)!;
  state = ok(
    setClaimVerdict(
      state,
      shown(state, base),
      CLAIM_ID,
      { stepId: other.id, rationale: 'Bob’s reading.' },
      ctx(bob),
    ),
  ).state;
  state = ok(changeStatus(state, shown(state, base), 'in-review', ctx(bob))).state;
  state = ok(changeStatus(state, shown(state, base), 'approved', ctx(edith))).state;
  const v = showState(state, base);
  if (typeof v === 'string') throw new Error(v);
  return { session: v.shown.session, team: exportInfoOf(v.shown) };
}

async function exported(
  session: Session,
  format: 'html' | 'md' | 'csv' | 'w3c' | 'claimreview',
  team: TeamExportInfo | null,
): Promise<string> {
  const r = await renderExport(session, format, {
    generatedAt: GENERATED_AT,
    org: 'Desk',
    baseUrl: 'https://desk.example/checks/',
    team,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.content;
}

const fold = (t: string) => t.replace(/\s+/g, ' ');

describe('a shared session’s exports', () => {
  const { session, team } = approvedReview();

  it('knows the status, the reviewers, the approver and who made each annotation', () => {
    expect(team.status).toBe('approved');
    expect(team.approvedBy?.name).toBe('Edith Approver');
    expect([...team.reviewers].sort()).toEqual([
      'Alice Marker',
      'Bob Changer',
      'Edith Approver',
      'Maya Okafor',
    ]);
    const claim = team.authors.get(CLAIM_ID)!;
    expect(claim.createdBy.name).toBe('Maya Okafor');
    expect(claim.createdBy.id).toBe(maya.id);
    expect(claim.modifiedBy.name).toBe('Bob Changer');
    const untouched = session.annotations.find((a) => a.id !== CLAIM_ID)!;
    // Sharing recorded it in the team history: the sharer is its last modifier so far.
    expect(team.authors.get(untouched.id)!.modifiedBy.name).toBe('Alice Marker');
  });

  it('HTML report: status, reviewers, approver, and who marked and changed the claim', async () => {
    const html = await exported(session, 'html', team);
    const doc = new JSDOM(html).window.document;
    const byline = fold(doc.querySelector('.byline')!.textContent!);
    expect(byline).toMatch(/Status ?Approved/);
    expect(byline).toMatch(/Approved by ?Edith Approver/);
    for (const n of ['Alice Marker', 'Bob Changer', 'Edith Approver', 'Maya Okafor'])
      expect(byline).toContain(n);
    const claim = fold(doc.getElementById(`claim-${CLAIM_ID}`)!.textContent!);
    expect(claim).toMatch(/Marked by Maya Okafor on .*; last changed by Bob Changer on /);
    // A session never shared: no status, no sign-off, no authors line.
    const plain = new JSDOM(await exported(session, 'html', null)).window.document;
    expect(fold(plain.querySelector('.byline')!.textContent!)).not.toContain('Status');
    expect(plain.querySelector('.authors')).toBeNull();
  });

  it('Markdown report: the same', async () => {
    const md = await exported(session, 'md', team);
    expect(md).toContain('**Status:** Approved');
    expect(md).toContain('**Approved by:** Edith Approver');
    expect(md).toMatch(/Marked by Maya Okafor on .*; last changed by Bob Changer on /);
    const plain = await exported(session, 'md', null);
    expect(plain).not.toContain('**Status:**');
  });

  it.skipIf(chromiumMissing ?? popplerMissing)(
    'PDF report: the status and the approver are printed',
    async () => {
      const r = await renderExport(session, 'pdf', {
        generatedAt: GENERATED_AT,
        team,
        pdf: createChromiumPdfPrinter(),
      });
      if (!r.ok) throw new Error(r.error.message);
      const file = join(mkdtempSync(join(tmpdir(), 'fc-team-pdf-')), 'r.pdf');
      writeFileSync(file, Buffer.from(r.value.content, 'base64'));
      const text = fold(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
      expect(text).toContain('Approved');
      expect(text).toContain('Edith Approver');
      expect(text).toMatch(/last changed by Bob Changer/);
    },
  );

  it('CSV: created_by and modified_by columns, added after the old ones', async () => {
    const rows = parse((await exported(session, 'csv', team)).replace(/^\ufeff/, ''), {
      columns: true,
    }) as Record<string, string>[];
    const claim = rows.find((r) => r.id === CLAIM_ID)!;
    expect(readCsvCell(claim.created_by!)).toBe('Maya Okafor');
    expect(readCsvCell(claim.modified_by!)).toBe('Bob Changer');
    const header = (await exported(session, 'csv', null)).split('\r\n')[0]!;
    expect(header.endsWith('reviewer,created,modified,created_by,modified_by')).toBe(true);
  });

  it('W3C: creator with a stable id, dcterms:contributor the last modifier; still conformant', async () => {
    const c = JSON.parse(await exported(session, 'w3c', team)) as W3cCollection;
    const claim = c.first.items.find((i) => i.motivation === 'assessing')!;
    expect(claim.creator).toEqual({
      id: annotationUrn(maya.id),
      type: 'Person',
      name: 'Maya Okafor',
    });
    expect(claim.creator!.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(claim['dcterms:contributor']?.name).toBe('Bob Changer');
    expect(c.creator?.map((p) => p.name).sort()).toEqual([
      'Alice Marker',
      'Bob Changer',
      'Edith Approver',
      'Maya Okafor',
    ]);
    const loaded = loadW3cConformance();
    if ('missing' in loaded) return;
    const suite = loaded as W3cConformance;
    for (const item of c.first.items)
      expect(suite.check(suite.annotation, item), item.id).toEqual([]);
    expect(suite.check(suite.collection, c)).toEqual([]);
    expect(suite.check(suite.page, c)).toEqual([]);
  });

  it('ClaimReview: creativeWorkStatus, editor and contributors, all schema.org properties', async () => {
    const reviews = JSON.parse(await exported(session, 'claimreview', team)) as Record<
      string,
      unknown
    >[];
    const list = Array.isArray(reviews) ? reviews : [reviews];
    expect(list.length).toBeGreaterThan(0);
    for (const r of list) {
      expect(r.creativeWorkStatus).toBe('Approved');
      expect(r.editor).toEqual({ '@type': 'Person', name: 'Edith Approver' });
      expect((r.contributor as { name: string }[]).map((p) => p.name).sort()).toEqual([
        'Alice Marker',
        'Bob Changer',
        'Edith Approver',
        'Maya Okafor',
      ]);
    }
    const material = sharedMaterial('conformance');
    if (!material.found) return;
    const vocab = JSON.parse(
      readFileSync(join(material.path, 'schemaorg-claimreview.json'), 'utf8'),
    ) as { types: Record<string, { properties: string[] }> };
    const allowed = vocab.types.ClaimReview!.properties;
    for (const k of ['creativeWorkStatus', 'editor', 'contributor'])
      expect(allowed, k).toContain(k);
    expect(vocab.types.Person!.properties).toContain('name');
  });
});
