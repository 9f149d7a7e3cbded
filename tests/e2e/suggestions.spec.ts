/**
 * Claim suggestions, speaker filling and "seen before" in the app (issue 13),
 * in browser mode against the real host: on the seed, suggestions are walked,
 * accepted and dismissed by keyboard; the stored session (through the API)
 * holds the claims with their speakers (a speaker named twice is reused) and
 * the dismissal; undo takes each back; a reload keeps the dismissal; an
 * accepted claim lists the similar claim of another session, which opens
 * there. Also: the layer can be hidden, and File → Import fact-checks… feeds
 * "seen before" and refuses a file that is not ClaimReview.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHost, ROOT, type RunningHost } from './helpers/web-host';
import {
  api,
  confirmStartReview,
  seedReviewViaApi,
  settleForScreenshot,
  SEED_QUOTES,
} from './helpers/app-driver';
import type { Session } from '../../shared/model/session';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host?.stop();
});

const article = (page: Page) => page.locator('.article-text');
const saved = (page: Page) =>
  expect(page.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 10_000 });
const highlightSize = (page: Page, name: string) =>
  page.evaluate(
    (n) =>
      (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get(n)?.size ?? -1,
    name,
  );

/** The text under the current suggestion's mark. */
const currentSuggestionText = (page: Page) =>
  page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
      'fc-suggestion-current',
    );
    return h && h.size ? [...h][0]!.toString() : null;
  });

async function stored(id: string): Promise<Session> {
  return (await api(host.origin, host.token, 'sessions.open', { id })).session;
}

/** Start a new review of the seed from the home view; returns the new session's id. */
/** Suggestions are worked out on the host's worker thread: wait until the layer shows them. */
async function suggestionsShown(page: Page): Promise<void> {
  await page.waitForFunction(() => (CSS.highlights.get('fc-suggestion')?.size ?? 0) > 0);
}

async function startSeedReview(page: Page): Promise<string> {
  const before = new Set(
    (await api(host.origin, host.token, 'sessions.list', {})).map((s) => s.id),
  );
  await page.goto(host.url);
  await page
    .getByTestId('library-item')
    .first()
    .getByRole('button', { name: /Start review/ })
    .click();
  await confirmStartReview(page, { reviewer: 'Ana' });
  await expect(article(page)).toBeFocused();
  const list = await api(host.origin, host.token, 'sessions.list', {});
  return list.find((s) => !before.has(s.id))!.id;
}

