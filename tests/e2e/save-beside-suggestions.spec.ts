/**
 * Issue 9 (found by the model test): a save must never wait behind suggestions. A browser opens at
 * most six connections to the host; the page asks for claim, speaker and "seen before"
 * suggestions on its own (speakers for every annotation opened), and each can wait long on an
 * article's analysis (seconds for a 1 MB report after a host restart, ~40 s on a loaded machine).
 * With six of them pending, the next save sat in the browser's queue and "Saving…" stayed.
 *
 * Here the real service runs in this process behind the real loopback host, and every suggestion
 * request is held until the end of the test, as a very long analysis would. The reviewer opens
 * every annotation of the seed review (each asks for suggestions), then writes a note: it must be
 * saved (the page says so, and the stored session has it) while the suggestions still wait.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiService, type ApiService } from '../../electron/service/api-service';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { seedReviewViaApi } from './helpers/app-driver';
import { openSessionFromHome, storedSession } from './helpers/review-fixtures';
import { assertRendererBuilt, ROOT } from './helpers/web-host';

let dir: string;
let service: ApiService;
let host: WebHost;
let origin: string;
let release!: () => void;
const held = new Promise<void>((r) => (release = r));
let waiting = 0;

test.beforeAll(async () => {
  assertRendererBuilt();
  dir = mkdtempSync(join(tmpdir(), 'fcw-lanes-'));
  service = await createApiService({
    dataDir: join(dir, 'data'),
    seedsDir: join(ROOT, 'seeds'),
    host: 'browser',
    version: 'test',
  });
  const slowSuggestions = {
    ...service,
    handle: async (method: string, payload: unknown) => {
      if (method.startsWith('suggest.')) {
        waiting++;
        await held;
        waiting--;
      }
      return service.handle(method, payload);
    },
  } as ApiService;
  host = await startWebHost({ service: slowSuggestions, staticDir: join(ROOT, 'dist/renderer') });
  origin = `http://127.0.0.1:${host.port}`;
});

test.afterAll(async () => {
  release();
  await host?.close();
  await service?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a note is saved while every suggestion request waits on a long analysis', async ({
  page,
}) => {
  const name = 'Seed review, suggestions held';
  const id = await seedReviewViaApi(origin, host.token, name);
  await page.goto(host.url);
  await openSessionFromHome(page, name);

  // Open each annotation (its card, then its tab): each asks for its speaker suggestions.
  const statements = page.getByTestId('dispute-card').locator('.statement');
  await expect(statements.first()).toBeVisible();
  const count = await statements.count();
  expect(count).toBe(4);
  for (let i = 0; i < count; i++) {
    await page.locator('#tab-disputes').click();
    await statements.nth(i).click();
    await page.locator('#tab-annotation').click();
    await expect(page.getByTestId('annotation-detail')).toBeVisible();
  }
  await page.locator('#tab-disputes').click();
  await page.locator('.dispute-claim').first().click();
  await page.locator('#tab-annotation').click();
  // The claim's own speaker and "seen before" requests are asked too.
  await expect.poll(() => waiting).toBeGreaterThanOrEqual(2);

  const note = 'Saved while the suggestions were still being worked out.';
  const field = page
    .getByTestId('annotation-detail')
    .getByRole('textbox', { name: 'Note', exact: true });
  await field.fill(note);
  await field.blur();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  const stored = await storedSession(origin, host.token, id);
  expect(stored.annotations.find((a) => a.kind === 'claim')?.note).toBe(note);
  // Nothing was answered yet: the suggestions were held all along.
  expect(waiting).toBeGreaterThanOrEqual(2);
});
