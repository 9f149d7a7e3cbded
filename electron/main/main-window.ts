/**
 * The main window and the guards every web contents gets.
 *
 * {@link SECURE_WEB_PREFERENCES} is the Electron security checklist in one
 * frozen object (asserted field by field in the unit tests, because
 * Electronegativity skips its nodeIntegration check when `sandbox` is set).
 * {@link hardenWebContents} is attached to every web contents the app creates
 * (`app.on('web-contents-created')`): navigation and redirects stay on the app
 * origin, `window.open` is denied, `<webview>` never attaches.
 */
import { BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions, WebContents, WebPreferences } from 'electron';
import { APP_ENTRY_URL, isAppUrl } from './app-origin';

/** Web preferences shared by every window (main and PDF). Never relaxed anywhere. */
export const SECURE_WEB_PREFERENCES = Object.freeze({
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
  safeDialogs: true,
  // The spellchecker downloads dictionaries from the network; the app loads no remote content.
  spellcheck: false,
} satisfies WebPreferences);

/** The main window's web preferences: the secure set plus the preload; devtools in development only. */
export function mainWindowWebPreferences(opts: {
  preloadPath: string;
  isDev: boolean;
}): WebPreferences {
  return { ...SECURE_WEB_PREFERENCES, preload: opts.preloadPath, devTools: opts.isDev };
}

/** Constructor options of the main window. Shown once the first paint is ready. */
export function mainWindowOptions(opts: {
  preloadPath: string;
  isDev: boolean;
  title: string;
}): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 880,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: opts.title,
    backgroundColor: '#ffffff',
    webPreferences: mainWindowWebPreferences(opts),
  };
}

/** Create the main window and load the app entry URL (`app://workbench/index.html`). */
export function createMainWindow(opts: {
  preloadPath: string;
  isDev: boolean;
  title: string;
}): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(opts));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/** What a guard needs besides the contents: where allowed external links go (after confirmation). */
export interface WebContentsGuardOptions {
  /** Called for an http(s)/mailto link the page tried to open in a new window; must confirm with the user. */
  offerExternal?: (url: string) => void;
}

/**
 * Attach the navigation guards to one web contents:
 * - `will-navigate`, `will-frame-navigate` and `will-redirect` are prevented unless the target is on the app origin;
 * - `setWindowOpenHandler` always denies (a web link is offered to `offerExternal`, which asks the user);
 * - `will-attach-webview` is always prevented.
 */
export function hardenWebContents(contents: WebContents, opts: WebContentsGuardOptions = {}): void {
  const stayOnApp = (event: { preventDefault(): void; url?: string }, url?: string): void => {
    if (!isAppUrl(event.url ?? url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnApp);
  contents.on('will-frame-navigate', (event) => stayOnApp(event));
  contents.on('will-redirect', stayOnApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (opts.offerExternal && /^(https:|mailto:)/i.test(url)) opts.offerExternal(url);
    return { action: 'deny' };
  });
}
