/**
 * Issue 9, defect 12: a selection of nothing but whitespace (a space, a
 * paragraph break) is no passage. No mark toolbar appears for it, the
 * context menu's marking commands are disabled, and the marking keys create
 * nothing (the stored session is unchanged). A selection with one letter
 * more, made the same way, shows the toolbar, so its absence is the
 * whitespace's doing.
 */
import { expect, test, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './helpers/web-host';
import { seedReviewViaApi } from './helpers/app-driver';
import { openSessionFromHome, storedSession } from './helpers/review-fixtures';

let host: RunningHost;
let sessionId: string;
test.beforeAll(async () => {
  host = await startHost();
  sessionId = await seedReviewViaApi(host.origin, host.token);
});
test.afterAll(async () => {
  await host?.stop();
});

const toolbar = (page: Page) => page.getByTestId('selection-toolbar');
const selected = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');
/** Let the app react to the selection (it measures it in the next frame). */
const frames = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function expectNothingOffered(page: Page): Promise<void> {
  await frames(page);
  await expect(toolbar(page)).toHaveCount(0);
  // The context menu (Shift+F10) offers no marking command.
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Article actions' });
  await expect(menu).toBeVisible();
  for (const kind of ['Claim', 'Counter-statement', 'Evidence', 'Context'])
    await expect(
      menu.getByRole('menuitem', { name: new RegExp(`^Mark as ${kind}`) }),
    ).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');
  // The key creates nothing.
  const before = (await storedSession(host.origin, host.token, sessionId)).annotations.length;
  await page.keyboard.press('1');
  await expect(
    page.getByTestId('notice').filter({ hasText: 'Select some article text' }),
  ).toBeVisible();
  await expect(page.getByTestId('annotation-detail')).toHaveCount(0);
  expect((await storedSession(host.origin, host.token, sessionId)).annotations.length).toBe(before);
}

test('one space selected with Shift+arrow: no toolbar, no marking', async ({ page }) => {
  await page.goto(host.url);
  await openSessionFromHome(page, 'Seed review');
  await page.keyboard.press('Control+f');
  await page.keyboard.type('sticky wicket');
  await expect(page.locator('#find-status')).toHaveText('1 of 1');
  await page.keyboard.press('Enter');
  await expect(page.locator('.article-text')).toBeFocused();
  // Caret after "sticky", then a space and a letter selected: the toolbar shows.
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 'sticky'.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  expect(await selected(page)).toBe(' w');
  await expect(toolbar(page)).toBeVisible();
  // One letter less: only the space.
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await selected(page)).toBe(' ');
  await expectNothingOffered(page);
});

test('a mouse drag across a paragraph break only: no toolbar, no marking', async ({ page }) => {
  await page.goto(host.url);
  await openSessionFromHome(page, 'Seed review');
  // Let the page settle first: the claim suggestions arrive from the host's worker a moment
  // after the session opens, and the drags below are measured in pixels.
  await page.waitForFunction(() => (CSS.highlights.get('fc-suggestion')?.size ?? 0) > 0);
  // From after the last letter of one paragraph to before the first letter of the next
  // (measured with the passage centred in view).
  const measure = () =>
    page.evaluate(async () => {
      const paras = [...document.querySelectorAll('.article-text > p:not([class])')];
      const [a, b] = [paras[1]!, paras[2]!];
      const lastText = (el: Element) => {
        const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let last: Text | null = null;
        for (let n = w.nextNode(); n; n = w.nextNode()) last = n as Text;
        return last!;
      };
      const firstText = (el: Element) =>
        document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode() as Text;
      b.scrollIntoView({ block: 'center' });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const r = document.createRange();
      const t1 = lastText(a);
      r.setStart(t1, t1.data.length - 1);
      r.setEnd(t1, t1.data.length);
      const x = r.getBoundingClientRect();
      const t2 = firstText(b);
      r.setStart(t2, 0);
      r.setEnd(t2, 1);
      const y = r.getBoundingClientRect();
      return {
        from: { x: x.right + 3, y: x.top + x.height / 2 },
        to: { x: y.left + 1, y: y.top + y.height / 2 },
        plusOne: { x: y.right - 1, y: y.top + y.height / 2 },
      };
    });
  // Only the break: nothing is offered.
  let ends = await measure();
  await page.mouse.move(ends.from.x, ends.from.y);
  await page.mouse.down();
  await page.mouse.move(ends.to.x, ends.to.y, { steps: 5 });
  await page.mouse.up();
  expect((await selected(page)).trim()).toBe('');
  expect(await selected(page)).not.toBe('');
  await expectNothingOffered(page);
  // The same drag one letter further selects text, and the toolbar shows (measured again:
  // the keys pressed meanwhile may have scrolled the text).
  ends = await measure();
  // A second press at the same point within the double-click interval (500 ms) would select
  // by words; a person pauses between the two drags.
  await page.waitForTimeout(600);
  await page.mouse.move(ends.from.x, ends.from.y);
  await page.mouse.down();
  await page.mouse.move(ends.plusOne.x, ends.plusOne.y, { steps: 5 });
  await page.mouse.up();
  expect((await selected(page)).trim()).toHaveLength(1);
  await expect(toolbar(page)).toBeVisible();
});
