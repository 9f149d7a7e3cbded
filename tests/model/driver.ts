/**
 * Hands on the app: the gestures a reviewer makes, in real Chromium. Each
 * helper does what a person does (keys, typing, mouse drags and clicks) and
 * waits for what a person would see before going on. When the app does not
 * show what a person waits for (the annotation that opens is another one, a
 * list lacks the annotation asked for), it throws a {@link StepFailure}: the
 * runner reports that as a failure of the step.
 */
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { KIND_LABELS } from '../../shared/model/vocabulary';
import { wrapQuote } from '../../shared/text/quote-marks';
import { shorten } from '../../shared/text/words';
import { api } from '../e2e/helpers/app-driver';
import type { RunningHost } from '../e2e/helpers/web-host';
import type { Model, ModelAnnotation } from './model';
import { screenText } from './model';
import { probeArticle, waitScrollStill, type ProbeResult } from './page-probe';
import type { Open, Select, SpeakerChoice } from './actions';

/** What the app showed differs from what the reviewer waits for. */
export class StepFailure extends Error {
  constructor(
    readonly area: string,
    message: string,
  ) {
    super(message);
  }
}

/** One model run in one page against one host. */
export interface Ctx {
  page: Page;
  host: RunningHost;
  dataDir: string;
  model: Model;
  sessionId: string;
  sessionName: string;
  /** Start the host again on the same data directory and port. */
  restartHost: () => Promise<RunningHost>;
  /** Lines of what happened, for the failure report. */
  log: (line: string) => void;
}

const STEP_WAIT = 15_000;

/** Move focus into the article without moving its caret or scroll (as a click beside the text would). */
export async function focusArticle(ctx: Ctx): Promise<void> {
  await ctx.page.evaluate(() =>
    (document.querySelector('.article-text') as HTMLElement | null)?.focus({ preventScroll: true }),
  );
}

/** Let the page render what the last input changed. */
export async function nextFrame(ctx: Ctx): Promise<void> {
  await ctx.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
}

export async function settleScroll(ctx: Ctx): Promise<void> {
  await ctx.page.evaluate(waitScrollStill);
}

/** Measure spans of the open article (and optionally bring the first one into view). */
export async function probe(
  ctx: Ctx,
  spans: { key: string; start: number; end: number }[],
  reveal = false,
): Promise<ProbeResult> {
  const art = ctx.model.articles[ctx.model.openArticle]!;
  return ctx.page.evaluate(probeArticle, { segments: art.segments, spans, reveal });
}

/** Show article `index` (its tab), as the reviewer would before working in it. */
export async function ensureArticle(ctx: Ctx, index: number): Promise<void> {
  if (ctx.model.openArticle === index) return;
  const tab = ctx.page.locator('.article-tab').nth(index);
  await tab.click();
  await tab.and(ctx.page.locator('[aria-selected="true"]')).waitFor({ timeout: STEP_WAIT });
  ctx.model.openArticle = index;
  await ctx.page.locator('.article-text').waitFor({ timeout: STEP_WAIT });
  await settleScroll(ctx);
}

/** Find a query (it occurs once) with Ctrl+F or `/`, and Enter: the match is selected in the article. */
export async function findAndSelect(
  ctx: Ctx,
  query: string,
  key: 'ctrl-f' | 'slash' = 'ctrl-f',
): Promise<void> {
  const { page } = ctx;
  await focusArticle(ctx);
  await page.keyboard.press(key === 'ctrl-f' ? 'Control+f' : '/');
  const input = page.locator('#find-input');
  await input.waitFor({ timeout: STEP_WAIT });
  await input.press('Control+a');
  await page.keyboard.type(query);
  const status = page.locator('#find-status');
  try {
    await status.filter({ hasText: '1 of 1' }).waitFor({ timeout: STEP_WAIT });
  } catch {
    throw new StepFailure(
      'ui',
      `Find “${query}” shows “${await status.textContent()}”, not “1 of 1”`,
    );
  }
  await page.keyboard.press('Enter');
  await page.locator('#find-input').waitFor({ state: 'detached', timeout: STEP_WAIT });
}

