/**
 * The seed review of issue 3, end to end in browser mode: once with the
 * keyboard only (counting key presses; characters typed into fields are not
 * counted, and a chord such as Ctrl+F counts as one press) and once with the
 * mouse. Five annotations, four links, a verdict set, undone and redone; then
 * a reload and reopen must show the same annotations, links and verdict with
 * identical selectors.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startHost, ROOT, type RunningHost } from './helpers/web-host';
import {
  api,
  dragSelect,
  KeyCounter,
  settleForScreenshot,
  watchRequests,
  confirmStartReview,
} from './helpers/app-driver';
import type { Session } from '../../shared/model/session';

const Q = {
  claim:
    'the disclosures by the US President jeopardised a critical source of intelligence on the Islamic State',
  falseStory: 'The story is false',
  noTime: 'At no time, at no time were intelligence sources or methods discussed',
  tillerson: 'US President Donald Trump did not discuss sources, methods or military operations',
  tweet:
    'I wanted to share with Russia (at an openly scheduled W.H. meeting) which I have the absolute right to do',
};
const RATIONALE =
  'The denials address sources and methods, not the disclosure the report described; the tweet concedes that information was shared.';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host?.stop();
});

/** The session's toolbar (notices may carry their own Undo button). */
const toolbar = (page: Page) => page.getByRole('navigation', { name: 'Session actions' });

async function storedSession(): Promise<Session> {
  const list = await api(host.origin, host.token, 'sessions.list', {});
  expect(list).toHaveLength(1);
  return (await api(host.origin, host.token, 'sessions.open', { id: list[0]!.id })).session;
}

/** The review as stored, in a form that compares across reloads. */
function digest(s: Session) {
  const speaker = (id: string | null) => s.speakers.find((x) => x.id === id)?.name ?? null;
  const byId = new Map(s.annotations.map((a) => [a.id, a]));
  return {
    annotations: s.annotations
      .map((a) => ({
        kind: a.kind,
        speaker: speaker(a.speakerId),
        quote: a.target.quote,
        position: a.target.position,
        status: a.target.status,
        verdict: a.verdict,
      }))
      .sort((a, b) => a.position.start - b.position.start),
    links: s.links
      .map((l) => ({
        from: byId.get(l.from)!.target.quote.exact,
        to: byId.get(l.to)!.target.quote.exact,
        relation: l.relation,
      }))
      .sort((a, b) => a.from.localeCompare(b.from)),
  };
}

function expectFinishedReview(d: ReturnType<typeof digest>) {
  expect(d.annotations.map((a) => [a.kind, a.speaker, a.quote.exact])).toEqual([
    ['claim', 'The Washington Post', Q.claim],
    ['counter-statement', 'H R McMaster', Q.falseStory],
    ['counter-statement', 'H R McMaster', Q.noTime],
    ['counter-statement', 'Rex Tillerson', Q.tillerson],
    ['evidence', 'Donald J. Trump', Q.tweet],
  ]);
  expect(d.links).toEqual(
    [
      { from: Q.falseStory, to: Q.claim, relation: 'contradicts' },
      { from: Q.noTime, to: Q.claim, relation: 'partially-addresses' },
      { from: Q.tillerson, to: Q.claim, relation: 'partially-addresses' },
      { from: Q.tweet, to: Q.claim, relation: 'supports' },
    ].sort((a, b) => a.from.localeCompare(b.from)),
  );
  expect(d.annotations[0]!.verdict).toEqual({ stepId: 'mostly-true', rationale: RATIONALE });
  for (const a of d.annotations) expect(a.status).toBe('anchored');
}

async function saved(page: Page) {
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
}

async function verifyAfterReload(page: Page, reopen: () => Promise<void>) {
  await saved(page);
  const before = digest(await storedSession());
  expectFinishedReview(before);
  await page.reload();
  await reopen();
  await expect(page.getByTestId('dispute-card')).toHaveCount(1);
  const card = page.getByTestId('dispute-card');
  await expect(card).toContainText('Mostly true');
  await expect(card).toContainText('The Washington Post');
  await expect(card.locator('.relation-group')).toHaveCount(3);
  const after = digest(await storedSession());
  expect(after).toEqual(before);
}

