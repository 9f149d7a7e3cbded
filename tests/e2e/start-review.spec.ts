/**
 * Starting a review and exporting it, in Chromium through browser mode
 * (issue 9):
 * - defect 15: "Start review" asks for the reviewer, outlet, URL and byline,
 *   prefilled from the article's page metadata, and the exported report's
 *   header shows them (checked against the stored session);
 * - defect 7: "Start review" on an article that already has a session offers
 *   to open it, and still makes a new one when the reviewer insists;
 * - defect 13: a PDF export shows that it is running ("Exporting PDF report…"
 *   with a ticking count) and cannot be started twice.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { startHost, ROOT, type RunningHost } from './helpers/web-host';
import { api, settleForScreenshot } from './helpers/app-driver';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host?.stop();
});

const PAGE = `<!DOCTYPE html><html><head>
<title>Harbour reopens | The Coastal Courier</title>
<meta property="og:title" content="Harbour reopens after three weeks of storm repairs, but fishermen say two berths are still closed">
<meta property="og:site_name" content="The Coastal Courier">
<link rel="canonical" href="https://courier.example.com/news/harbour-reopens">
<meta name="author" content="Ines Marlow">
<meta property="article:published_time" content="2024-03-04T08:00:00Z">
</head><body><article>
<h1>Harbour reopens after three weeks of storm repairs, but fishermen say two berths are still closed</h1>
<p>The harbour reopened on Monday after three weeks of repairs, the port authority said.</p>
<p>“Every berth is safe again,” the harbour master told reporters.</p>
<p>Fishermen said two berths were still closed on Tuesday.</p>
</article></body></html>`;
const TITLE =
  'Harbour reopens after three weeks of storm repairs, but fishermen say two berths are still closed';

async function importPage(): Promise<string> {
  const entry = await api(host.origin, host.token, 'library.importFile', {
    fileName: 'harbour.html',
    base64: Buffer.from(PAGE).toString('base64'),
  });
  return entry.id;
}

async function sessionsOf(articleId: string) {
  const list = await api(host.origin, host.token, 'sessions.list', {});
  return list.filter((s) => s.articleIds?.includes(articleId));
}

/** The imported page and a session on it, made through the API when an earlier test did not. */
async function articleWithSession(): Promise<string> {
  const found = (await api(host.origin, host.token, 'library.list', {})).find(
    (e) => e.meta.title === TITLE,
  );
  const articleId = found?.id ?? (await importPage());
  if (!(await sessionsOf(articleId)).length)
    await api(host.origin, host.token, 'sessions.create', {
      articleIds: [articleId],
      reviewer: 'Maya Okafor',
    });
  return articleId;
}

function libraryItem(page: Page) {
  return page.getByTestId('library-item').filter({ hasText: TITLE });
}

async function download(page: Page, item: string | RegExp) {
  const done = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
  const d = await done;
  return { name: d.suggestedFilename(), path: await d.path() };
}

