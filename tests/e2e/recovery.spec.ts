/**
 * What the reviewer sees when something went wrong (issue 5's UI), with the
 * real host on one data directory across restarts:
 * - the host is killed (SIGKILL) after edits were journaled: the next start
 *   lists the session as recoverable and opening it offers the changes back;
 *   edits are held until the reviewer restores or discards them;
 * - a session file is damaged: it is listed as damaged with the reason, and
 *   "Restore backup" brings back the last good version;
 * - a file from a newer version opens read-only, says so, and refuses edits
 *   in words.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from './helpers/web-host';
import { SEED_QUOTES, confirmStartReview } from './helpers/app-driver';

let dataDir: string;
let host: RunningHost | null = null;
test.beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'fcw-e2e-recovery-'));
});
test.afterAll(async () => {
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function restart(page: Page, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') {
  await host?.stop(signal);
  host = await startHost({ dataDir });
  await page.goto(host.url);
  await expect(page.getByTestId('library-item').first()).toBeVisible();
}

async function markClaim(page: Page, quote: string) {
  await page.locator('.article-text').focus();
  await page.keyboard.press('Control+f');
  await page.keyboard.type(quote);
  await expect(page.locator('#find-status')).toHaveText('1 of 1');
  await page.keyboard.press('Enter');
  await page.keyboard.press('1');
  await page.keyboard.press('Escape'); // leave the speaker field
  await page.keyboard.press('Escape'); // close the annotation: the side panel shows the disputes
}

test('crash recovery, a damaged file with its backup, and a newer-version file', async ({
  page,
}) => {
  await restart(page);
  await page
    .getByTestId('library-item')
    .first()
    .getByRole('button', { name: /Start review/ })
    .click();
  await confirmStartReview(page);
  await expect(page.locator('.article-text')).toBeFocused();
  await markClaim(page, SEED_QUOTES.claim);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');

  // 1. The host dies: the claim was journaled, not yet compacted into the file.
  await restart(page, 'SIGKILL');
  const item = page.getByTestId('session-item').first();
  await expect(item).toContainText('can be recovered');
  await item.getByRole('button', { name: /^Open/ }).click();
  const offer = page.getByTestId('recovery-offer');
  await expect(offer).toContainText('not closed cleanly');
  // Edits wait for the decision, and say why.
  await markClaim(page, SEED_QUOTES.falseStory);
  await expect(page.getByTestId('notice').filter({ hasText: 'restore or discard' })).toBeVisible();
  await offer.getByRole('button', { name: 'Restore changes' }).click();
  await expect(offer).toHaveCount(0);
  await expect(page.getByTestId('dispute-card')).toHaveCount(1);
  await expect(page.getByTestId('dispute-card')).toContainText('jeopardised');
  await markClaim(page, SEED_QUOTES.falseStory);
  await expect(page.getByTestId('dispute-card')).toHaveCount(2);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');

  // 2. A clean stop writes the file (and keeps the previous version as .bak); then the file is damaged.
  await restart(page);
  const sessionsDir = join(dataDir, 'sessions');
  const file = readdirSync(sessionsDir).find((f) => /^[0-9a-f-]{36}\.json$/.test(f))!;
  const good = JSON.parse(readFileSync(join(sessionsDir, file), 'utf8'));
  await host!.stop();
  writeFileSync(join(sessionsDir, file), '{"schemaVersion": 1, "id": "truncated');
  await restart(page);
  const damaged = page
    .getByTestId('session-item')
    .filter({ has: page.getByTestId('damaged-reason') });
  await expect(damaged).toHaveCount(1);
  await expect(damaged.getByTestId('damaged-reason')).toContainText('Damaged');
  await damaged.getByRole('button', { name: 'Restore backup' }).click();
  await expect(page.locator('.article-text')).toBeVisible();
  await expect(page.getByTestId('dispute-card').first()).toContainText('jeopardised');
  await page.getByRole('button', { name: '← Sessions' }).click();

  // 3. A file written by a newer version: listed, opened read-only, edits refused in words.
  await host!.stop();
  const newer = {
    ...good,
    schemaVersion: 99,
    id: '99999999-9999-4999-8999-999999999999',
    name: 'From a newer version',
  };
  writeFileSync(join(sessionsDir, `${newer.id}.json`), JSON.stringify(newer));
  await restart(page);
  const ro = page.getByTestId('session-item').filter({ hasText: 'From a newer version' });
  await expect(ro).toContainText('Read-only');
  await ro.getByRole('button', { name: /^Open/ }).click();
  await expect(page.getByRole('note')).toContainText('newer version');
  await expect(page.getByTestId('save-state')).toHaveText('Read-only');
  await markClaim(page, SEED_QUOTES.tillerson);
  await expect(
    page.getByTestId('notice').filter({ hasText: 'nothing can be changed here' }),
  ).toBeVisible();
  await expect(page.getByTestId('dispute-card')).toHaveCount(2);
  // The file was never rewritten.
  expect(JSON.parse(readFileSync(join(sessionsDir, `${newer.id}.json`), 'utf8'))).toEqual(newer);
});
