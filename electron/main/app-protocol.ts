/**
 * Serves the built renderer (`dist/renderer`) on `app://workbench/`.
 *
 * Why a custom protocol and not `file://`: a file URL page shares its origin
 * with every file on disk, and the Electron security checklist asks for a
 * privileged standard scheme instead. Every response carries the strict CSP
 * below. Requests are mapped to files with a path-traversal check in two
 * layers: {@link resolveAppPath} refuses dot segments (plain or
 * percent-encoded), encoded slashes and backslashes, NUL, drive letters and
 * empty segments on the raw URL before it is parsed; the handler then
 * resolves symlinks and refuses any real path outside the root.
 */
import { realpath, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './app-origin';

/**
 * The app's Content Security Policy. No inline or remote script, no eval, no
 * inline style; `connect-src` is the app itself (the API goes over IPC, not
 * the network). The same directives as browser mode's policy (APP_CSP in
 * electron/web/web-host.ts; a test keeps the two in step), plus explicit
 * `'none'` for workers, media and manifests.
 */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

/** Privileges of the `app:` scheme. Never `bypassCSP`, never service workers. */
export const APP_SCHEME_PRIVILEGES = Object.freeze({
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  stream: false,
  bypassCSP: false,
  allowServiceWorkers: false,
});

/** Register `app:` as privileged. Must run before the app's `ready` event. */
export function registerAppSchemePrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } },
  ]);
}

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The media type for a file name; `application/octet-stream` when unknown. */
export function mediaTypeFor(fileName: string): string {
  return MEDIA_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

export type AppPathResult =
  { ok: true; filePath: string } | { ok: false; status: 400 | 404; reason: string };

// Checked on the raw URL text, before any parser normalises it away.
const RAW_DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|\?|#|$)/i;
const RAW_FORBIDDEN = /\\|%5c|%2f|%00|\u0000/i;

/**
 * Map an `app://workbench/...` URL to a file under `rootDir`.
 *
 * Refuses (400) other origins, dot segments, encoded slashes or backslashes,
 * NUL, empty segments (`//etc/passwd`), drive letters and malformed
 * percent-encoding; the resolved path must stay inside `rootDir`. `/` maps to
 * `index.html`. Pure: never touches the disk and never throws.
 */
export function resolveAppPath(rootDir: string, rawUrl: string): AppPathResult {
  const prefix = `${APP_ORIGIN}/`;
  if (typeof rawUrl !== 'string' || !rawUrl.toLowerCase().startsWith(prefix)) {
    return { ok: false, status: 400, reason: 'not an app URL' };
  }
  const rawPath = rawUrl.slice(prefix.length - 1).replace(/[?#].*$/s, '');
  if (RAW_FORBIDDEN.test(rawPath) || RAW_DOT_SEGMENT.test(rawPath)) {
    return { ok: false, status: 400, reason: 'path traversal refused' };
  }
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (
    url.protocol !== `${APP_SCHEME}:` ||
    url.hostname !== APP_HOST ||
    url.port !== '' ||
    url.username !== ''
  ) {
    return { ok: false, status: 400, reason: 'not an app URL' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  const segments = decoded === '/' ? ['index.html'] : decoded.slice(1).split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..' || /[\\:\u0000]/.test(segment)) {
      return { ok: false, status: 400, reason: 'path traversal refused' };
    }
  }
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  if (!isInside(root, filePath))
    return { ok: false, status: 400, reason: 'path traversal refused' };
  return { ok: true, filePath };
}

/** True when `child` is `root` itself or below it. */
export function isInside(root: string, child: string): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function refusal(status: number, reason: string): Response {
  return new Response(reason, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': APP_CONTENT_SECURITY_POLICY,
    },
  });
}

/**
 * The `protocol.handle('app', …)` handler for the main window's session:
 * serves files under `rootDir` with the CSP, `nosniff` and no caching.
 * Symlinks that lead outside `rootDir` are refused (403). Only GET and HEAD.
 * Never throws: failures are 4xx responses.
 */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  let realRoot: Promise<string> | null = null;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return refusal(405, 'method not allowed');
    const resolved = resolveAppPath(rootDir, request.url);
    if (!resolved.ok) return refusal(resolved.status, resolved.reason);
    try {
      realRoot ??= realpath(path.resolve(rootDir));
      const [root, real] = await Promise.all([realRoot, realpath(resolved.filePath)]);
      if (!isInside(root, real)) return refusal(403, 'outside the app folder');
      const info = await stat(real);
      if (!info.isFile()) return refusal(404, 'not found');
      const body = request.method === 'HEAD' ? null : await readFile(real);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': mediaTypeFor(real),
          'Content-Security-Policy': APP_CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
          'Cache-Control': 'no-store',
          'Cross-Origin-Opener-Policy': 'same-origin',
        },
      });
    } catch {
      realRoot = null;
      return refusal(404, 'not found');
    }
  };
}
