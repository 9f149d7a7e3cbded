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
import type { WebContents, WebPreferences } from 'electron';
import { APP_ENTRY_URL, isAppUrl } from './app-origin';

/**
 * The security checklist every window of the app satisfies (main and PDF).
 * The windows spell their preferences out literally in `new BrowserWindow({…})`
 * so that Electronegativity can read them; the unit tests assert that each
 * window's preferences contain every entry of this object.
 */
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
  // Middle-click must not open links in new windows (window.open is denied anyway).
  disableBlinkFeatures: 'Auxclick',
} satisfies WebPreferences);

export interface MainWindowOptions {
  preloadPath: string;
  /** Development build: DevTools allowed. */
  isDev: boolean;
  title: string;
}

/** Create the main window (hidden until its first paint) and load `app://workbench/index.html`. */
export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: opts.title,
    backgroundColor: '#ffffff',
    webPreferences: {
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
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      preload: opts.preloadPath,
      devTools: opts.isDev,
    },
  });
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