test('keyboard only: the seed review in at most 60 key presses', async ({ page }) => {
  const requests = watchRequests(page, host.origin);
  await page.goto(host.url);
  const keys = new KeyCounter(page);
  await expect(page.getByTestId('library-item').first()).toBeVisible();

  // 1. Open the seed in a new session: Tab to its "Start review" button.
  for (let i = 0; i < 12; i++) {
    await keys.press('Tab');
    if (
      await page.evaluate(() =>
        document.activeElement?.getAttribute('aria-label')?.startsWith('Start review'),
      )
    )
      break;
  }
  await keys.press('Enter');
  // The start-review dialog opens in its first field; Enter starts the review.
  await expect(page.getByRole('dialog', { name: 'Start a review' })).toBeVisible();
  await keys.press('Enter');
  await expect(page.locator('.article-text')).toBeFocused();

  const findAndSelect = async (quote: string) => {
    await keys.press('Control+f');
    await keys.type(quote);
    await expect(page.locator('#find-status')).toHaveText('1 of 1');
    await keys.press('Enter');
    await expect(page.locator('.article-text')).toBeFocused();
  };
  // A new speaker: type the name, choose "Add … as a new speaker" (↓), Enter.
  const speaker = async (name: string) => {
    await expect(page.locator('#speaker-input')).toBeFocused();
    await keys.type(name);
    await keys.press('ArrowDown');
    await expect(
      page.getByRole('option', { name: `Add “${name}” as a new speaker` }),
    ).toHaveAttribute('aria-selected', 'true');
    await keys.press('Enter');
    await expect(page.getByTestId('speaker-name')).toHaveText(name);
    await expect(page.locator('.article-text')).toBeFocused();
  };
  const link = async (relationKey: string | null, expectText: string) => {
    await keys.press('l');
    await expect(page.getByRole('dialog', { name: 'Link to another annotation' })).toBeVisible();
    if (relationKey) await keys.press(relationKey);
    await expect(page.getByTestId('link-preview')).toContainText(expectText);
    await keys.press('Enter');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  };

  // 2. The claim.
  await findAndSelect(Q.claim);
  await keys.press('1');
  await speaker('The Washington Post');
  // 3. "The story is false": contradicts (the suggested relation).
  await findAndSelect(Q.falseStory);
  await keys.press('2');
  await speaker('H R McMaster');
  await link(null, 'contradicts');
  // 4. "At no time…": McMaster again (typed until he is the one match, then Enter), partially addresses.
  await findAndSelect(Q.noTime);
  await keys.press('2');
  await expect(page.locator('#speaker-input')).toBeFocused();
  await keys.type('McM');
  await expect(
    page.getByRole('listbox', { name: 'Speakers' }).getByRole('option', { selected: true }),
  ).toContainText('H R McMaster');
  await keys.press('Enter');
  await expect(page.getByTestId('speaker-name')).toHaveText('H R McMaster');
  await link('Alt+3', 'partially addresses');
  // 5. Tillerson.
  await findAndSelect(Q.tillerson);
  await keys.press('2');
  await speaker('Rex Tillerson');
  await link('Alt+3', 'partially addresses');
  // 6. The tweet as evidence: supports (suggested).
  await findAndSelect(Q.tweet);
  await keys.press('3');
  await speaker('Donald J. Trump');
  await link(null, 'supports');

  // 7. The verdict: go to the claim, V, choose "Mostly true", write the rationale, save.
  await keys.press('g');
  await keys.type('disclosures');
  await keys.press('Enter');
  await expect(page.getByTestId('annotation-detail')).toContainText('jeopardised');
  await keys.press('v');
  await expect(page.locator('input[name=verdict-step]').first()).toBeFocused();
  await keys.press('ArrowDown');
  await keys.press('Tab');
  await keys.type(RATIONALE);
  await keys.press('Control+Enter');
  await expect(page.getByTestId('verdict-label')).toHaveText('Mostly true');
  await expect(page.locator('.article-text')).toBeFocused();
  await keys.press('Control+z');
  await expect(page.getByTestId('annotation-detail')).toContainText('No verdict yet.');
  await keys.press('Control+Shift+z');
  await expect(page.getByTestId('verdict-label')).toHaveText('Mostly true');

  // 8. Reload and reopen (Tab to the session's Open button, Enter).
  await verifyAfterReload(page, async () => {
    await expect(page.getByTestId('session-item')).toHaveCount(1);
    for (let i = 0; i < 12; i++) {
      await keys.press('Tab');
      if (
        await page.evaluate(() =>
          document.activeElement?.getAttribute('aria-label')?.startsWith('Open '),
        )
      )
        break;
    }
    await keys.press('Enter');
  });

  console.log(`Keyboard-only seed review: ${keys.count} key presses (${keys.log.join(' ')})`);
  expect(keys.count).toBeLessThanOrEqual(60);
  expect(requests.outside()).toEqual([]);
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  await settleForScreenshot(page);
  await page.screenshot({ path: join(ROOT, 'test-results/seed-review-keyboard.png') });
});

