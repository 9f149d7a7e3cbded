/**
 * Browser mode across host restarts (issue 9, defect 3), with the real host
 * stopped and started again on the same data directory and port:
 * - an open tab keeps working: the edit made while the host was down saves
 *   by itself once it is back (the token is kept per data directory, 0600);
 * - a new token pasted into the tab's address is honoured (hashchange);
 * - leaving with unsaved edits asks first (beforeunload);
 * - edits made while the host was down survive closing the tab: the next page
 *   offers them, and opening the session saves them; when the session changed
 *   meanwhile the usual conflict choice decides, and nothing is dropped.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from './helpers/web-host';
import { api, confirmStartReview, SEED_QUOTES } from './helpers/app-driver';

let dataDir: string;
let host: RunningHost | null = null;
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'fcw-e2e-restart-'));
});
test.afterEach(async () => {
  await host?.stop();
  host = null;
  rmSync(dataDir, { recursive: true, force: true });
});

/** The save retries every few seconds; give it many rounds on a busy machine. */
const SAVED = { timeout: 60_000 };

async function startReview(page: Page): Promise<string> {
  await page.goto(host!.url);
  await page
    .getByTestId('library-item')
    .first()
    .getByRole('button', { name: /Start review/ })
    .click();
  await confirmStartReview(page);
  await expect(page.locator('.article-text')).toBeFocused();
  await page.keyboard.press('Control+f');
  await page.keyboard.type(SEED_QUOTES.claim);
  await expect(page.locator('#find-status')).toHaveText('1 of 1');
  await page.keyboard.press('Enter');
  await page.keyboard.press('1');
  await page.keyboard.press('Escape'); // leave the speaker field; the claim stays open
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  const list = await api(host!.origin, host!.token, 'sessions.list', {});
  return list[0]!.id;
}

/** Type a note on the open annotation and leave the field (that commits it). */
async function writeNote(page: Page, note: string): Promise<void> {
  const field = page.getByTestId('annotation-detail').getByRole('textbox', { name: 'Note' });
  await field.fill(note);
  await field.blur();
}

async function storedNote(sessionId: string): Promise<string | undefined> {
  const o = await api(host!.origin, host!.token, 'sessions.open', { id: sessionId });
  return o.session.annotations.find((a) => a.kind === 'claim')?.note;
}

test('an open tab keeps working after a restart on the same data directory and port', async ({
  page,
}) => {
  host = await startHost({ dataDir });
  const { port, url } = host;
  const id = await startReview(page);

  await host.stop();
  host = null;
  await writeNote(page, 'Written while the host was down.');
  await expect(page.getByTestId('save-state')).toHaveText('Not saved yet: retrying');

  host = await startHost({ dataDir, port });
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved', SAVED);
  expect(await storedNote(id)).toBe('Written while the host was down.');
  await expect(page.getByRole('alert').filter({ hasText: 'token' })).toHaveCount(0);
  // Same address, same token: kept in the data directory, readable by its owner only.
  expect(host.url).toBe(url);
  expect(statSync(join(dataDir, 'browser-token')).mode & 0o777).toBe(0o600);
});

test('a new address with a new token, pasted into the tab, is honoured', async ({ page }) => {
  host = await startHost({ dataDir });
  const { port, token } = host;
  const id = await startReview(page);
  await host.stop();
  host = null;
  await writeNote(page, 'Saved with the new token.');
  host = await startHost({ dataDir, port, args: ['--new-token'] });
  expect(host.token).not.toBe(token);
  // The old token is refused: the tab says so and keeps the edit.
  await expect(page.getByTestId('save-state')).toHaveText(/^Not saved(?! yet)/, SAVED);
  await expect(page.getByRole('alert').filter({ hasText: /access token/ })).toBeVisible();
  // Pasting the new address (only the fragment differs: no reload) switches the tab over.
  await page.goto(host.url);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved', SAVED);
  expect(await storedNote(id)).toBe('Saved with the new token.');
  await expect.poll(() => page.url()).not.toContain('token=');
});

