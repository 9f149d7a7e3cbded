/**
 * Helpers the end-to-end specs share: calling the host's API from the test,
 * watching every request the page makes, selecting article text with the
 * mouse, and counting key presses.
 */
import { expect, type Page, type Request } from '@playwright/test';
import type { ApiMethod, ApiRequest, ApiResponses } from '../../../shared/api/contract';
import { applyOps, type SessionOp } from '../../../shared/session/session-ops';
import type { AnnotationKind, LinkRelation } from '../../../shared/model/vocabulary';
import {
  linkAnnotations,
  markPassage,
  putSpeaker,
  setVerdict,
} from '../../../shared/review/annotation-edits';

/** Call the host's API directly (to check what it stored). Throws on an error value. */
export async function api<M extends ApiMethod>(
  origin: string,
  token: string,
  method: M,
  request: ApiRequest<M>,
): Promise<ApiResponses[M]> {
  const res = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body = (await res.json()) as {
    ok: boolean;
    value?: ApiResponses[M];
    error?: { message: string };
  };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value!;
}

/** Record every request the page makes; `outside()` lists those not to the host. */
export function watchRequests(page: Page, origin: string) {
  const seen: string[] = [];
  const onRequest = (r: Request) => void seen.push(r.url());
  page.on('request', onRequest);
  return {
    seen,
    outside: () =>
      seen.filter(
        (u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'),
      ),
  };
}

/**
 * Select `quote` in the article by dragging the mouse from its first to its
 * last character (the test finds where they are; the selection itself is made
 * with real mouse events).
 */
export async function dragSelect(page: Page, quote: string): Promise<void> {
  const box = await page.evaluate(async (q) => {
    const root = document.querySelector('.article-text')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n as Text);
      all += (n as Text).data;
    }
    const at = all.indexOf(q);
    if (at < 0) return null;
    const locate = (offset: number) => {
      let acc = 0;
      for (const n of nodes) {
        if (offset < acc + n.data.length) return { node: n, offset: offset - acc };
        acc += n.data.length;
      }
      const last = nodes[nodes.length - 1]!;
      return { node: last, offset: last.data.length };
    };
    const rectOf = (offset: number) => {
      const { node, offset: o } = locate(offset);
      const r = document.createRange();
      r.setStart(node, o);
      r.setEnd(node, o + 1);
      return r.getBoundingClientRect();
    };
    // Bring the passage to the middle of the view and let layout settle before measuring.
    locate(at).node.parentElement!.scrollIntoView({ block: 'center' });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const a = rectOf(at);
    const b = rectOf(at + q.length - 1);
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
  }, quote);
  if (!box) throw new Error(`not in the article: ${quote}`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  if (selected.replace(/\s+/g, ' ').trim() !== quote)
    throw new Error(`the drag selected ${JSON.stringify(selected)}, not ${JSON.stringify(quote)}`);
}

/** Counts key presses (a chord such as Ctrl+F is one press); typing into fields is not counted. */
export class KeyCounter {
  count = 0;
  readonly log: string[] = [];
  constructor(private readonly page: Page) {}
  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      await this.page.keyboard.press(key);
      this.count++;
      this.log.push(key);
    }
  }
  /** Characters typed into a field: not counted as key presses. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }
}

/** The passages of the seed review (issue 3). */
export const SEED_QUOTES = {
  claim:
    'the disclosures by the US President jeopardised a critical source of intelligence on the Islamic State',
  falseStory: 'The story is false',
  noTime: 'At no time, at no time were intelligence sources or methods discussed',
  tillerson: 'US President Donald Trump did not discuss sources, methods or military operations',
  tweet:
    'I wanted to share with Russia (at an openly scheduled W.H. meeting) which I have the absolute right to do',
} as const;

/**
 * Set up the finished seed review through the host's API (not the UI), for
 * specs about what comes after it: a new session on the seed, with the five
 * annotations, four links and the verdict, sent as one batch. Returns its id.
 */
