/**
 * Foundation journey in browser mode (issue 2): an empty data directory, the
 * seed opened and rendered (paragraphs, caption once, both tweets with their
 * attribution, publication date), a session created, the page reloaded and
 * the session reopened where it was left, an HTML import with a script and
 * an onerror image that runs nothing and loads nothing, and a screenshot.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startHost, ROOT, type RunningHost } from './helpers/web-host';
import { api, settleForScreenshot, watchRequests, confirmStartReview } from './helpers/app-driver';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host?.stop();
});

test('open the seed, create a session, reload and reopen, import hostile HTML safely', async ({
  page,
}) => {
  const requests = watchRequests(page, host.origin);
  expect(readdirSync(host.dataDir).filter((f) => f.endsWith('.json'))).toEqual([]);
  await page.goto(host.url);
  // The token left the address bar.
  await expect.poll(() => page.url()).not.toContain('token=');

  // The library lists the seed; no sessions yet.
  await expect(page.getByText('No review sessions yet.')).toBeVisible();
  const seed = page.getByTestId('library-item').filter({ hasText: 'Seed' }).first();
  await expect(seed).toBeVisible();
  await seed.getByRole('button', { name: /Start review/ }).click();
  await confirmStartReview(page);

  // The article: caption once, paragraphs, two quoted tweets with attribution, the date.
  const text = page.locator('.article-text');
  await expect(text).toBeVisible();
  await expect(text.locator('.article-caption')).toHaveCount(1);
  await expect(text.locator('.article-caption')).toContainText(
    'US President Donald Trump meets with Russian Foreign Minister Sergey Lavrov',
  );
  // Six body paragraphs, besides the caption and the two tweets.
  await expect(text.locator(':scope > p:not([class])')).toHaveCount(6);
  const tweets = text.locator('blockquote.tweet');
  await expect(tweets).toHaveCount(2);
  await expect(tweets.nth(0).locator('.tweet-attribution')).toHaveText(
    '— Donald J. Trump (@realDonaldTrump) May 16, 2017',
  );
  await expect(tweets.nth(1).locator('.tweet-attribution')).toHaveText(
    '— Donald J. Trump (@realDonaldTrump) May 16, 2017',
  );
  await expect(page.locator('.article-date')).toHaveText('Published 17 May 2017');
  // The text is read-only: typing changes nothing.
  const before = await text.innerText();
  await text.click();
  await page.keyboard.type('zzz');
  await page.keyboard.press('Backspace');
  expect(await text.innerText()).toBe(before);

  // Edit the title (metadata), scroll, let it save.
  await page.getByRole('button', { name: 'Edit details' }).click();
  await page.getByLabel('Title').fill('Trump shared intelligence with Russia');
  await page.getByLabel('Outlet').fill('Example Times');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.locator('.article-title')).toHaveText('Trump shared intelligence with Russia');
  const scroller = page.getByTestId('article-scroll');
  await scroller.evaluate((el) => (el.scrollTop = 420));
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.waitForTimeout(1200); // the scroll position is saved after a short quiet time
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  const savedScroll = await scroller.evaluate((el) => el.scrollTop);

  // Reload: the session list shows the session; reopen restores it exactly.
  await page.reload();
  const item = page.getByTestId('session-item').first();
  await expect(item).toContainText('Trump shared intelligence with Russia');
  await item.getByRole('button', { name: /^Open/ }).click();
  await expect(page.locator('.article-title')).toHaveText('Trump shared intelligence with Russia');
  await expect(page.locator('.article-outlet')).toHaveText('Example Times');
  await expect
    .poll(() => page.getByTestId('article-scroll').evaluate((el) => el.scrollTop))
    .toBe(savedScroll);
  await page.getByRole('button', { name: '← Sessions' }).click();

  // Import an HTML file with a script and an onerror image.
  await page.evaluate(() => delete (window as unknown as { __pwned?: unknown }).__pwned);
  const html = `<!doctype html><html><head><title>Harbour report</title><script>window.__pwned = 'script'</script></head>
<body><h1>Harbour report</h1><p>The harbour reopened on Monday after repairs.<img src="x" onerror="window.__pwned='img'"></p>
<p>Officials said the work cost less than planned.</p><script>fetch('http://example.com/x')</script></body></html>`;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import article…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'harbour.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  const imported = page.getByTestId('library-item').filter({ hasText: 'Harbour report' });
  await expect(imported).toBeVisible();
  await imported.getByRole('button', { name: /Start review/ }).click();
  await confirmStartReview(page);
  await expect(page.locator('.article-text')).toContainText(
    'The harbour reopened on Monday after repairs.',
  );
  await expect(page.locator('.article-text')).toContainText(
    'Officials said the work cost less than planned.',
  );
  expect(
    await page.locator('.article-text script, .article-text img, .article-text [onerror]').count(),
  ).toBe(0);
  await page.waitForTimeout(300);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
  ).toBeUndefined();
  expect(requests.outside()).toEqual([]);

  // Bad input: an empty file is refused in words, and the app keeps working.
  const chooser2 = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: 'Import article into this session…' }).click();
  await (
    await chooser2
  ).setFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await expect(page.getByTestId('notice').filter({ hasText: 'empty.txt' })).toBeVisible();
  await expect(page.locator('.article-text')).toContainText('The harbour reopened');

  // Screenshot of the seed beside the session list.
  await page.getByRole('button', { name: '← Sessions' }).click();
  await expect(page.getByTestId('session-item')).toHaveCount(2);
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  await settleForScreenshot(page);
  await page.screenshot({ path: join(ROOT, 'test-results/foundation-home.png') });
  await page
    .getByTestId('session-item')
    .filter({ hasText: 'Trump shared intelligence' })
    .getByRole('button', { name: /^Open/ })
    .click();
  await expect(page.locator('.article-text blockquote.tweet')).toHaveCount(2);
  await settleForScreenshot(page);
  await page.screenshot({ path: join(ROOT, 'test-results/foundation-seed.png') });

  // What the host stored: two sessions, the seed one with its metadata.
  const list = await api(host.origin, host.token, 'sessions.list', {});
  expect(list.map((s) => s.articleTitles[0]).sort()).toEqual([
    'Harbour report',
    'Trump shared intelligence with Russia',
  ]);
  expect(requests.outside()).toEqual([]);
});
