import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../electron-fake'));

const fake = await import('../electron-fake');
const {
  APP_CONTENT_SECURITY_POLICY,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  registerAppSchemePrivileged,
  resolveAppPath,
} = await import('../../../electron/main/app-protocol');

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'fcw-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(path.join(root, 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'a b.css'), 'body{}');
  writeFileSync(path.join(base, 'secret.txt'), 'TOP-SECRET-CONTENT');
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));
beforeEach(() => fake.resetFakeElectron());

describe('registerAppSchemePrivileged', () => {
  it('registers app: as standard and secure, never bypassing the CSP', () => {
    registerAppSchemePrivileged();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [[schemes]] = fake.protocol.registerSchemesAsPrivileged.mock.calls as unknown as [
      [{ scheme: string; privileges: Record<string, boolean> }[]],
    ];
    expect(schemes).toEqual([{ scheme: 'app', privileges: { ...APP_SCHEME_PRIVILEGES } }]);
    expect(schemes[0]!.privileges).toMatchObject({
      standard: true,
      secure: true,
      bypassCSP: false,
      allowServiceWorkers: false,
    });
  });
});

describe('the CSP', () => {
  const directives = new Map(
    APP_CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );
  it('allows scripts only from the app itself, never inline or eval', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(APP_CONTENT_SECURITY_POLICY).not.toMatch(
      /unsafe-eval|'unsafe-inline'[^;]*script|strict-dynamic/,
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });
  it('matches browser mode on every directive both policies set', async () => {
    const { APP_CSP } = await import('../../../electron/web/web-host');
    const browser = new Map(
      APP_CSP.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    for (const [name, values] of browser) expect(directives.get(name), name).toEqual(values);
    expect(directives.get('style-src')).toEqual(["'self'"]);
  });

  it('limits connect-src to the app and forbids frames, objects, forms and base changes', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    for (const name of ['object-src', 'frame-src', 'frame-ancestors', 'form-action', 'base-uri']) {
      expect(directives.get(name), name).toEqual(["'none'"]);
    }
  });
});

describe('resolveAppPath', () => {
  const ok = [
    ['app://workbench/', 'index.html'],
    ['app://workbench/index.html', 'index.html'],
    ['app://workbench/assets/main.js?v=1#x', 'assets/main.js'],
    ['app://workbench/assets/a%20b.css', 'assets/a b.css'],
  ] as const;
  it.each(ok)('maps %s into the root', (url, rel) => {
    expect(resolveAppPath(root, url)).toEqual({ ok: true, filePath: path.join(root, rel) });
  });

  const refused = [
    ['dot-dot', 'app://workbench/../secret.txt'],
    ['nested dot-dot', 'app://workbench/assets/../../secret.txt'],
    ['encoded dot-dot', 'app://workbench/%2e%2e/secret.txt'],
    ['mixed-case encoded dot-dot', 'app://workbench/%2E%2e/secret.txt'],
    ['half-encoded dot-dot', 'app://workbench/.%2e/secret.txt'],
    ['single dot segment', 'app://workbench/./index.html'],
    ['encoded slash', 'app://workbench/..%2fsecret.txt'],
    ['encoded slash inside a name', 'app://workbench/assets%2fmain.js'],
    ['encoded backslash', 'app://workbench/..%5csecret.txt'],
    ['backslash', 'app://workbench/..\\secret.txt'],
    ['absolute path (empty segment)', 'app://workbench//etc/passwd'],
    ['absolute path after a folder', 'app://workbench/assets//etc/passwd'],
    ['drive letter', 'app://workbench/C:/Windows/win.ini'],
    ['encoded NUL', 'app://workbench/index.html%00.js'],
    ['malformed encoding', 'app://workbench/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['https', 'https://workbench/index.html'],
    ['credentials', 'app://user@workbench/index.html'],
    ['port', 'app://workbench:8080/index.html'],
  ] as const;
  it.each(refused)('refuses %s', (_name, url) => {
    const result = resolveAppPath(root, url);
    expect(result.ok).toBe(false);
  });
});

describe('createAppProtocolHandler', () => {
  const handler = () => createAppProtocolHandler(root);

  it('serves a file with its media type, the CSP, nosniff and no caching', async () => {
    const response = await handler()(new Request('app://workbench/assets/main.js'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(APP_CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('serves index.html for the root', async () => {
    const response = await handler()(new Request('app://workbench/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('refuses a symlink that leads outside the app folder', async () => {
    const response = await handler()(new Request('app://workbench/assets/link.txt'));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('TOP-SECRET-CONTENT');
  });

  it('answers 404 for a missing file or a folder, 405 for other methods', async () => {
    expect((await handler()(new Request('app://workbench/nope.js'))).status).toBe(404);
    expect((await handler()(new Request('app://workbench/assets'))).status).toBe(404);
    expect(
      (await handler()(new Request('app://workbench/index.html', { method: 'POST', body: 'x' })))
        .status,
    ).toBe(405);
  });

  it('never serves the file outside the root, whatever the URL says', async () => {
    const attempts = [
      'app://workbench/../secret.txt',
      'app://workbench/%2e%2e/secret.txt',
      'app://workbench/..%2fsecret.txt',
      'app://workbench//' + path.join(base, 'secret.txt').replace(/^\//, ''),
    ];
    for (const url of attempts) {
      const response = await handler()(new Request(url));
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text(), url).not.toContain('TOP-SECRET-CONTENT');
    }
  });
});