/**
 * Make a selection. Returns false when a mouse drag did not select exactly the
 * passage (a miss of the hand, not of the app: the step is then skipped).
 */
export async function makeSelection(ctx: Ctx, s: Select, expected: string): Promise<boolean> {
  const { page } = ctx;
  if (s.how === 'drag') {
    const r = await probe(ctx, [{ key: 'drag', start: s.start, end: s.end }], true);
    const rects = r.spans[0]?.rects ?? [];
    if (r.error || !rects.length) return false;
    const a = rects[0]!;
    const b = rects[rects.length - 1]!;
    const x1 = a.x + 1;
    const y1 = a.y + a.h / 2;
    const x2 = b.x + b.w - 1;
    const y2 = b.y + b.h / 2;
    await page.mouse.move(x1, y1);
    await page.mouse.down();
    await page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 3 });
    await page.mouse.move(x2, y2, { steps: 3 });
    await page.mouse.up();
    const got = await page.evaluate(() => window.getSelection()?.toString() ?? '');
    return screenText(got) === screenText(expected);
  }
  await findAndSelect(ctx, s.query, s.how === 'find' ? s.key : 'ctrl-f');
  if (s.how === 'find') return true;
  await page.keyboard.press('ArrowLeft');
  if (s.how === 'arrows')
    for (let i = 0; i < s.n; i++) await page.keyboard.press('Shift+ArrowRight');
  else await page.keyboard.press(s.how === 'sentence' ? 's' : 'q');
  return true;
}

/** Mark the selection as `kind` with its key or the floating toolbar; the annotation opens. */
export async function markSelection(
  ctx: Ctx,
  kind: keyof typeof KIND_LABELS,
  via: 'key' | 'toolbar',
): Promise<void> {
  const { page } = ctx;
  if (via === 'key') {
    await page.keyboard.press(
      String(['claim', 'counter-statement', 'evidence', 'context'].indexOf(kind) + 1),
    );
  } else {
    const bar = page.getByTestId('selection-toolbar');
    try {
      await bar.waitFor({ timeout: STEP_WAIT });
    } catch {
      throw new StepFailure('ui', 'no mark toolbar appeared over the selection');
    }
    await bar.getByRole('button', { name: KIND_LABELS[kind], exact: true }).click();
  }
  try {
    await page.getByTestId('annotation-detail').waitFor({ timeout: STEP_WAIT });
  } catch {
    const notice = await page
      .getByTestId('notice')
      .last()
      .textContent()
      .catch(() => '');
    throw new StepFailure(
      'ui',
      `marking opened no annotation${notice ? ` (the app said: ${notice})` : ''}`,
    );
  }
}

/** Act in the speaker field (it has focus). */
export async function chooseSpeaker(ctx: Ctx, c: SpeakerChoice): Promise<void> {
  const { page } = ctx;
  const input = page.locator('#speaker-input');
  await input.waitFor({ timeout: STEP_WAIT });
  if (!(await input.evaluate((el) => el === document.activeElement))) await input.click();
  const option = (text: string) =>
    page.locator('#speaker-options [role="option"]').filter({
      has: page.locator('.option-main').getByText(text, { exact: true }),
    });
  switch (c.how) {
    case 'leave':
      return page.keyboard.press('Escape');
    case 'enter-empty':
      return page.keyboard.press('Enter');
    case 'new':
      await page.keyboard.type(c.name);
      if (c.confirm === 'enter') return page.keyboard.press('Enter');
      return option(`Add “${c.name}” as a new speaker`).click();
    case 'type':
      await page.keyboard.type(c.typed);
      if (c.confirm === 'enter') return page.keyboard.press('Enter');
      return option(c.name).click();
    case 'arrows': {
      const selected = page.locator(
        '#speaker-options [role="option"][aria-selected="true"] .option-main',
      );
      // The list opens with up to 8 names the text suggests (issue 13), then every speaker.
      // Move down until the speaker is highlighted; a list that ends without it is a
      // failure of the app (a speaker the arrows cannot reach), never an Enter on another.
      let last: string | null = null;
      for (;;) {
        const now = (await selected.count()) ? await selected.first().textContent() : null;
        if (now === c.name) return page.keyboard.press('Enter');
        if (now !== null && now === last)
          throw new Error(
            `the arrow keys do not reach “${c.name}” in the speaker list (it ends at “${now}”)`,
          );
        last = now;
        await page.keyboard.press('ArrowDown');
      }
    }
    case 'clear':
      return option('No speaker').click();
  }
}

