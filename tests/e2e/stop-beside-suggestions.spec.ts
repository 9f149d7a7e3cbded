/**
 * Issue 9 (found by the model test, seed 7 step 221): stopping the browser-mode host waited for
 * every request under way, suggestion requests too, and those can wait a minute on a long
 * article's analysis. The stopping host kept its data directory's lock all that time, so a
 * restart on the same directory was refused ("already in use by another Factcheck Workbench").
 *
 * Here the real service runs in this process behind the real loopback host, with every suggestion
 * request held, as a very long analysis would. The host is stopped as `npm run web` stops it
 * (quiesce, then close): the stop must not wait for the suggestions, and the page must say they
 * are not available. A host started again on the same port and token (the real service, nothing
 * held) must then give the page its suggestions without a reload.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiService, type ApiService } from '../../electron/service/api-service';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { seedReviewViaApi } from './helpers/app-driver';
import { openSessionFromHome } from './helpers/review-fixtures';
import { assertRendererBuilt, ROOT } from './helpers/web-host';

let dir: string;
let service: ApiService;
const hosts: WebHost[] = [];
let waiting = 0;

test.beforeAll(async () => {
  assertRendererBuilt();
  dir = mkdtempSync(join(tmpdir(), 'fcw-stop-'));
  service = await createApiService({
    dataDir: join(dir, 'data'),
    seedsDir: join(ROOT, 'seeds'),
    host: 'browser',
    version: 'test',
  });
});

test.afterAll(async () => {
  for (const h of hosts) await h.close().catch(() => undefined);
  await service?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a host stops without waiting for suggestions under way; the page gets them from the host started again', async ({
  page,
}) => {
  const neverEnding = {
    ...service,
    handle: async (method: string, payload: unknown) => {
      if (method.startsWith('suggest.')) {
        waiting++;
        await new Promise(() => {}); // an analysis that does not end before the stop
      }
      return service.handle(method, payload);
    },
  } as ApiService;
  const first = await startWebHost({
    service: neverEnding,
    staticDir: join(ROOT, 'dist/renderer'),
  });
  hosts.push(first);
  const origin = `http://127.0.0.1:${first.port}`;
  const name = 'Seed review, host stopped';
  await seedReviewViaApi(origin, first.token, name);
  await page.goto(first.url);
  await openSessionFromHome(page, name);
  const panel = page.getByTestId('suggestions-panel');
  await page.getByRole('tab', { name: /^Suggestions/ }).click();
  await expect(panel).toContainText('Finding claims worth checking');
  await expect.poll(() => waiting).toBeGreaterThanOrEqual(1);

  // Stopped as `npm run web` stops: no request is taken, those that change data are waited for.
  await first.quiesce();
  await first.close();
  await expect(panel).toContainText('Suggestions are not available');

  const second = await startWebHost({
    service,
    staticDir: join(ROOT, 'dist/renderer'),
    port: first.port,
    token: first.token,
  });
  hosts.push(second);
  await page.waitForFunction(() => (CSS.highlights.get('fc-suggestion')?.size ?? 0) > 0);
  await expect(panel.getByRole('list')).toBeVisible();
  await expect(panel).not.toContainText('not available');
});