test('with the mouse: the same review', async ({ page }) => {
  await page.goto(host.url);
  await page
    .getByTestId('library-item')
    .first()
    .getByRole('button', { name: /Start review/ })
    .click();
  await confirmStartReview(page);
  // The app puts the caret in the article once it is shown.
  await expect(page.locator('.article-text')).toBeFocused();

  const mark = async (quote: string, kind: string, speaker: string, existing = false) => {
    await dragSelect(page, quote);
    const toolbar = page.getByTestId('selection-toolbar');
    await expect(toolbar).toBeVisible();
    await toolbar.getByRole('button', { name: kind, exact: true }).click();
    const field = page.locator('#speaker-input');
    await field.click();
    await field.fill(existing ? speaker.split(' ').pop()! : speaker);
    await page
      .getByRole('option', {
        name: existing ? new RegExp(speaker) : new RegExp(`Add “${speaker}”`),
      })
      .click();
    await expect(page.getByTestId('speaker-name')).toHaveText(speaker);
  };
  const link = async (relation: string) => {
    await page.getByTestId('annotation-detail').getByRole('button', { name: 'Link to…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Link to another annotation' });
    await dialog.locator('.relation-option').filter({ hasText: relation }).click();
    await dialog.getByTestId('picker-option').filter({ hasText: 'jeopardised' }).click();
    await dialog.getByRole('button', { name: 'Link (Enter)' }).click();
    await expect(dialog).toHaveCount(0);
  };

  await mark(Q.claim, 'Claim', 'The Washington Post');
  await mark(Q.falseStory, 'Counter-statement', 'H R McMaster');
  await link('contradicts');
  await mark(Q.noTime, 'Counter-statement', 'H R McMaster', true);
  await link('partially addresses');
  await mark(Q.tillerson, 'Counter-statement', 'Rex Tillerson');
  await link('partially addresses');
  await mark(Q.tweet, 'Evidence', 'Donald J. Trump');
  await link('supports');

  // The verdict, from the dispute card.
  await page.getByRole('tab', { name: 'Disputes' }).click();
  await page.getByTestId('dispute-card').locator('.dispute-claim').click();
  await page.getByRole('tab', { name: 'Claim' }).click();
  await page.getByRole('button', { name: 'Set verdict' }).click();
  await page.locator('.verdict-step').filter({ hasText: 'Mostly true' }).click();
  await page.getByLabel('Rationale').fill(RATIONALE);
  await page.getByRole('button', { name: 'Save verdict' }).click();
  await expect(page.getByTestId('verdict-label')).toHaveText('Mostly true');
  await toolbar(page).getByRole('button', { name: /^Undo/ }).click();
  await expect(page.getByTestId('annotation-detail')).toContainText('No verdict yet.');
  await toolbar(page).getByRole('button', { name: /^Redo/ }).click();
  await expect(page.getByTestId('verdict-label')).toHaveText('Mostly true');

  await page.getByRole('button', { name: 'Close annotation' }).click();
  await verifyAfterReload(page, async () => {
    await page.getByTestId('session-item').getByRole('button', { name: /^Open/ }).click();
  });

  // Refusals, in words: marking with nothing selected, a duplicate link, a note over the limit.
  const notice = (text: string) => page.getByTestId('notice').filter({ hasText: text });
  await page.locator('.article-text').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Home');
  await page.keyboard.press('1');
  await expect(notice('Select some article text first')).toBeVisible();
  const tweetStatement = page
    .getByTestId('dispute-card')
    .locator('.statement')
    .filter({ hasText: 'I wanted to share' });
  await tweetStatement.click();
  await page.getByRole('tab', { name: 'Evidence' }).click();
  await page.getByTestId('annotation-detail').getByRole('button', { name: 'Link to…' }).click();
  const picker = page.getByRole('dialog', { name: 'Link to another annotation' });
  await picker.getByTestId('picker-option').filter({ hasText: 'jeopardised' }).click();
  await picker.getByRole('button', { name: 'Link (Enter)' }).click();
  await expect(notice('already linked')).toBeVisible();
  await picker.getByRole('button', { name: 'Cancel' }).click();
  const note = page
    .getByTestId('annotation-detail')
    .getByPlaceholder('What a colleague should know');
  await note.fill('x'.repeat(20_001));
  await expect(page.getByTestId('annotation-detail')).toContainText('over the limit of 20,000');
  await note.blur();
  await expect(notice('the limit is 20,000')).toBeVisible();
  await note.fill('Concedes the sharing, not its effect.');
  await note.blur();

  // Deleting a linked annotation asks first and takes its link along; undo restores both.
  await page
    .getByTestId('annotation-detail')
    .getByRole('button', { name: 'Delete annotation' })
    .click();
  const confirm = page.getByRole('dialog', { name: 'Delete this annotation and its links?' });
  await expect(confirm).toContainText('linked to 1 other annotation');
  await confirm.getByRole('button', { name: 'Delete annotation and links' }).click();
  await expect(page.getByTestId('dispute-card').locator('.statement')).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('dispute-card').locator('.statement')).toHaveCount(4);
  await expect(page.getByTestId('dispute-card')).toContainText('supports');

  // Nested annotations stay visible and each can be picked where they overlap.
  await dragSelect(page, 'critical source of intelligence');
  await page
    .getByTestId('selection-toolbar')
    .getByRole('button', { name: 'Context', exact: true })
    .click();
  await page.keyboard.press('Escape'); // leave the speaker field
  await page.getByRole('button', { name: 'Close annotation' }).click();
  const word = await page.evaluate(() => {
    const root = document.querySelector('.article-text')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf('source of intelligence');
      if (i >= 0) {
        const r = document.createRange();
        r.setStart(n, i + 2);
        r.setEnd(n, i + 3);
        const b = r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
    }
    return null;
  });
  await page.mouse.click(word!.x, word!.y);
  const choices = page.getByTestId('chooser-item');
  await expect(choices).toHaveCount(2);
  await expect(choices.nth(0)).toContainText('Context');
  await choices.filter({ hasText: 'Claim' }).click();
  await expect(page.getByTestId('annotation-detail')).toContainText('jeopardised');
  await toolbar(page).getByRole('button', { name: /^Undo/ }).click(); // remove the extra context again
  await expect(page.getByTestId('annotation-detail')).toContainText('jeopardised');

  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  await page.getByRole('tab', { name: 'Disputes' }).click();
  await page.getByTestId('dispute-card').locator('.dispute-claim').click();
  await settleForScreenshot(page);
  await page.screenshot({ path: join(ROOT, 'test-results/seed-review.png') });
  // The open claim: speaker, verdict with rationale, links.
  await page.getByRole('tab', { name: 'Claim' }).click();
  await expect(page.getByTestId('annotation-detail')).toContainText('Mostly true');
  await settleForScreenshot(page);
  await page.screenshot({ path: join(ROOT, 'test-results/seed-review-detail.png') });
});