/** The chooser's line for an annotation, made as the app makes it (kind, then the quote shortened and wrapped once). */
const chooserLabel = (m: Model, a: ModelAnnotation) =>
  `${KIND_LABELS[a.kind]}: ${wrapQuote(shorten(m.quote(a), 60))}`;

/** Open an annotation's details by the Go-to picker, its card, or a click on its highlight. */
export async function openDetail(ctx: Ctx, handle: string, via: Open): Promise<void> {
  const { page, model } = ctx;
  const a = model.get(handle)!;
  const quote = screenText(model.quote(a));
  if (via === 'goto') {
    await focusArticle(ctx);
    await page.keyboard.press('g');
    const dialog = page.getByRole('dialog', { name: 'Go to an annotation' });
    await dialog.waitFor({ timeout: STEP_WAIT });
    const words = quote
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .split(' ')
      .slice(0, 6)
      .join(' ');
    await page.keyboard.type(words);
    await pickOption(ctx, dialog, a);
    await nextFrame(ctx);
    // Where a click only highlights the choice, open it.
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: /^Open/ }).click();
    model.openArticle = a.article;
  } else if (via === 'card') {
    await clickCard(ctx, a);
    const tab = page.locator('#tab-annotation');
    await tab.click();
  } else {
    await ensureArticle(ctx, a.article);
    const r = await probe(ctx, [{ key: handle, start: a.start, end: a.end }], true);
    const rect = r.spans[0]?.rects[0];
    if (!rect)
      throw new StepFailure(
        'ui',
        `the passage of ${handle} could not be found in the article to click`,
      );
    const x = rect.x + Math.min(rect.w / 2, 20);
    const y = rect.y + rect.h / 2;
    await page.mouse.click(x, y);
    const chooser = page.getByTestId('chooser-item');
    const detail = page.getByTestId('annotation-detail');
    try {
      await chooser.or(detail).first().waitFor({ timeout: STEP_WAIT });
    } catch {
      // Say what was under the pointer, and the passage's first line box.
      const hit = await page.evaluate(
        ([px, py]) => {
          const el = document.elementFromPoint(px!, py!);
          const text = (el?.textContent ?? '').trim().slice(0, 50);
          return el ? `<${el.tagName.toLowerCase()} class="${el.className}"> “${text}”` : 'nothing';
        },
        [x, y],
      );
      throw new StepFailure(
        'ui',
        `a click on the highlight of ${handle} (“${quote.slice(0, 40)}”) at (${x.toFixed(0)}, ${y.toFixed(0)}) in a line box ${rect.w.toFixed(0)}×${rect.h.toFixed(0)} opened nothing; the point is on ${hit}`,
      );
    }
    if (await chooser.count()) {
      const items = await chooser.allTextContents();
      const want = screenText(chooserLabel(model, a));
      const i = items.findIndex((t) => screenText(t) === want);
      if (i < 0)
        throw new StepFailure(
          'ui',
          `the click on ${handle} offers ${JSON.stringify(items)}, not it`,
        );
      await chooser.nth(i).click();
    }
  }
  const detail = page.getByTestId('annotation-detail');
  await detail.waitFor({ timeout: STEP_WAIT });
  const shown = screenText((await detail.locator('.detail-quote').textContent()) ?? '');
  if (!quote.startsWith(shown) || shown.length < Math.min(quote.length, 20))
    throw new StepFailure(
      'ui',
      `opening ${handle} (“${quote.slice(0, 60)}”) by ${via} showed “${shown.slice(0, 60)}”`,
    );
}

