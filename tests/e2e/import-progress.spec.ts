/**
 * Issue 14, attack 1, in the UI: an import shows its progress with a Cancel
 * button from the moment it starts; Cancel stops it, says so, and adds
 * nothing to the library. The order is made certain, not timed: the page's
 * upload is held in the browser (Playwright routing) until the host has
 * answered the cancel, so the cancel always comes first. Cancelling an
 * import the host is already parsing is checked against the real host in
 * tests/electron/web/import-off-thread.test.ts.
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

test('an import shows progress and can be cancelled', async ({ page }) => {
  test.setTimeout(180_000);
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await page.route('**/api/library.importFile', async (route) => {
    await released;
    await route.continue();
  });
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
    buffer: Buffer.from(newsPage(2 * 1024 * 1024)),
  });

  const progress = page.getByTestId('import-progress');
  await expect(progress).toContainText('Importing “long-page.html”…', { timeout: 60_000 });
  await expect(progress.getByRole('progressbar')).toHaveCount(1);
  const cancelled = page.waitForResponse('**/api/library.cancelImport');
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await cancelled;
  release(); // the upload goes on now; the host refuses it as cancelled

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
