/**
 * Issue 9, defect 1: nothing is attributed unless the reviewer chose it. In
 * a session that has speakers, a passage is marked with `2` (focus lands in
 * the speaker field with its list open); Enter with nothing chosen must not
 * attribute the passage, nor must typed text that fits several speakers; a
 * choice by arrow keys, by a click, or by typing until one speaker (or "Add …
 * as a new speaker") is the highlighted option, must.
 * Each step checks the speaker shown in the panel and the session as stored.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Session } from '../../shared/model/session';
import { startHost, type RunningHost } from './helpers/web-host';
import { seedReviewViaApi } from './helpers/app-driver';
import { openSessionFromHome, storedSession } from './helpers/review-fixtures';

let host: RunningHost;
let sessionId: string;
test.beforeEach(async () => {
  host = await startHost();
  sessionId = await seedReviewViaApi(host.origin, host.token);
});
test.afterEach(async () => {
  await host?.stop();
});

const PASSAGES = [
  'Before this new accusation cropped up',
  'Trump defended his decision to share information',
  'drop an investigation into former National Security Adviser Michael Flynn',
];

/** Select a passage with Find (Ctrl+F, type, Enter), then mark it as a counter-statement with `2`. */
async function markWithTwo(page: Page, quote: string): Promise<void> {
  await page.keyboard.press('Control+f');
  await page.keyboard.type(quote);
  await expect(page.locator('#find-status')).toHaveText('1 of 1');
  await page.keyboard.press('Enter');
  await expect(page.locator('.article-text')).toBeFocused();
  await page.keyboard.press('2');
  await expect(page.locator('#speaker-input')).toBeFocused();
  await expect(speakerList(page)).toBeVisible();
}

const speakerList = (page: Page) => page.getByRole('listbox', { name: 'Speakers' });

/** The stored speaker of the annotation on `quote` (null: none), once everything is saved. */
async function storedSpeaker(page: Page, quote: string): Promise<string | null> {
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  let name: string | null = null;
  await expect
    .poll(
      async () => {
        const s: Session = await storedSession(host.origin, host.token, sessionId);
        const a = s.annotations.find((x) => x.target.quote.exact === quote);
        name = s.speakers.find((x) => x.id === a?.speakerId)?.name ?? null;
        return !!a;
      },
      { message: `an annotation on “${quote}” is stored` },
    )
    .toBe(true);
  return name;
}

test('Enter with nothing chosen attributes nothing and hands focus back to the text', async ({
  page,
}) => {
  await page.goto(host.url);
  await openSessionFromHome(page, 'Seed review');
  await markWithTwo(page, PASSAGES[0]!);
  // The list opens with nothing highlighted.
  await expect(speakerList(page).getByRole('option', { selected: true })).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.locator('.article-text')).toBeFocused();
  const detail = page.getByTestId('annotation-detail');
  await expect(detail).toContainText(PASSAGES[0]!);
  await expect(detail.getByTestId('speaker-name')).toHaveCount(0);
  expect(await storedSpeaker(page, PASSAGES[0]!)).toBeNull();
});

test('typed text that fits several speakers attributes nothing; a name typed out, or the arrow keys, do', async ({
  page,
}) => {
  await page.goto(host.url);
  await openSessionFromHome(page, 'Seed review');
  const detail = page.getByTestId('annotation-detail');

  // "R" fits H R McMaster and Rex Tillerson: Enter chooses nothing and says how to choose.
  await markWithTwo(page, PASSAGES[1]!);
  await page.keyboard.type('R');
  await expect(speakerList(page).getByRole('option', { selected: true })).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.locator('#speaker-input')).toBeFocused();
  await expect(page.getByTestId('speaker-hint')).toContainText('press ↓');
  await expect(detail.getByTestId('speaker-name')).toHaveCount(0);
  expect(await storedSpeaker(page, PASSAGES[1]!)).toBeNull();
  // Typing on until one speaker fits shows that one as the choice; Enter takes it.
  await page.keyboard.type('ex');
  await expect(speakerList(page).getByRole('option', { selected: true })).toContainText(
    'Rex Tillerson',
  );
  await page.keyboard.press('Enter');
  await expect(detail.getByTestId('speaker-name')).toHaveText('Rex Tillerson');
  await expect(page.locator('.article-text')).toBeFocused();
  expect(await storedSpeaker(page, PASSAGES[1]!)).toBe('Rex Tillerson');

  // A name no speaker has: what Enter will do is shown first ("Add … as a new speaker").
  await markWithTwo(page, PASSAGES[2]!);
  await page.keyboard.type('Sean Spicer');
  await expect(speakerList(page).getByRole('option', { selected: true })).toHaveText(
    'Add “Sean Spicer” as a new speaker',
  );
  let stored = await storedSession(host.origin, host.token, sessionId);
  expect(stored.speakers.map((s) => s.name)).not.toContain('Sean Spicer');
  await page.keyboard.press('Enter');
  await expect(detail.getByTestId('speaker-name')).toHaveText('Sean Spicer');
  expect(await storedSpeaker(page, PASSAGES[2]!)).toBe('Sean Spicer');
  stored = await storedSession(host.origin, host.token, sessionId);
  expect(stored.speakers.filter((s) => s.name === 'Sean Spicer')).toHaveLength(1);
});

test('a click on a speaker attributes it', async ({ page }) => {
  await page.goto(host.url);
  await openSessionFromHome(page, 'Seed review');
  await markWithTwo(page, PASSAGES[0]!);
  await speakerList(page)
    .getByRole('option', { name: /Rex Tillerson/ })
    .click();
  await expect(page.getByTestId('annotation-detail').getByTestId('speaker-name')).toHaveText(
    'Rex Tillerson',
  );
  expect(await storedSpeaker(page, PASSAGES[0]!)).toBe('Rex Tillerson');
});