/** In the Go-to or link picker, choose the option that is this annotation. */
export async function pickOption(
  ctx: Ctx,
  dialog: ReturnType<Page['getByRole']>,
  a: ModelAnnotation,
): Promise<void> {
  const quote = screenText(ctx.model.quote(a));
  const options = dialog.getByTestId('picker-option');
  await options
    .first()
    .waitFor({ timeout: STEP_WAIT })
    .catch(() => undefined);
  const n = await options.count();
  for (let i = 0; i < n; i++) {
    const o = options.nth(i);
    const kind = (await o.locator('.kind-tag').first().textContent()) ?? '';
    const q = screenText((await o.locator('.picker-quote').textContent()) ?? '');
    if (
      kind === KIND_LABELS[a.kind] &&
      quote.startsWith(q) &&
      q.length >= Math.min(quote.length, 20)
    ) {
      await o.click();
      return;
    }
  }
  throw new StepFailure(
    'ui',
    `the picker does not list ${a.handle} (${a.kind} “${quote.slice(0, 60)}”)`,
  );
}

/** Click an annotation's entry in the Disputes panel (its card, or its line in a card or the unlinked list). */
export async function clickCard(ctx: Ctx, a: ModelAnnotation): Promise<void> {
  const { page, model } = ctx;
  await page.locator('#tab-disputes').click();
  await page.getByTestId('dispute-panel').waitFor({ timeout: STEP_WAIT });
  const quote = screenText(model.quote(a));
  const buttons =
    a.kind === 'claim'
      ? page.locator('.dispute-claim')
      : page.locator('[data-testid="dispute-panel"] button.statement');
  // Each entry's quote and what it says of the speaker (a claim's card line, a statement's meta).
  const entries = await buttons.evaluateAll((els) =>
    els.map((e) => ({
      quote: (e.querySelector('.statement-quote') ?? e).textContent ?? '',
      who:
        (e.classList.contains('dispute-claim')
          ? e.closest('[data-testid="dispute-card"]')?.querySelector('.dispute-speaker')
          : e.querySelector('.statement-meta')
        )?.textContent ?? '',
    })),
  );
  const sameQuote = (t: string) => {
    const s = screenText(t);
    return quote.startsWith(s) && s.length >= Math.min(quote.length, 20);
  };
  // Two annotations of one kind on one passage are told apart as a reviewer would: by the
  // speaker the entry names; the same passage and speaker twice, by their order.
  const twins = model.state.annotations.filter(
    (b) => b.kind === a.kind && b.article === a.article && b.start === a.start && b.end === a.end,
  );
  const whoMatches = (who: string) =>
    a.speaker
      ? screenText(who).includes(screenText(a.speaker))
      : !twins.some((b) => b.speaker && screenText(who).includes(screenText(b.speaker)));
  let candidates = entries.map((e, k) => ({ ...e, k })).filter((e) => sameQuote(e.quote));
  if (twins.length > 1) {
    const bySpeaker = candidates.filter((e) => whoMatches(e.who));
    if (bySpeaker.length) candidates = bySpeaker;
    const alike = twins.filter((b) => b.speaker === a.speaker);
    candidates = candidates.slice(Math.max(0, alike.indexOf(a)), Math.max(0, alike.indexOf(a)) + 1);
  }
  const i = candidates[0]?.k ?? -1;
  if (i < 0)
    throw new StepFailure(
      'cards',
      `the Disputes panel shows no entry for ${a.handle} (${a.kind} “${quote.slice(0, 60)}”)`,
    );
  await buttons.nth(i).click();
  model.openArticle = a.article;
  await settleScroll(ctx);
}

