/**
 * The browser-mode access token. The host prints `http://127.0.0.1:PORT/#token=…`;
 * the token is read from the address once, kept in sessionStorage (so a
 * reload keeps working in this tab) and removed from the address bar, so it
 * does not linger in history or get shared with a screenshot.
 */

const STORAGE_KEY = 'factcheck.token';

export interface TokenEnvironment {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

/** The token from `#token=…` or from this tab's storage; null when there is none. */
export function takeToken(env: TokenEnvironment): string | null {
  const params = new URLSearchParams(env.location.hash.replace(/^#/, ''));
  const fromHash = params.get('token');
  if (fromHash) {
    try {
      env.storage.setItem(STORAGE_KEY, fromHash);
    } catch {
      // Storage may be disabled; the token still works for this page load.
    }
    params.delete('token');
    const rest = params.toString();
    env.history.replaceState(
      env.history.state,
      '',
      `${env.location.pathname}${env.location.search}${rest ? `#${rest}` : ''}`,
    );
    return fromHash;
  }
  try {
    return env.storage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
