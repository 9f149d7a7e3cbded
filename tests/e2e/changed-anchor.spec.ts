/**
 * What the reviewer sees after a re-import changed a marked passage's wording
 * (issue 9, defect 5), and how quotes are wrapped (defect 8), in Chromium
 * through browser mode, compared with the session the host stores:
 * - the dispute card, the detail panel and the painted highlight flag the
 *   annotation "Changed: confirm", with the wording as marked;
 * - Confirm is one undoable step: the flag goes, and Undo brings it back;
 * - a quote that brings its own quotation marks is not wrapped in more, in
 *   the card and in the link picker.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHost, ROOT, type RunningHost } from './helpers/web-host';
import { api, SEED_QUOTES, seedReviewViaApi, settleForScreenshot } from './helpers/app-driver';
import { applyOps, type SessionOp } from '../../shared/session/session-ops';
import { linkAnnotations, markPassage } from '../../shared/review/annotation-edits';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host?.stop();
});

const MARKED = SEED_QUOTES.noTime;
const NOW_READS = 'At no time, at no time were any intelligence sources or methods discussed';
/** A passage of the seed that is a whole quotation, marks included. */
const QUOTATION =
  '“The story is false, the president and the foreign minister reviewed a range of common threats to our two countries including threats to civil aviation,”';
const SEED_FILE = join(ROOT, 'seeds/2017-05-17-trump-shared-intelligence-with-russia.txt');

async function stored(id: string) {
  return (await api(host.origin, host.token, 'sessions.open', { id })).session;
}

/** The seed review, plus the whole quotation as a counter-statement linked to the claim. */
async function prepareQuoted(): Promise<string> {
  const id = await seedReviewViaApi(host.origin, host.token, 'Changed wording');
  let s = await stored(id);
  const ops: SessionOp[] = [];
  const run = (more: SessionOp[]) => {
    const r = applyOps(s, more, new Date().toISOString());
    if (!r.ok) throw new Error(r.problems.join(' '));
    s = r.session;
    ops.push(...more);
  };
  const art = s.articles[0]!;
  const at = art.text.indexOf(QUOTATION);
  const now = new Date().toISOString();
  const mark = markPassage(
    s,
    { articleId: art.id, start16: at, end16: at + QUOTATION.length, kind: 'counter-statement' },
    now,
  );
  if (!mark.ok) throw new Error(mark.message);
  run(mark.ops);
  const claim = s.annotations.find((a) => a.kind === 'claim')!;
  const link = linkAnnotations(
    s,
    { from: mark.annotation.id, to: claim.id, relation: 'contradicts' },
    now,
  );
  if (!link.ok) throw new Error(link.message);
  run(link.ops);
  const base = (await stored(id)).revision;
  await api(host.origin, host.token, 'sessions.apply', { id, baseRevision: base, ops });
  await api(host.origin, host.token, 'sessions.flush', { id });
  return id;
}

/** {@link prepareQuoted}, then the article re-imported with one word added to McMaster's denial. */
async function prepare(): Promise<string> {
  const id = await prepareQuoted();
  const art = (await stored(id)).articles[0]!;
  const updated = readFileSync(SEED_FILE, 'utf8').replace(MARKED, NOW_READS);
  const re = await api(host.origin, host.token, 'sessions.reimportArticle', {
    id,
    articleId: art.id,
    file: { fileName: 'updated.txt', base64: Buffer.from(updated).toString('base64') },
  });
  expect(re.report.changed).toBe(1);
  await api(host.origin, host.token, 'sessions.apply', {
    id,
    baseRevision: (await stored(id)).revision,
    ops: re.ops,
  });
  await api(host.origin, host.token, 'sessions.flush', { id });
  return id;
}

/** The ranges painted in a custom highlight, as text. */
function painted(page: Page, name: string): Promise<string[]> {
  return page.evaluate(
    (n) =>
      [
        ...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(n) ?? []),
      ].map((r) => r.toString()),
    name,
  );
}