export async function seedReviewViaApi(
  origin: string,
  token: string,
  name = 'Seed review',
): Promise<string> {
  const library = await api(origin, token, 'library.list', {});
  const seed = library.find((e) => e.origin === 'seed')!;
  const opened = await api(origin, token, 'sessions.create', { name, articleIds: [seed.id] });
  let s = opened.session;
  const all: SessionOp[] = [];
  const run = (ops: SessionOp[]) => {
    const r = applyOps(s, ops, new Date().toISOString());
    if (!r.ok) throw new Error(r.problems.join(' '));
    s = r.session;
    all.push(...ops);
  };
  const art = s.articles[0]!;
  const now = new Date().toISOString();
  const speaker = (n: string) => {
    const found = s.speakers.find((x) => x.name === n);
    if (found) return found.id;
    const r = putSpeaker(s, { name: n });
    if (!r.ok) throw new Error(r.message);
    run(r.ops);
    return r.speaker.id;
  };
  const mark = (quote: string, kind: AnnotationKind, who: string) => {
    const start = art.text.indexOf(quote);
    const r = markPassage(
      s,
      {
        articleId: art.id,
        start16: start,
        end16: start + quote.length,
        kind,
        speakerId: speaker(who),
      },
      now,
    );
    if (!r.ok) throw new Error(r.message);
    run(r.ops);
    return r.annotation.id;
  };
  const claim = mark(SEED_QUOTES.claim, 'claim', 'The Washington Post');
  const links: [string, LinkRelation][] = [
    [mark(SEED_QUOTES.falseStory, 'counter-statement', 'H R McMaster'), 'contradicts'],
    [mark(SEED_QUOTES.noTime, 'counter-statement', 'H R McMaster'), 'partially-addresses'],
    [mark(SEED_QUOTES.tillerson, 'counter-statement', 'Rex Tillerson'), 'partially-addresses'],
    [mark(SEED_QUOTES.tweet, 'evidence', 'Donald J. Trump'), 'supports'],
  ];
  for (const [from, relation] of links) {
    const r = linkAnnotations(s, { from, to: claim, relation }, now);
    if (!r.ok) throw new Error(r.message);
    run(r.ops);
  }
  const v = setVerdict(
    s,
    claim,
    {
      stepId: 'mostly-true',
      rationale: 'The denials address sources and methods, not the disclosure.',
    },
    now,
  );
  if (!v.ok) throw new Error(v.message);
  run(v.ops);
  await api(origin, token, 'sessions.apply', {
    id: s.id,
    baseRevision: opened.session.revision,
    ops: all,
  });
  await api(origin, token, 'sessions.flush', { id: s.id });
  return s.id;
}

/**
 * Answer the start-review dialog that "Start review" opens: fill in the given
 * fields (reviewer, outlet, url, byline), then start a new session, also when
 * the article already has one (the dialog then says "Start a new review anyway").
 */
export async function confirmStartReview(
  page: Page,
  fields: Partial<Record<'reviewer' | 'outlet' | 'url' | 'byline', string>> = {},
): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Start a review' });
  await expect(dialog).toBeVisible();
  for (const [name, value] of Object.entries(fields))
    await dialog.locator(`input[name="${name}"]`).fill(value);
  await dialog.getByRole('button', { name: /^Start (review|a new review anyway)$/ }).click();
  await expect(dialog).toHaveCount(0);
}

/** Dismiss every notice and wait for any flashing highlight to end (calm screenshots). */
export async function settleForScreenshot(page: Page): Promise<void> {
  // Notices may also fade on their own meanwhile, so close whichever is first until none is left.
  const close = page.getByRole('button', { name: 'Dismiss message' });
  for (let i = 0; i < 20 && (await close.count()); i++)
    await close
      .first()
      .click({ timeout: 2000 })
      .catch(() => undefined);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights?.get('fc-flash')
            ?.size ?? 0,
      ),
    )
    .toBe(0);
}
