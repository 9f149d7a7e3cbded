/**
 * The app's own origin. The renderer is served from `app://workbench/` (see
 * app-protocol.ts), never from `file://`; navigation guards, the IPC sender
 * check and the CSP all refer to this one origin.
 *
 * Node's WHATWG `URL` gives non-special schemes the origin `"null"`, so the
 * checks here compare scheme and host instead of `url.origin`.
 */

/** The custom scheme (registered privileged: standard, secure). */
export const APP_SCHEME = 'app';
/** The host that serves the renderer from `dist/renderer`. */
export const APP_HOST = 'workbench';
/** `app://workbench` — the only origin the main window may show. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Parse a URL; null when it does not parse (never throws). */
export function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True when `raw` is on the app origin: scheme `app:`, host `workbench`, no
 * credentials, no port. Anything unparsable is false.
 */
export function isAppUrl(raw: unknown): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