test('accept and dismiss suggestions by keyboard, undo them, and see a claim reviewed before', async ({
  page,
}) => {
  const earlier = await seedReviewViaApi(host.origin, host.token, 'Earlier review');
  const id = await startSeedReview(page);
  const session = await stored(id);
  const art = session.articles[0]!;
  const expected = (await api(host.origin, host.token, 'suggest.claims', { id, articleId: art.id }))
    .suggestions;
  expect(expected.length).toBeGreaterThan(5);

  await page.getByTestId('tab-suggestions').click();
  const items = page.getByTestId('suggestion');
  await expect(items).toHaveCount(expected.length);
  // Every suggestion says why, and the score.
  await expect(items.first()).toContainText('score');
  await article(page).focus();

  // The one attributed to The Washington Post: walk to it with Shift+N.
  const wapo = expected.findIndex((s) => s.speaker === 'The Washington Post');
  expect(wapo).toBeGreaterThanOrEqual(0);
  await suggestionsShown(page);
  for (let i = 0; i <= wapo; i++) await page.keyboard.press('Shift+N');
  await expect(page.locator('.suggestion-item.is-current')).toContainText(
    expected[wapo]!.text.slice(0, 40),
  );
  await expect.poll(() => highlightSize(page, 'fc-suggestion-current')).toBe(1);

  // A accepts it: a Claim by The Washington Post, opened in the panel.
  await page.keyboard.press('a');
  const detail = page.getByTestId('annotation-detail');
  await expect(detail).toContainText(SEED_QUOTES.claim);
  await expect(page.getByTestId('speaker-name')).toHaveText('The Washington Post');
  // Seen before: the claim of the earlier session, with its verdict and session name.
  const seen = page.getByTestId('seen-item').first();
  await expect(seen).toContainText('jeopardised');
  await expect(seen).toContainText('Mostly true');
  await expect(seen).toContainText('Earlier review');

  // The next one (Shift+N from the accepted claim), dismissed with X.
  await article(page).focus();
  await page.keyboard.press('Shift+N');
  const next = expected[wapo + 1]!;
  // The panel shows the accepted claim now; the text shows which suggestion is current.
  await expect.poll(() => currentSuggestionText(page)).toBe(next.text);
  await page.keyboard.press('x');
  const tab = page.getByTestId('tab-suggestions');
  await expect(tab).toHaveText(`Suggestions (${expected.length - 2})`);
  await tab.click();
  await expect(items).toHaveCount(expected.length - 2);

  // Two statements by McMaster: the second reuses the speaker the first created.
  const mcmaster = expected.filter((s) => s.speaker === 'H R McMaster');
  expect(mcmaster.length).toBe(2);
  for (const s of mcmaster) {
    await page
      .getByTestId('suggestion')
      .filter({ hasText: s.text.slice(0, 40) })
      .locator('.suggestion-quote')
      .click();
    await article(page).focus();
    await page.keyboard.press('a');
    await expect(page.getByTestId('speaker-name')).toHaveText('H R McMaster');
    await tab.click();
  }
  await expect(items).toHaveCount(expected.length - 4);

  await saved(page);
  let s = await stored(id);
  const claims = s.annotations.filter((a) => a.kind === 'claim');
  expect(claims.map((a) => a.target.quote.exact).sort()).toEqual(
    [expected[wapo]!.text, ...mcmaster.map((m) => m.text)].sort(),
  );
  const speakerOf = (q: string) =>
    s.speakers.find((x) => x.id === claims.find((a) => a.target.quote.exact === q)!.speakerId);
  expect(speakerOf(expected[wapo]!.text)?.name).toBe('The Washington Post');
  expect(s.speakers.filter((x) => x.name === 'H R McMaster')).toHaveLength(1);
  expect(speakerOf(mcmaster[0]!.text)?.role).toBe('US National Security Advisor');
  expect(s.dismissed?.map((d) => d.text)).toEqual([next.text]);
  for (const a of claims) {
    expect(a.target.position.start).toBe(
      expected.find((x) => x.text === a.target.quote.exact)!.start,
    );
    expect(a.reviewer).toBe('Ana');
  }

  // Undo, three times: the two McMaster claims (and his speaker), then the dismissal.
  await article(page).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  await expect(tab).toHaveText(`Suggestions (${expected.length - 1})`);
  await tab.click();
  await saved(page);
  s = await stored(id);
  expect(s.annotations.map((a) => a.target.quote.exact)).toEqual([expected[wapo]!.text]);
  expect(s.speakers.map((x) => x.name)).toEqual(['The Washington Post']);
  expect(s.dismissed ?? []).toEqual([]);
  await expect(items.filter({ hasText: next.text.slice(0, 40) })).toHaveCount(1);
  // Redo brings the dismissal back; a reload keeps it dismissed.
  await article(page).focus();
  await page.keyboard.press('Control+Shift+z');
  await expect(tab).toHaveText(`Suggestions (${expected.length - 2})`);
  await saved(page);
  await page.reload();
  await page
    .getByTestId('session-item')
    .filter({ hasNotText: 'Earlier review' })
    .getByRole('button', { name: /^Open / })
    .click();
  await page.getByTestId('tab-suggestions').click();
  await expect(items).toHaveCount(expected.length - 2);
  await expect(items.filter({ hasText: next.text.slice(0, 40) })).toHaveCount(0);

  // Shift+S hides the layer (and the list says so); again shows it.
  await article(page).focus();
  await page.keyboard.press('Shift+S');
  await expect.poll(() => highlightSize(page, 'fc-suggestion')).toBe(0);
  await expect(page.getByTestId('suggestions-panel')).toContainText('Suggestions are hidden');
  await page.keyboard.press('Shift+S');
  await expect.poll(() => highlightSize(page, 'fc-suggestion')).toBeGreaterThan(0);

  // Opening the match shows it in its session.
  await page.getByRole('tab', { name: 'Disputes' }).click();
  await page.getByTestId('dispute-card').first().locator('.dispute-claim').click();
  await page.getByRole('tab', { name: 'Claim' }).click();
  await page.getByTestId('seen-item').first().locator('.seen-open').click();
  await expect(page.locator('.title-button')).toHaveText('Earlier review');
  await expect(page.getByTestId('annotation-detail')).toContainText(SEED_QUOTES.claim);
  await expect(page.getByTestId('verdict-label')).toHaveText('Mostly true');
  expect(earlier).toBeTruthy();
});