test('leaving with unsaved edits asks first; staying keeps them', async ({ page }) => {
  host = await startHost({ dataDir });
  const { port } = host;
  const id = await startReview(page);
  await host.stop();
  host = null;
  await writeNote(page, 'Do not lose me.');
  await expect(page.getByTestId('save-state')).toHaveText('Not saved yet: retrying');
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.type());
    void d.dismiss(); // stay on the page
  });
  await page.reload({ timeout: 5_000 }).catch(() => undefined); // dismissed: no navigation happens
  expect(asked).toEqual(['beforeunload']);
  await expect(page.getByTestId('save-state')).toHaveText('Not saved yet: retrying');
  host = await startHost({ dataDir, port });
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved', SAVED);
  expect(await storedNote(id)).toBe('Do not lose me.');
});

test('edits survive closing the tab while the host is down, and are offered on the next load', async ({
  page,
  context,
}) => {
  host = await startHost({ dataDir });
  const { port } = host;
  const id = await startReview(page);
  await host.stop();
  host = null;
  await writeNote(page, 'Kept in the browser.');
  await expect(page.getByTestId('save-state')).toHaveText('Not saved yet: retrying');
  // Close the tab; the leave question is answered "leave".
  page.on('dialog', (d) => void d.accept());
  const closed = new Promise((r) => page.once('close', r));
  await page.close({ runBeforeUnload: true });
  await closed;

  host = await startHost({ dataDir, port });
  expect(await storedNote(id)).toBe(''); // not saved: the host never saw it
  const next = await context.newPage();
  await next.goto(host.url);
  const offer = next.getByTestId('notice').filter({ hasText: 'not saved yet' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Open the session to save them' }).click();
  await expect(
    next.getByTestId('notice').filter({ hasText: 'restored and are being saved' }),
  ).toBeVisible();
  await expect(next.getByTestId('save-state')).toHaveText('All changes saved', SAVED);
  expect(await storedNote(id)).toBe('Kept in the browser.');
  // Once saved, nothing is offered again.
  await next.reload();
  await expect(next.getByTestId('library-item').first()).toBeVisible();
  await expect(next.getByTestId('notice').filter({ hasText: 'not saved yet' })).toHaveCount(0);
});

test('kept edits on a session changed meanwhile go through the conflict choice, not lost', async ({
  page,
  context,
}) => {
  host = await startHost({ dataDir });
  const { port } = host;
  const id = await startReview(page);
  await host.stop();
  host = null;
  await writeNote(page, 'Mine, made while the host was down.');
  page.on('dialog', (d) => void d.accept());
  const closed = new Promise((r) => page.once('close', r));
  await page.close({ runBeforeUnload: true });
  await closed;

  host = await startHost({ dataDir, port });
  // Someone else changes the session meanwhile.
  const before = await api(host.origin, host.token, 'sessions.open', { id });
  await api(host.origin, host.token, 'sessions.apply', {
    id,
    baseRevision: before.session.revision,
    ops: [{ op: 'session.rename', name: 'Renamed elsewhere' }],
  });
  const next = await context.newPage();
  await next.goto(host.url);
  await next
    .getByTestId('notice')
    .filter({ hasText: 'not saved yet' })
    .getByRole('button', { name: 'Open the session to save them' })
    .click();
  await expect(next.getByTestId('save-state')).toHaveText(/^Not saved(?! yet)/, SAVED);
  await next.getByRole('button', { name: 'Save my version over it' }).click();
  await expect(next.getByTestId('save-state')).toHaveText('All changes saved', SAVED);
  const after = await api(host.origin, host.token, 'sessions.open', { id });
  expect(after.session.name).toBe('Renamed elsewhere');
  expect(after.session.annotations.find((a) => a.kind === 'claim')?.note).toBe(
    'Mine, made while the host was down.',
  );
});
