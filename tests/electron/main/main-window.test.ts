import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../electron-fake'));

const fake = await import('../electron-fake');
const { SECURE_WEB_PREFERENCES, createMainWindow, hardenWebContents } =
  await import('../../../electron/main/main-window');
const { hardenSession, isAllowedRequestUrl } =
  await import('../../../electron/main/session-hardening');
const { APP_ENTRY_URL } = await import('../../../electron/main/app-origin');

beforeEach(() => fake.resetFakeElectron());

// Electronegativity skips its nodeIntegration check when sandbox is set, so every
// preference of the checklist is asserted here, on the object and on the window.
const CHECKLIST = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
};

describe('window preferences', () => {
  it('hold every item of the security checklist, frozen', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject(CHECKLIST);
    expect(Object.isFrozen(SECURE_WEB_PREFERENCES)).toBe(true);
    expect(SECURE_WEB_PREFERENCES).not.toHaveProperty('enableBlinkFeatures');
    expect(SECURE_WEB_PREFERENCES.disableBlinkFeatures).toBe('Auxclick');
    expect(SECURE_WEB_PREFERENCES).not.toHaveProperty('preload');
  });

  it('are what the main window is created with, plus the preload; devtools only in development', () => {
    const win = createMainWindow({
      preloadPath: '/app/out/electron/preload/preload.cjs',
      isDev: false,
      title: 'T',
    });
    const prefs = (win as unknown as InstanceType<typeof fake.BrowserWindow>).options
      .webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject(CHECKLIST);
    expect(prefs).toMatchObject(SECURE_WEB_PREFERENCES);
    expect(prefs.preload).toBe('/app/out/electron/preload/preload.cjs');
    expect(prefs.devTools).toBe(false);
    const dev = createMainWindow({ preloadPath: 'p', isDev: true, title: 'T' });
    const devPrefs = (dev as unknown as InstanceType<typeof fake.BrowserWindow>).options
      .webPreferences as Record<string, unknown>;
    expect(devPrefs.devTools).toBe(true);
    expect(devPrefs).toMatchObject(SECURE_WEB_PREFERENCES);
  });

  it('load only the app entry URL (no file://, no remote content) and show when ready', () => {
    const win = createMainWindow({
      preloadPath: 'p',
      isDev: false,
      title: 'T',
    }) as unknown as InstanceType<typeof fake.BrowserWindow>;
    expect(win.loaded).toEqual([APP_ENTRY_URL]);
    expect(APP_ENTRY_URL).toBe('app://workbench/index.html');
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });
});

describe('hardenWebContents', () => {
  const setup = () => {
    const contents = new fake.FakeWebContents();
    const offered: string[] = [];
    hardenWebContents(contents as never, { offerExternal: (url) => offered.push(url) });
    return { contents, offered };
  };

  const outside = [
    'https://example.com/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'app://evil/index.html',
    'app://workbench.evil.com/',
    'app://user@workbench/',
    'about:blank',
    'not a url',
  ];

  for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const) {
    it(`${name}: stays on the app origin`, () => {
      const { contents } = setup();
      for (const url of outside) {
        const event = fake.fakeEvent({ url });
        contents.emit(name, event, url);
        expect(event.defaultPrevented, url).toBe(true);
      }
      const inside = fake.fakeEvent({ url: 'app://workbench/index.html#session' });
      contents.emit(name, inside, inside.url);
      expect(inside.defaultPrevented).toBe(false);
    });
  }

  it('denies every window.open and offers only https/mailto links to the confirmation flow', () => {
    const { contents, offered } = setup();
    for (const url of [
      'https://example.com/a',
      'mailto:desk@example.org',
      'http://example.com',
      'javascript:alert(1)',
      'app://workbench/',
    ]) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(offered).toEqual(['https://example.com/a', 'mailto:desk@example.org']);
  });

  it('prevents every <webview> from attaching', () => {
    const { contents } = setup();
    const event = fake.fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const ses = new fake.FakeSession();
    hardenSession(ses as never);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'unknown',
    ]) {
      const callback = vi.fn();
      ses.permissionRequestHandler!({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(ses.permissionCheckHandler!({}, permission, 'app://workbench'), permission).toBe(
        false,
      );
    }
    expect(ses.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels requests that leave the app and downloads', () => {
    const ses = new fake.FakeSession();
    hardenSession(ses as never);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      ses.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('app://workbench/assets/main.js')).toBe(false);
    expect(decide('data:image/png;base64,AAAA')).toBe(false);
    for (const url of [
      'https://example.com/x.png',
      'http://127.0.0.1/',
      'file:///etc/passwd',
      'ws://localhost/',
      'ftp://x/',
    ]) {
      expect(decide(url), url).toBe(true);
      expect(isAllowedRequestUrl(url)).toBe(false);
    }
    const download = fake.fakeEvent();
    ses.emit('will-download', download, {}, {});
    expect(download.defaultPrevented).toBe(true);
  });
});
