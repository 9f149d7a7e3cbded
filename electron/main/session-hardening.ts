/**
 * Session-wide guards: every permission request and permission check is
 * denied, downloads never start, and requests leave only for the app's own
 * scheme (plus DevTools in development). The app needs no camera, location,
 * notifications or clipboard-read permission: files come through IPC.
 */
import type { Session } from 'electron';

/** URL schemes a page of the app may request at all; everything else is cancelled. */
const ALLOWED_REQUEST = /^(app:|data:|blob:|devtools:)/i;

/** True when a request to `url` may proceed (the app's scheme, inline data, DevTools). */
export function isAllowedRequestUrl(url: string): boolean {
  return typeof url === 'string' && ALLOWED_REQUEST.test(url);
}

/** Deny every permission, block downloads and outside requests on `ses`. Idempotent per session. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequestUrl(details.url) }),
  );
}