test('a changed passage is flagged in the card, the detail panel and the highlight until confirmed', async ({
  page,
}) => {
  const id = await prepare();
  const changed = (await stored(id)).annotations.find((a) => a.target.status === 'changed')!;
  expect(changed.target.quote.exact).toBe(NOW_READS);
  expect(changed.target.was).toBe(MARKED);

  await page.goto(host.url);
  await page
    .getByTestId('session-item')
    .filter({ hasText: 'Changed wording' })
    .getByRole('button', { name: /^Open/ })
    .click();
  await expect(page.locator('.article-text')).toBeVisible();

  // The card: the statement carries the flag; no other does.
  const card = page.getByTestId('dispute-card');
  const statement = card.locator('button.statement', { hasText: NOW_READS });
  await expect(statement.getByTestId('anchor-status')).toHaveText('Changed: confirm');
  await expect(card.locator('[data-testid="anchor-status"][data-status="changed"]')).toHaveCount(1);

  await settleForScreenshot(page);
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  await card.screenshot({ path: join(ROOT, 'test-results/changed-anchor-card.png') });

  // Reveal it: the detail panel says what happened, with the wording as marked.
  await statement.click();
  await page.getByRole('tab', { name: 'Counter-statement' }).click();
  const detail = page.getByTestId('annotation-detail');
  await expect(detail.getByTestId('anchor-status')).toHaveText('Changed: confirm');
  const line = detail.getByTestId('anchor-status-line');
  await expect(line).toContainText(`As marked: “${MARKED}”`);
  await expect(line.getByRole('button', { name: 'Confirm this passage' })).toBeVisible();
  await expect(line.getByRole('button', { name: /Re-attach/ })).toBeVisible();

  // The painted highlight: the passage, as it now reads, is in the "changed" highlight.
  await expect.poll(() => painted(page, 'fc-changed')).toEqual([NOW_READS]);

  await settleForScreenshot(page);
  await page.screenshot({ path: join(ROOT, 'test-results/changed-anchor.png') });

  // Confirm: stored as anchored on the new wording, the flag gone everywhere.
  await line.getByRole('button', { name: 'Confirm this passage' }).click();
  await expect(detail.getByTestId('anchor-status')).toHaveText('Anchored');
  await page.getByRole('tab', { name: 'Disputes' }).click();
  await expect(card.locator('[data-status="changed"]')).toHaveCount(0);
  await expect.poll(() => painted(page, 'fc-changed')).toEqual([]);
  await expect
    .poll(async () => (await stored(id)).annotations.find((a) => a.id === changed.id)!.target)
    .toEqual({ ...changed.target, status: 'anchored', was: undefined });

  // Undo brings the flag back, in the page and in the store.
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(statement.getByTestId('anchor-status')).toHaveText('Changed: confirm');
  await expect.poll(() => painted(page, 'fc-changed')).toEqual([NOW_READS]);
  await expect
    .poll(async () => (await stored(id)).annotations.find((a) => a.id === changed.id)!.target)
    .toEqual(changed.target);
});

test('a quote with its own quotation marks is not wrapped in more, in the card and the link picker', async ({
  page,
}) => {
  await prepareQuoted();
  await page.goto(host.url);
  await page
    .getByTestId('session-item')
    .filter({ hasText: 'Changed wording' })
    .first()
    .getByRole('button', { name: /^Open/ })
    .click();
  const card = page.getByTestId('dispute-card');
  const quoted = card.locator('.statement-quote', { hasText: 'The story is false, the president' });
  await expect(quoted).toHaveText(QUOTATION);
  // Every other quote in the card is wrapped exactly once.
  for (const text of await card.locator('.statement-quote, .dispute-claim').allTextContents()) {
    expect(text).not.toMatch(/““|””/);
    expect(text.trim()).toMatch(/^“[^“]|^“$/);
  }

  // The link picker, opened from that statement: its own line and the targets.
  await quoted.click();
  await page.getByRole('tab', { name: 'Counter-statement' }).click();
  await page.getByTestId('annotation-detail').getByRole('button', { name: 'Link to…' }).click();
  const picker = page.getByRole('dialog', { name: 'Link to another annotation' });
  await expect(picker).toBeVisible();
  // Shortened, it keeps its own opening mark and gets no second one.
  await expect(picker).toContainText('From Counter-statement “The story is false, the president');
  expect(await picker.textContent()).not.toMatch(/““|””/);
  await picker.getByRole('button', { name: 'Cancel' }).click();

  // From the claim, the quotation is a target, shown as it is.
  await page.getByRole('tab', { name: 'Disputes' }).click();
  await card.locator('.dispute-claim').click();
  await page.getByRole('tab', { name: 'Claim' }).click();
  await page.getByTestId('annotation-detail').getByRole('button', { name: 'Link to…' }).click();
  await expect(picker).toBeVisible();
  await expect(picker.locator('.picker-quote', { hasText: 'The story is false, the' })).toHaveText(
    QUOTATION,
  );
  for (const text of await picker.locator('.picker-quote').allTextContents())
    expect(text).not.toMatch(/““|””/);
});
