/**
 * Issue 9, defect 10: the "Deleted … Undo" toast. Chosen behaviour: the
 * toast belongs to its session and to the change it announced. While that
 * change is the latest one, its Undo restores what was deleted (the stored
 * session shows it back); any later change, or leaving the session, takes
 * the toast away, so its Undo can never act on nothing or on something else.
 */
import { expect, test, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './helpers/web-host';
import { SEED_QUOTES, seedReviewViaApi } from './helpers/app-driver';
import { openSessionFromHome, storedSession } from './helpers/review-fixtures';

let host: RunningHost;
let sessionId: string;
let sessionName: string;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host?.stop();
});
test.beforeEach(async ({}, info) => {
  sessionName = `Seed review ${info.title.slice(0, 24)}`;
  sessionId = await seedReviewViaApi(host.origin, host.token, sessionName);
});

const undoToast = (page: Page) =>
  page.getByTestId('notice').filter({ hasText: 'Deleted the annotation' });

/**
 * How many Undo toasts are shown, counted once after the next two frames (not
 * waited for: a toast also fades by itself after a while, which must not
 * pass for being taken away).
 */
async function undoToastsNow(page: Page): Promise<number> {
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  return undoToast(page).count();
}

/** Open the seed review and delete the tweet (evidence, linked to the claim) from its panel. */
async function deleteTheTweet(page: Page): Promise<void> {
  await page.goto(host.url);
  await openSessionFromHome(page, sessionName);
  await page
    .getByTestId('dispute-card')
    .locator('.statement')
    .filter({ hasText: 'I wanted to share' })
    .click();
  await page.getByRole('tab', { name: 'Evidence' }).click();
  await page
    .getByTestId('annotation-detail')
    .getByRole('button', { name: 'Delete annotation' })
    .click();
  await page
    .getByRole('dialog', { name: 'Delete this annotation and its links?' })
    .getByRole('button', { name: 'Delete annotation and links' })
    .click();
  await expect(undoToast(page).getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
}

async function stored() {
  const s = await storedSession(host.origin, host.token, sessionId);
  return {
    tweet: s.annotations.some((a) => a.target.quote.exact === SEED_QUOTES.tweet),
    annotations: s.annotations.length,
    links: s.links.length,
  };
}

test('leaving the session takes the Undo toast away; the deletion stays as stored', async ({
  page,
}) => {
  await deleteTheTweet(page);
  expect(await stored()).toEqual({ tweet: false, annotations: 4, links: 3 });
  await page.getByRole('button', { name: '← Sessions' }).click();
  await expect(page.getByTestId('session-item').filter({ hasText: sessionName })).toBeVisible();
  expect(await undoToastsNow(page)).toBe(0);
  expect(await stored()).toEqual({ tweet: false, annotations: 4, links: 3 });
});

test('in the session, the toast’s Undo restores the annotation and its link', async ({ page }) => {
  await deleteTheTweet(page);
  await undoToast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(
    page.getByTestId('dispute-card').locator('.statement').filter({ hasText: 'I wanted to share' }),
  ).toHaveCount(1);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await expect.poll(stored).toEqual({ tweet: true, annotations: 5, links: 4 });
});

test('a later change takes the toast away, so its Undo cannot undo something else', async ({
  page,
}) => {
  await deleteTheTweet(page);
  // Another change: mark a passage as context (selected with Find).
  await page.keyboard.press('Control+f');
  await page.keyboard.type('Before this new accusation cropped up');
  await expect(page.locator('#find-status')).toHaveText('1 of 1');
  await page.keyboard.press('Enter');
  await page.keyboard.press('4');
  await expect(page.getByTestId('annotation-detail')).toContainText('Before this new accusation');
  expect(await undoToastsNow(page)).toBe(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await expect.poll(stored).toEqual({ tweet: false, annotations: 5, links: 3 });
});