/** Close the open annotation (Escape in the article). */
export async function closeDetail(ctx: Ctx): Promise<void> {
  await focusArticle(ctx);
  await ctx.page.keyboard.press('Escape');
  if (await ctx.page.getByTestId('annotation-detail').count())
    await ctx.page.keyboard.press('Escape');
}

/** Type into a field as a person does: click, select what is there, type over it (or delete it). */
export async function typeInto(
  ctx: Ctx,
  field: ReturnType<Page['locator']>,
  text: string,
): Promise<void> {
  await field.click();
  await ctx.page.keyboard.press('Control+a');
  if (text) await ctx.page.keyboard.type(text);
  else await ctx.page.keyboard.press('Delete');
}

/** How much longer a save still in flight ("Saving…") is given before it counts as lost. */
const SLOW_SAVE_GRACE = 150_000;

/**
 * Wait until every change is saved; a save error is reported in the app's words. A save still in
 * flight after `timeout` ("Saving…", the host has not answered yet) is given {@link
 * SLOW_SAVE_GRACE} more: on a loaded machine a journal write's fsync can take that long. If it
 * then lands, the run logs a SLOW SAVE line with the wait and the load average, and the stored
 * checks that follow decide whether the record is right; the time itself is never a failure.
 */
export async function waitSaved(ctx: Ctx, timeout = 30_000): Promise<string | null> {
  const state = ctx.page.getByTestId('save-state');
  const saved = state.filter({ hasText: 'All changes saved' });
  const started = Date.now();
  const shown = async () => {
    const text = (await state.textContent().catch(() => null)) ?? 'no save state shown';
    const title = (await state.getAttribute('title').catch(() => null)) ?? '';
    return { text, title };
  };
  try {
    await saved.waitFor({ timeout });
    return null;
  } catch {
    const first = await shown();
    // Is the host answering at all? A quick call from outside the page tells a busy host from a
    // request stuck in the page.
    const pingStarted = Date.now();
    const ping = await Promise.race([
      api(ctx.host.origin, ctx.host.token, 'sessions.list', {}).then(
        () => `the host answered another call in ${Date.now() - pingStarted} ms`,
        (e: unknown) => `the host refused another call: ${(e as Error).message}`,
      ),
      new Promise<string>((r) =>
        setTimeout(() => r('the host did not answer another call within 60 s'), 60_000),
      ),
    ]);
    ctx.log(`    save not done after ${timeout / 1000} s (“${first.text}”); ${ping}`);
    if (first.text.trim() === 'Saving…') {
      try {
        await saved.waitFor({ timeout: SLOW_SAVE_GRACE });
        ctx.log(
          `    SLOW SAVE: “Saving…” for ${((Date.now() - started) / 1000).toFixed(1)} s, then saved (load average ${loadavg()[0]!.toFixed(1)})`,
        );
        return null;
      } catch {
        // Fall through: still not saved.
      }
    }
    const { text, title } = await shown();
    return `the changes were not saved: “${text}” ${title} (after ${((Date.now() - started) / 1000).toFixed(0)} s, load average ${loadavg()[0]!.toFixed(1)})`.trim();
  }
}

/** Open the run's session from the session list (after a reload or a new page). */
export async function openSessionFromList(ctx: Ctx): Promise<void> {
  const { page } = ctx;
  const open = page.getByRole('button', { name: `Open ${ctx.sessionName}`, exact: true });
  await open.waitFor({ timeout: 60_000 });
  await open.click();
  await page.locator('.article-text').waitFor({ timeout: 60_000 });
  await settleScroll(ctx);
}
