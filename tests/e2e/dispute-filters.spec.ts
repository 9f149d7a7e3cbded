/**
 * Issue 9, defect 9: the dispute panel's filters. The filter box must not
 * snap shut when the last active filter is cleared; emptying the text field
 * must keep its focus, so the next keystrokes land in it; and the counts
 * shown must follow the filter ("1 of 6 claims"), checked against the
 * stored session.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Session } from '../../shared/model/session';
import { startHost, type RunningHost } from './helpers/web-host';
import {
  briefingReviewViaApi,
  openSessionFromHome,
  storedSession,
} from './helpers/review-fixtures';

let host: RunningHost;
let session: Session;
test.beforeAll(async () => {
  host = await startHost();
  // 24 sentences marked, kinds in turn: 6 claims, none linked.
  const { id } = await briefingReviewViaApi(host.origin, host.token, 30, 24, 'Filter review');
  session = await storedSession(host.origin, host.token, id);
});
test.afterAll(async () => {
  await host?.stop();
});

const claimsMatching = (text: string) =>
  session.annotations.filter(
    (a) => a.kind === 'claim' && a.target.quote.exact.toLowerCase().includes(text.toLowerCase()),
  ).length;

async function openFilters(page: Page) {
  await page.goto(host.url);
  await openSessionFromHome(page, 'Filter review');
  const box = page.getByTestId('dispute-panel').locator('details.filters');
  await box.locator('summary').click();
  await expect(box).toHaveAttribute('open', '');
  return box;
}

test('the counts follow the filter', async ({ page }) => {
  const total = session.annotations.filter((a) => a.kind === 'claim').length;
  expect(total).toBe(6);
  const box = await openFilters(page);
  const cards = page.getByTestId('dispute-card');
  await expect(cards).toHaveCount(total);
  await expect(page.locator('.panel-summary')).toContainText(`${total} claims`);
  await expect(page.getByTestId('filter-count')).toHaveText('');

  const claim = session.annotations.find((a) => a.kind === 'claim')!;
  const token = /\(point \d+\)/.exec(claim.target.quote.exact)![0];
  await box.getByRole('searchbox').fill(token);
  expect(claimsMatching(token)).toBe(1);
  await expect(cards).toHaveCount(1);
  // Nothing is linked, so every other annotation is a statement not linked to a claim;
  // none of them holds this claim's token.
  const statements = session.annotations.length - total;
  await expect(page.getByTestId('filter-count')).toHaveText(
    `Showing 1 of ${total} claims · 0 of ${statements} statements not linked to a claim`,
  );

  // A word in several claims: the count is the number of cards shown.
  const word = 'the';
  await box.getByRole('searchbox').fill(word);
  const n = claimsMatching(word);
  await expect(cards).toHaveCount(n);
  await expect(page.getByTestId('filter-count')).toContainText(`Showing ${n} of ${total} claims`);
});

test('emptying the text field keeps the box open and the focus in the field', async ({ page }) => {
  const box = await openFilters(page);
  const field = box.getByRole('searchbox');
  await field.click();
  await page.keyboard.type('zq');
  await expect(page.getByTestId('dispute-card')).toHaveCount(0);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  // The last active filter is cleared: the box stays open, the field keeps focus.
  await expect(box).toHaveAttribute('open', '');
  await expect(field).toBeFocused();
  await page.keyboard.type('point');
  await expect(field).toHaveValue('point');
  await expect(page.getByTestId('dispute-card')).toHaveCount(claimsMatching('point'));
});

test('clearing the last kind filter leaves the box open', async ({ page }) => {
  const box = await openFilters(page);
  const evidence = box.getByRole('checkbox', { name: 'Evidence', exact: true });
  await evidence.check();
  await expect(page.getByTestId('dispute-card')).toHaveCount(0);
  await evidence.uncheck();
  await expect(box).toHaveAttribute('open', '');
  await expect(evidence).toBeVisible();
  await expect(page.getByTestId('dispute-card')).toHaveCount(6);
  // "Clear filters" hands focus to the text field and leaves the box open too.
  await evidence.check();
  await expect(page.getByTestId('filter-count')).toContainText('Showing 0 of 6 claims');
  await box.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('filter-count')).toHaveText('');
  await expect(box).toHaveAttribute('open', '');
  await expect(box.getByRole('searchbox')).toBeFocused();
  await expect(page.getByTestId('dispute-card')).toHaveCount(6);
});