test('imported fact-checks feed "seen before"; a file that is not ClaimReview is refused', async ({
  page,
}) => {
  const dir = join(ROOT, 'test-results', 'suggestions');
  mkdirSync(dir, { recursive: true });
  const feed = join(dir, 'feed.jsonld');
  writeFileSync(
    feed,
    JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'DataFeed',
      dataFeedElement: [
        {
          '@type': 'ClaimReview',
          url: 'https://factcheck.example/trump-isis-source',
          claimReviewed:
            'Trump’s disclosure to Russian officials put a crucial intelligence source on Islamic State at risk.',
          author: { '@type': 'Organization', name: 'Example Checks' },
          reviewRating: { '@type': 'Rating', alternateName: 'Mostly accurate' },
          itemReviewed: { '@type': 'Claim', author: { '@type': 'Organization', name: 'The Post' } },
          datePublished: '2017-05-20',
        },
      ],
    }),
  );
  const bad = join(dir, 'not-a-feed.json');
  writeFileSync(bad, JSON.stringify({ hello: 'world' }));

  const id = await startSeedReview(page);
  const fileMenu = async () => {
    await page.getByRole('button', { name: 'File' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: 'Import fact-checks…' }).click();
    return chooser;
  };
  await (await fileMenu()).setFiles(bad);
  await expect(
    page.getByTestId('notice').filter({ hasText: 'holds no ClaimReview' }),
  ).toBeVisible();
  await (await fileMenu()).setFiles(feed);
  await expect(
    page.getByTestId('notice').filter({ hasText: 'Imported 1 reviewed claim' }),
  ).toBeVisible();
  expect(await api(host.origin, host.token, 'factchecks.list', {})).toHaveLength(1);

  // Mark the claim by keyboard (Shift+N to the Post's sentence, A) and see the fact-check.
  const art = (await stored(id)).articles[0]!;
  const expected = (await api(host.origin, host.token, 'suggest.claims', { id, articleId: art.id }))
    .suggestions;
  const wapo = expected.findIndex((s) => s.speaker === 'The Washington Post');
  await article(page).focus();
  await suggestionsShown(page);
  for (let i = 0; i <= wapo; i++) await page.keyboard.press('Shift+N');
  await page.keyboard.press('a');
  const seen = page.getByTestId('seen-item').first();
  await expect(seen).toContainText('crucial intelligence source');
  await expect(seen).toContainText('Mostly accurate');
  await expect(seen).toContainText('Example Checks');
});

test('screenshot: suggestions in the seed', async ({ page }) => {
  await startSeedReview(page);
  await page.getByTestId('tab-suggestions').click();
  await suggestionsShown(page);
  await article(page).focus();
  await page.keyboard.press('Shift+N');
  await page.keyboard.press('Shift+N');
  await expect(page.locator('.suggestion-item.is-current')).toHaveCount(1);
  await settleForScreenshot(page);
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  await page.screenshot({ path: join(ROOT, 'test-results/suggestions.png') });
});

test('the speaker field offers whom the text attributes a statement to, first, and only takes it when chosen', async ({
  page,
}) => {
  const id = await startSeedReview(page);
  await page.keyboard.press('Control+f');
  await page.keyboard.type(SEED_QUOTES.falseStory);
  await expect(page.locator('#find-status')).toHaveText('1 of 1');
  await page.keyboard.press('Enter');
  await expect(article(page)).toBeFocused();
  await page.keyboard.press('2');
  await expect(page.locator('#speaker-input')).toBeFocused();
  const options = page.locator('#speaker-options [role="option"]');
  await expect(options.first()).toContainText('H R McMaster');
  await expect(options.first()).toContainText('said it, per the text');
  // Names found elsewhere in the article follow.
  await expect(options.nth(1)).toContainText('named in the article');
  await expect(options.filter({ hasText: 'Sergey Lavrov' })).toHaveCount(1);
  // Nothing is highlighted: Enter attributes nothing.
  await expect(page.locator('#speaker-options [aria-selected="true"]')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('speaker-name')).toHaveCount(0);
  // Chosen with ↓ and Enter: a new speaker with the role the article gives.
  // As a person does: back in the field, the list open, ↓ highlights the name, then Enter.
  await page.locator('#speaker-input').click();
  await expect(page.locator('#speaker-input')).toBeFocused();
  await expect(options.first()).toContainText('H R McMaster');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#speaker-options [aria-selected="true"]')).toContainText(
    'H R McMaster',
  );
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('speaker-name')).toHaveText('H R McMaster');
  await saved(page);
  const s = await stored(id);
  expect(s.speakers.map((x) => [x.name, x.role])).toEqual([
    ['H R McMaster', 'US National Security Advisor'],
  ]);
  expect(s.annotations[0]!.speakerId).toBe(s.speakers[0]!.id);
});
