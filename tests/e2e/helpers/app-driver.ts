/**
 * Helpers the end-to-end specs share: calling the host's API from the test,
 * watching every request the page makes, selecting article text with the
 * mouse, and counting key presses.
 */
import type { Page, Request } from '@playwright/test';
import type { ApiMethod, ApiRequest, ApiResponses } from '../../../shared/api/contract';

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
