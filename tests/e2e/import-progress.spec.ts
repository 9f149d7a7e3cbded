/**
 * Issue 14, attack 1, in the UI: a long import shows its progress with a
 * Cancel button; Cancel stops it, says so, and adds nothing to the library.
 * Whether the import is still running when Cancel is clicked is checked
 * through the host (an ordering check, not a timing).
 */
import { expect, test } from '@playwright/test';
import { startHost, type RunningHost } from './helpers/web-host';
import { newsPage } from '../helpers/hostile-inputs';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host?.stop();
});

test('a long import shows progress and can be cancelled', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await expect(page.getByTestId('library-item').first()).toBeVisible();
  const before = await page.getByTestId('library-item').count();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import article…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'long-page.html',
    mimeType: 'text/html',
    buffer: Buffer.from(newsPage(15.5 * 1024 * 1024)),
  });

  const progress = page.getByTestId('import-progress');
  await expect(progress).toContainText('Importing “long-page.html”…', { timeout: 60_000 });
  await expect(progress.getByRole('progressbar')).toHaveCount(1);
  // Clicked as soon as it shows (the bar re-renders with every progress event, so the click
  // does not wait for it to stand still); whether the import was still running is checked below.
  await progress.getByRole('button', { name: 'Cancel' }).dispatchEvent('click');

  await expect(page.getByRole('alert')).toContainText(
    'The import of “long-page.html” was cancelled.',
    { timeout: 60_000 },
  );
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('library-item')).toHaveCount(before);
  const listed = await page.evaluate(async (token) => {
    const r = await fetch('/api/library.list', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    return ((await r.json()) as { value: { fileName: string }[] }).value.map((e) => e.fileName);
  }, host.token);
  expect(listed).not.toContain('long-page.html');
});
