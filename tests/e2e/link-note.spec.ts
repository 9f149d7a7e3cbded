/**
 * Issue 9, defect 11: a note typed in the link dialog after choosing the
 * target is part of the link. Choosing a target (a click, or the arrow keys)
 * only chooses it; the link is made with its note by the Link button or
 * Enter. Checked in the stored session.
 */
import { expect, test, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './helpers/web-host';
import { api, SEED_QUOTES, seedReviewViaApi } from './helpers/app-driver';
import { markPassage } from '../../shared/review/annotation-edits';
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
  sessionName = `Seed review ${info.title.slice(0, 20)}`;
  sessionId = await seedReviewViaApi(host.origin, host.token, sessionName);
});

/** Open the tweet (evidence) and its link dialog. */
async function openLinkDialog(page: Page) {
  await page.goto(host.url);
  await openSessionFromHome(page, sessionName);
  await page
    .getByTestId('dispute-card')
    .locator('.statement')
    .filter({ hasText: 'I wanted to share' })
    .click();
  await page.getByRole('tab', { name: 'Evidence' }).click();
  await page.getByTestId('annotation-detail').getByRole('button', { name: 'Link to…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link to another annotation' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The stored link between the tweet and the annotation on `quote`, once saved. */
async function storedLinkNote(page: Page, quote: string): Promise<string | null> {
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  const s = await storedSession(host.origin, host.token, sessionId);
  const id = (q: string) => s.annotations.find((a) => a.target.quote.exact === q)!.id;
  const tweet = id(SEED_QUOTES.tweet);
  const other = id(quote);
  const link = s.links.find(
    (l) => (l.from === tweet && l.to === other) || (l.from === other && l.to === tweet),
  );
  return link ? link.note : null;
}

test('with the mouse: choose the target, then type the note, then Link', async ({ page }) => {
  const dialog = await openLinkDialog(page);
  await dialog.getByTestId('picker-option').filter({ hasText: 'The story is false' }).click();
  // Choosing the target made no link yet: the dialog stays, showing what will be linked.
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('link-preview')).toContainText('The story is false');
  const note = 'The tweet concedes what the denial disputes.';
  await dialog.getByLabel('Note on the link (optional)').fill(note);
  await dialog.getByRole('button', { name: 'Link (Enter)' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => storedLinkNote(page, SEED_QUOTES.falseStory)).toBe(note);
  // The panel shows the note on the new link too.
  await expect(
    page.getByTestId('link-row').filter({ hasText: 'The story is false' }).getByLabel('Link note'),
  ).toHaveValue(note);
});

test('with the keyboard: search, Tab to the note, type, Enter', async ({ page }) => {
  const dialog = await openLinkDialog(page);
  await page.keyboard.type('no time');
  await expect(dialog.getByTestId('link-preview')).toContainText('At no time');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Note on the link (optional)')).toBeFocused();
  const note = 'Both deny; only one mentions sources.';
  await page.keyboard.type(note);
  // Arrow keys in the note move its caret, not the chosen target.
  await page.keyboard.press('ArrowUp');
  await expect(dialog.getByTestId('link-preview')).toContainText('At no time');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => storedLinkNote(page, SEED_QUOTES.noTime)).toBe(note);
});

// Found by the model-checked run (seed 5): the relation suggested for the
// highlighted target is shown checked; clicking it must choose it, so that it
// stays when another target (whose own suggestion differs) is then picked.
test('clicking the suggested relation chooses it', async ({ page }) => {
  const s = await storedSession(host.origin, host.token, sessionId);
  const art = s.articles[0]!;
  const quote = 'it has found itself on a sticky wicket';
  const start = art.text.indexOf(quote);
  const r = markPassage(
    s,
    {
      articleId: art.id,
      start16: start,
      end16: start + quote.length,
      kind: 'claim',
      speakerId: null,
    },
    new Date().toISOString(),
  );
  if (!r.ok) throw new Error(r.message);
  await api(host.origin, host.token, 'sessions.apply', {
    id: sessionId,
    baseRevision: s.revision,
    ops: r.ops,
  });
  await page.goto(host.url);
  await openSessionFromHome(page, sessionName);
  await page
    .getByTestId('dispute-card')
    .locator('.dispute-claim')
    .filter({ hasText: 'sticky wicket' })
    .first()
    .click();
  await page.getByRole('tab', { name: 'Claim' }).click();
  await page.getByTestId('annotation-detail').getByRole('button', { name: 'Link to…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link to another annotation' });
  // From a claim, the suggestion for the other claim is "same claim as".
  await page.keyboard.type('jeopardised');
  await expect(dialog.getByTestId('link-preview')).toContainText('same claim as');
  await dialog.getByRole('radio', { name: /same claim as/ }).click();
  // Now pick a counter-statement, whose own suggestion would be "responds to".
  await dialog.getByRole('combobox', { name: 'Search targets by text, speaker or kind' }).fill('');
  await dialog.getByTestId('picker-option').filter({ hasText: 'The story is false' }).click();
  await expect(dialog.getByTestId('link-preview')).toContainText('same claim as');
  await dialog.getByRole('button', { name: 'Link (Enter)' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  const after = await storedSession(host.origin, host.token, sessionId);
  const newClaim = r.annotation.id;
  const target = after.annotations.find((a) => a.target.quote.exact === SEED_QUOTES.falseStory)!;
  const link = after.links.find((l) => l.from === newClaim && l.to === target.id);
  expect(link?.relation).toBe('same-claim-as');
});