test('starting a review asks for the report’s details, prefilled, and the report shows them', async ({
  page,
}) => {
  const articleId = await importPage();
  await page.goto(host.url);
  await libraryItem(page)
    .getByRole('button', { name: /Start review/ })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Start a review' });
  await expect(dialog).toBeVisible();
  // Prefilled from the page: og:site_name, the canonical URL, the author.
  await expect(dialog.locator('input[name="outlet"]')).toHaveValue('The Coastal Courier');
  await expect(dialog.locator('input[name="url"]')).toHaveValue(
    'https://courier.example.com/news/harbour-reopens',
  );
  await expect(dialog.locator('input[name="byline"]')).toHaveValue('Ines Marlow');
  await expect(dialog.locator('input[name="reviewer"]')).toBeFocused();
  await dialog.locator('input[name="reviewer"]').fill('Maya Okafor');
  await dialog.locator('input[name="byline"]').fill('Ines Marlow and Tom Reyes');
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  await dialog.screenshot({ path: join(ROOT, 'test-results/start-review-dialog.png') });
  // A URL that is not a web address is refused in words, and nothing is created.
  await dialog.locator('input[name="url"]').fill('courier dot example');
  await dialog.getByRole('button', { name: 'Start review', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('must be a full web address');
  expect(await sessionsOf(articleId)).toHaveLength(0);
  await dialog
    .locator('input[name="url"]')
    .fill('https://courier.example.com/news/harbour-reopens');
  await dialog.getByRole('button', { name: 'Start review', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.article-text')).toContainText('The harbour reopened on Monday');

  // Stored as given.
  const [summary] = await sessionsOf(articleId);
  const stored = (await api(host.origin, host.token, 'sessions.open', { id: summary!.id })).session;
  expect(stored.settings.reviewer).toBe('Maya Okafor');
  expect(stored.articles[0]!.meta).toMatchObject({
    outlet: 'The Coastal Courier',
    url: 'https://courier.example.com/news/harbour-reopens',
    byline: 'Ines Marlow and Tom Reyes',
  });
  // The headline is shown once: as the article's heading, not again above it.
  await expect(page.locator('.article-page h1', { hasText: TITLE })).toHaveCount(1);

  // The HTML report's header says what was entered, nothing "not recorded".
  const html = await download(page, 'HTML report');
  const doc = new JSDOM(readFileSync(html.path!, 'utf8')).window.document;
  const field = (label: string) =>
    [...doc.querySelectorAll('dt')]
      .find((dt) => dt.textContent === label)
      ?.nextElementSibling?.textContent?.trim();
  expect(field('Reviewed by')).toBe(stored.settings.reviewer);
  expect(field('Outlet')).toBe(stored.articles[0]!.meta.outlet);
  expect(field('Source URL')).toBe(stored.articles[0]!.meta.url);
  expect(field('Byline')).toBe(stored.articles[0]!.meta.byline);
  expect(doc.querySelector('.masthead')!.textContent).not.toContain('not recorded');
  // The report's heading is the whole title, never cut with an ellipsis.
  expect(stored.name).toBe(`Review: ${TITLE}`);
  expect(doc.querySelector('h1')!.textContent).toBe(`Review: ${TITLE}`);
  expect(doc.querySelector('.article-meta')!.textContent).not.toContain('not recorded');
});

test('“Start review” on an article that has a session offers to open it, and starts another only when asked', async ({
  page,
}) => {
  const articleId = await articleWithSession();
  const before = (await sessionsOf(articleId)).length;
  const [existing] = await sessionsOf(articleId);
  expect(existing).toBeDefined();
  await page.goto(host.url);

  // Open the existing one: no new session.
  await libraryItem(page)
    .getByRole('button', { name: /Start review/ })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Start a review' });
  await expect(dialog).toContainText(
    before === 1 ? 'already has a review session' : `already has ${before} review sessions`,
  );
  await expect(dialog).toContainText(existing!.name);
  // The reviewer named last time is offered again.
  await expect(dialog.locator('input[name="reviewer"]')).toHaveValue('Maya Okafor');
  await expect(dialog.getByRole('button', { name: 'Open it' })).toBeFocused();
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  await dialog.screenshot({ path: join(ROOT, 'test-results/start-review-existing.png') });
  await dialog.getByRole('button', { name: 'Open it' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.session-title h1')).toHaveText(existing!.name);
  expect(await sessionsOf(articleId)).toHaveLength(before);

  // Insisting makes a second session.
  await page.getByRole('button', { name: '← Sessions' }).click();
  await libraryItem(page)
    .getByRole('button', { name: /Start review/ })
    .click();
  await dialog.getByRole('button', { name: 'Start a new review anyway' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.article-text')).toBeVisible();
  await expect.poll(async () => (await sessionsOf(articleId)).length).toBe(before + 1);

  // Cancel makes nothing.
  await page.getByRole('button', { name: '← Sessions' }).click();
  await libraryItem(page)
    .getByRole('button', { name: /Start review/ })
    .click();
  await expect(dialog).toContainText(`already has ${before + 1} review sessions`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await sessionsOf(articleId)).toHaveLength(before + 1);
});

test('a PDF export shows it is running and cannot be started twice', async ({ page }) => {
  const articleId = await articleWithSession();
  const [first] = await sessionsOf(articleId);
  await page.goto(host.url);
  await page
    .getByTestId('session-item')
    .filter({ hasText: first!.name })
    .first()
    .getByRole('button', { name: /^Open/ })
    .click();
  await expect(page.locator('.article-text')).toBeVisible();

  // Hold the host's answer until the test has looked at the page (the host still does the work).
  let requests = 0;
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/export.render', async (route) => {
    requests++;
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  const done = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'PDF report' }).click();

  const progress = page.getByTestId('export-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText('Exporting PDF report…');
  await expect(progress).toHaveAttribute('role', 'status');
  // The count ticks, so it does not look frozen.
  const first1 = await progress.locator('.export-seconds').textContent();
  await expect(progress.locator('.export-seconds')).not.toHaveText(first1!);
  // Every export is disabled meanwhile; choosing one anyway starts nothing.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const pdfItem = page.getByRole('menuitem', { name: 'PDF report' });
  await expect(pdfItem).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('menuitem', { name: 'HTML report' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await pdfItem.click({ force: true });
  await page.keyboard.press('Escape');
  await settleForScreenshot(page).catch(() => undefined);
  await page.screenshot({ path: join(ROOT, 'test-results/export-progress.png') });

  release();
  const pdf = await done;
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(
    readFileSync((await pdf.path())!)
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');
  await expect(progress).toHaveCount(0);
  expect(requests).toBe(1);
  // Exports are enabled again.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'PDF report' })).not.toHaveAttribute(
    'aria-disabled',
    'true',
  );
});
