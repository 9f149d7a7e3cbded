/**
 * The desktop app end to end, in the real Electron runtime (Playwright's
 * `_electron`). Runs where the Electron binary is installed; elsewhere every
 * test is skipped with the reason printed. Needs `npm run build` first (npm
 * test builds before it runs the specs).
 *
 * Journey (as in the browser-mode spec): empty data directory → the seed is in
 * the library and shown → create a session → reload → the session is listed
 * and reopens with its article. The page is driven through `window.factcheck`,
 * the preload's bridge, so the preload, the IPC sender check and the service
 * are all exercised live. Then the live security assertions: no Node in the
 * page, window.open returns null, navigation away is blocked, the bridge has
 * exactly its four functions.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

/** The Electron binary, or the reason there is none. */
function findElectron(): { binary: string } | { reason: string } {
  try {
    const binary = require('electron') as unknown;
    if (typeof binary === 'string' && existsSync(binary)) return { binary };
    return { reason: `the electron package points at ${String(binary)}, which does not exist` };
  } catch (err) {
    return {
      reason: `the Electron binary is not installed (require('electron') says: "${(err as Error).message}"); its download was skipped or blocked when the packages were installed; this spec runs only where the binary exists`,
    };
  }
}

const electron = findElectron();
const built = [
  'out/electron/main/main.js',
  'out/electron/preload/preload.cjs',
  'dist/renderer/index.html',
].every((f) => existsSync(path.join(root, f)));
const skipReason =
  'reason' in electron
    ? `Electron e2e skipped: ${electron.reason}.`
    : !built
      ? 'Electron e2e skipped: the app is not built (run `npm run build`: out/electron and dist/renderer are missing).'
      : null;
// Playwright's list reporter shows skipped tests without their reason: say it out loud.
if (skipReason) console.warn(skipReason);

test.describe('Electron desktop app', () => {
  test.skip(skipReason !== null, skipReason ?? '');
  test.describe.configure({ mode: 'serial' });

  let dataDir: string;
  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'fcw-electron-e2e-'));
    app = await _electron.launch({
      executablePath: (electron as { binary: string }).binary,
      args: [root],
      cwd: root,
      env: { ...process.env, FACTCHECK_DATA_DIR: dataDir, ELECTRON_ENABLE_LOGGING: '1' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('serves the app from app://workbench with the userData override', async () => {
    expect(page.url()).toMatch(/^app:\/\/workbench\//);
    const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
    expect(userData).toBe(dataDir);
  });

  test('opens the seed, creates a session, and reopens it after a reload', async () => {
    const call = (method: string, request: unknown) =>
      page.evaluate(
        ([m, r]) =>
          (
            window as unknown as { factcheck: { call(m: string, r: unknown): Promise<unknown> } }
          ).factcheck.call(m, r),
        [method, request] as const,
      ) as Promise<{
        ok: boolean;
        value: any; // eslint-disable-line @typescript-eslint/no-explicit-any
      }>;
    const library = await call('library.list', {});
    expect(library.ok).toBe(true);
    const seed = library.value.find((e: { origin: string }) => e.origin === 'seed');
    expect(seed).toBeTruthy();
    expect(seed.meta.date).toBe('2017-05-17');
    const before = await call('sessions.list', {});
    expect(before.value).toEqual([]);

    const created = await call('sessions.create', {
      name: 'Electron e2e review',
      articleIds: [seed.id],
    });
    expect(created.ok).toBe(true);
    const sessionId = created.value.session.id as string;

    await page.reload();
    await page.waitForLoadState('domcontentloaded');
    const after = await call('sessions.list', {});
    expect(after.value.map((s: { id: string }) => s.id)).toEqual([sessionId]);
    await expect(page.getByText('Electron e2e review').first()).toBeVisible();

    const reopened = await call('sessions.open', { id: sessionId });
    expect(reopened.ok).toBe(true);
    expect(reopened.value.session.id).toBe(sessionId);
    expect(reopened.value.readOnly).toBe(false);
  });

  test('gives the page no Node, no popups, no navigation away, and only the bridge', async () => {
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
      'undefined',
    );
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(
      await page.evaluate(() =>
        Object.keys((window as unknown as { factcheck: object }).factcheck).sort(),
      ),
    ).toEqual(['call', 'on', 'openExternal', 'saveFile']);

    // The guard runs first; a listener added now sees whether it prevented the navigation.
    const verdict = app.evaluate(
      ({ BrowserWindow }) =>
        new Promise<{ url: string; prevented: boolean }>((resolve) => {
          const contents = BrowserWindow.getAllWindows()[0]!.webContents;
          contents.once('will-navigate', (event) =>
            resolve({ url: event.url, prevented: event.defaultPrevented }),
          );
        }),
    );
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    expect(await verdict).toEqual({ url: 'https://example.com/', prevented: true });
    expect(page.url()).toMatch(/^app:\/\/workbench\//);
  });

  test('does not give subframes the bridge', async () => {
    const hasBridgeInFrame = await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.srcdoc = '<p>x</p>';
      document.body.append(frame);
      const result = 'factcheck' in (frame.contentWindow as object);
      frame.remove();
      return result;
    });
    expect(hasBridgeInFrame).toBe(false);
  });
});
