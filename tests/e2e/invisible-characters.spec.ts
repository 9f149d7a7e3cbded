/**
 * Issue 14, attack 2, in the UI: a title and a speaker's name carrying a
 * RIGHT-TO-LEFT OVERRIDE (`Price \u202Egnp.exe` would read "Price exe.png")
 * are shown with a visible marker, while the session keeps the text as it was
 * imported (read back through the API).
 */
import { expect, test } from '@playwright/test';
import { startHost, type RunningHost } from './helpers/web-host';
import { api } from './helpers/app-driver';
import { markPassage, putSpeaker } from '../../shared/review/annotation-edits';
import { applyOps, type SessionOp } from '../../shared/session/session-ops';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host?.stop();
});

const TITLE = 'Price \u202Egnp.exe';
const SPEAKER = 'Mallory \u202Etxt.exe';

test('invisible and direction-changing characters are shown, not obeyed', async ({ page }) => {
  const { origin, token } = host;
  const entry = await api(origin, token, 'library.importPasted', {
    kind: 'html',
    content: `<h1>${TITLE}</h1><p>The minister said prices fell by a third last year.</p>`,
  });
  expect(entry.meta.title).toBe(TITLE);
  const opened = await api(origin, token, 'sessions.create', {
    name: 'Invisible characters',
    articleIds: [entry.id],
  });
  let s = opened.session;
  const ops: SessionOp[] = [];
  const sp = putSpeaker(s, { name: SPEAKER });
  if (!sp.ok) throw new Error(sp.message);
  s = (applyOps(s, sp.ops, new Date().toISOString()) as { ok: true; session: typeof s }).session;
  ops.push(...sp.ops);
  const art = s.articles[0]!;
  const quote = 'prices fell by a third';
  const start = art.text.indexOf(quote);
  const mark = markPassage(
    s,
    {
      articleId: art.id,
      start16: start,
      end16: start + quote.length,
      kind: 'claim',
      speakerId: sp.speaker.id,
    },
    new Date().toISOString(),
  );
  if (!mark.ok) throw new Error(mark.message);
  ops.push(...mark.ops);
  await api(origin, token, 'sessions.apply', {
    id: s.id,
    baseRevision: opened.session.revision,
    ops,
  });

  await page.goto(host.url);
  const item = page.getByTestId('library-item').filter({ hasText: 'Price ⟨U+202E⟩gnp.exe' });
  await expect(item).toBeVisible();
  await page.getByRole('button', { name: 'Open Invisible characters' }).click();

  // The headline opens the text, so the title is shown as its first heading,
  // in the article itself: the override stays in the text (offsets hold) but
  // is marked and isolated, so "gnp.exe" still reads left to right.
  const heading = page.locator('.article-text h1, .article-text h2').first();
  const headingText = (await heading.textContent())!;
  expect(headingText.replace('⟨U+202E⟩', '')).toBe(TITLE);
  const marked = await heading.locator('.fc-invisible-marker').count();
  const order = await heading.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const xOf = (needle: string) => {
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf(needle);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        return r.getBoundingClientRect().left;
      }
      return NaN;
    };
    const g = xOf('gnp');
    walker.currentNode = el;
    const x = xOf('.exe');
    return { g, x };
  });
  expect(order.g).toBeLessThan(order.x);
  expect(marked).toBe(1);
  // Where a title is shown apart from the text (the home list), it is shown with its marker.
  const speaker = page.locator('.dispute-speaker').first();
  await expect(speaker).toContainText('Mallory ⟨U+202E⟩txt.exe');
  expect(await speaker.textContent()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);

  // What the page shows differs from what the session stores only by the markers.
  const stored = await api(origin, token, 'sessions.open', { id: s.id });
  expect(stored.session.articles[0]!.meta.title).toBe(TITLE);
  expect(stored.session.speakers.map((x) => x.name)).toEqual([SPEAKER]);
});
