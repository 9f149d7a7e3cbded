/**
 * The toolbar's file actions in browser mode (issue 4's UI): every export
 * arrives as a download; ClaimReview without publication settings is refused
 * in words and works once they are set; Save session as… and Open session
 * file… with the copy/replace choice; W3C annotations imported into another
 * session; and re-importing an updated article, with the orphan re-attached.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHost, ROOT, type RunningHost } from './helpers/web-host';
import {
  api,
  SEED_QUOTES,
  seedReviewViaApi,
  watchRequests,
  confirmStartReview,
} from './helpers/app-driver';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host?.stop();
});

async function download(
  page: Page,
  menu: string,
  item: string | RegExp,
): Promise<{ name: string; text: string }> {
  const done = page.waitForEvent('download');
  await page.getByRole('button', { name: menu, exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
  const d = await done;
  const path = await d.path();
  return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

async function openSession(page: Page, name: string) {
  await page
    .getByTestId('session-item')
    .filter({ hasText: name })
    .first()
    .getByRole('button', { name: /^Open/ })
    .click();
  await expect(page.locator('.article-text')).toBeVisible();
}

test('exports, session files, W3C import and re-import from the toolbar', async ({ page }) => {
  const requests = watchRequests(page, host.origin);
  await seedReviewViaApi(host.origin, host.token, 'Seed review');
  await page.goto(host.url);
  await openSession(page, 'Seed review');
  await expect(page.getByTestId('dispute-card')).toHaveCount(1);

  // Reports and formats, each a download.
  const html = await download(page, 'Export', 'HTML report');
  expect(html.name).toMatch(/\.html$/);
  expect(html.text).toContain('jeopardised a critical source of intelligence');
  expect(html.text).toContain('Mostly true');
  const md = await download(page, 'Export', 'Markdown');
  expect(md.name).toMatch(/\.md$/);
  const csv = await download(page, 'Export', 'CSV spreadsheet');
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.text.charCodeAt(0)).toBe(0xfeff);
  const w3c = await download(page, 'Export', /W3C Web Annotations/);
  expect(JSON.parse(w3c.text).type).toBe('AnnotationCollection');
  writeFileSync(join(host.dataDir, 'review.annotations.jsonld'), w3c.text);
  const brat = page.waitForEvent('download');
  const bratAnn = page.waitForEvent('download', (d) => d.suggestedFilename().endsWith('.ann'));
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: /brat/ }).click();
  expect((await brat).suggestedFilename()).toMatch(/\.(txt|ann)$/);
  expect((await bratAnn).suggestedFilename()).toMatch(/\.ann$/);

  // PDF: printed by the host's Chromium in browser mode.
  const pdfDone = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'PDF report' }).click();
  const pdf = await pdfDone;
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(
    readFileSync(await pdf.path())
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');

  // ClaimReview needs the organisation and the publication base URL: refused in words first.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: /ClaimReview/ }).click();
  const refusal = page.getByTestId('notice').filter({ hasText: 'ClaimReview' });
  await expect(refusal).toBeVisible();
  await refusal.getByRole('button', { name: 'Open session settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Session settings' });
  await settings.getByLabel('Your name').fill('Maya Okafor');
  await settings.getByLabel('Fact-checking organisation').fill('Example Fact Check');
  await settings.getByLabel(/Publication base URL/).fill('https://factcheck.example.org/reviews/');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toHaveCount(0);
  const claimReview = await download(page, 'Export', /ClaimReview/);
  expect(claimReview.text).toContain('ClaimReview');
  expect(claimReview.text).toContain('Example Fact Check');

  // Save session as…, then open that file: it exists, so the choice is copy or replace.
  const portable = await download(page, 'File', 'Save session as…');
  expect(portable.name).toMatch(/\.fcw\.json$/);
  const portablePath = join(host.dataDir, portable.name);
  writeFileSync(portablePath, portable.text);
  for (const choice of ['Import as a copy', 'Replace (keep a backup)']) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Open session file…' }).click();
    await (await chooser).setFiles(portablePath);
    const ask = page.getByRole('dialog', { name: 'This session is already here' });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: choice }).click();
    // The view has switched once the app says so.
    const opened = page.getByTestId('notice').filter({ hasText: 'Opened “' });
    await expect(opened).toBeVisible();
    await opened.getByRole('button', { name: 'Dismiss message' }).click();
    await expect(page.getByTestId('dispute-card')).toHaveCount(1);
  }
  expect((await api(host.origin, host.token, 'sessions.list', {})).length).toBe(2);

  // W3C annotations into a fresh session on the same article.
  await page.getByRole('button', { name: '← Sessions' }).click();
  await page
    .getByTestId('library-item')
    .filter({ hasText: 'Seed' })
    .getByRole('button', { name: /Start review/ })
    .click();
  await confirmStartReview(page);
  await expect(page.getByText('No claims yet.')).toBeVisible();
  const w3cChooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Import W3C annotations…' }).click();
  await (await w3cChooser).setFiles(join(host.dataDir, 'review.annotations.jsonld'));
  await expect(page.getByTestId('dispute-card')).toHaveCount(1);
  await expect(page.getByTestId('dispute-card')).toContainText('Mostly true');
  await expect(page.getByTestId('dispute-card').locator('.statement')).toHaveCount(4);

  // Re-import an updated article: one quote changed (orphaned), everything after it moved.
  const seedText = readFileSync(
    join(ROOT, 'seeds/2017-05-17-trump-shared-intelligence-with-russia.txt'),
    'utf8',
  );
  const updated = seedText
    .replace('Even as the Donald Trump', 'UPDATED. Even as the Donald Trump')
    .replace('The story is false, the president', 'This report is wrong, the president');
  const updatedPath = join(host.dataDir, 'seed-updated.txt');
  writeFileSync(updatedPath, updated);
  const reChooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: /Re-import this article/ }).click();
  await (await reChooser).setFiles(updatedPath);
  await expect(page.getByTestId('notice').filter({ hasText: 'Re-imported' })).toContainText(
    '1 not found',
  );
  const orphans = page.getByTestId('orphans');
  await expect(orphans).toContainText(SEED_QUOTES.falseStory);
  await expect(page.locator('.article-text')).toContainText('UPDATED. Even as');

  // Re-attach the orphan to the new wording, by keyboard: find, then Enter.
  await orphans.getByRole('button', { name: 'Re-attach…' }).click();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('This report is wrong');
  await expect(page.locator('#find-status')).toHaveText('1 of 1');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('orphans')).toHaveCount(0);
  await expect(page.getByTestId('annotation-detail')).toContainText('This report is wrong');
  await expect(page.getByTestId('anchor-status')).toHaveText('Anchored');
  // Undo brings the orphan back; redo re-attaches it again.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('anchor-status')).toHaveText('Not found');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('anchor-status')).toHaveText('Anchored');
  await page.getByRole('tab', { name: 'Disputes' }).click();
  await expect(page.getByTestId('orphans')).toHaveCount(0);
  await expect(
    page
      .getByTestId('dispute-card')
      .locator('.statement')
      .filter({ hasText: 'This report is wrong' }),
  ).toHaveCount(1);

  expect(requests.outside()).toEqual([]);
});
