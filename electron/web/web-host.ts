/**
 * The loopback HTTP host for browser mode: the same API as Electron IPC, over
 * `POST /api/<method>`, plus the built renderer as static files.
 *
 * Security, in the order a request meets it:
 * - the server binds 127.0.0.1 only;
 * - the Host header must name this server (127.0.0.1 or localhost with our
 *   port), which defeats DNS rebinding;
 * - every `/api/` request needs `Authorization: Bearer <token>`, compared in
 *   constant time; `npm run web` keeps one token per data directory in an
 *   owner-only file (`host-token.ts`), so open tabs survive a restart; the
 *   token reaches the page in the URL fragment, which browsers never send to
 *   servers;
 * - no CORS headers are ever sent, so other origins cannot read responses;
 * - request bodies are size-limited; static paths are checked for traversal.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { ApiEventName, ApiEvents, ApiResult } from '../../shared/api/contract';
import type { ApiService } from '../service/api-service';

/** Largest request body accepted, in bytes (portable session files can be large). */
export const MAX_BODY_BYTES = 100 * 1024 * 1024;

/** Content-Security-Policy of the app pages: no inline script, talk only to this host. */
export const APP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-src 'none'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'; object-src 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface WebHostOptions {
  service: ApiService;
  /** The built renderer (`dist/renderer`). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** The token to require (the data directory's kept token); otherwise 32 random bytes. */
  token?: string;
}

export interface WebHost {
  /** The URL to open, token included (in the fragment). */
  url: string;
  port: number;
  token: string;
  /** Push an event to every connected page. */
  broadcast<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void;
  /**
   * Stop taking API requests (they are answered `io`, "the host is stopping", so
   * pages keep their edits and retry) and resolve once those under way that
   * can change stored data have answered. Suggestion requests only read (and
   * may wait a minute on a long article's analysis): they are answered "the
   * host is stopping" at once rather than holding the stop, and its data
   * directory's lock, for that long. Call before closing the service, so no
   * change reaches the store after its last save.
   */
  quiesce(): Promise<void>;
  close(): Promise<void>;
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** Constant-time token check: both sides are hashed to equal length first. */
export function tokenMatches(presented: string | undefined, token: string): boolean {
  if (typeof presented !== 'string') return false;
  return timingSafeEqual(digest(presented), digest(token));
}

function baseHeaders(): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}

function sendJson(res: ServerResponse, status: number, body: ApiResult<unknown>): void {
  // A request answered already (a read let go when the host began to stop) is not answered twice.
  if (res.headersSent || res.writableEnded) return;
  const data = JSON.stringify(body);
  res.writeHead(status, {
    ...baseHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(data);
}

/** Requests that never change stored data, and may run long: the suggestions. */
function isReadOnly(pathname: string): boolean {
  return pathname.startsWith('/api/suggest.');
}

function refuse(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, {
    ok: false,
    error: { code: status === 413 ? 'too-large' : 'refused', message },
  });
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Start the host on 127.0.0.1. Resolves once it listens. */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const staticRoot = resolve(opts.staticDir);
  const listeners = new Set<ServerResponse>();
  let port = 0;
  let stopping = false;
  let inFlight = 0;
  const drained: (() => void)[] = [];
  /** Read-only requests under way that a stop does not wait for (see `quiesce`). */
  const readers = new Set<ServerResponse>();
  const STOPPING_MESSAGE =
    'The app’s host is stopping. Your edits stay in this window and are saved when it runs again.';

  const hostAllowed = (host: string | undefined) =>
    host === `127.0.0.1:${port}` || host === `localhost:${port}`;

  const serveStatic = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(res, 405, 'Only GET is allowed here.');
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return refuse(res, 400, 'Bad path.');
    }
    if (rel.includes('\0') || rel.includes('\\')) return refuse(res, 400, 'Bad path.');
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = normalize(join(staticRoot, rel));
    if (file !== staticRoot && !file.startsWith(staticRoot + sep))
      return refuse(res, 403, 'Outside the app.');
    try {
      const st = await stat(file);
      if (!st.isFile()) return refuse(res, 404, 'Not found.');
      const body = await readFile(file);
      const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, {
        ...baseHeaders(),
        'Content-Type': type,
        'Content-Security-Policy': APP_CSP,
        'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      refuse(res, 404, 'Not found.');
    }
  };

  const serveEvents = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, {
      ...baseHeaders(),
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    listeners.add(res);
    req.on('close', () => listeners.delete(res));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req.headers.host))
      return refuse(
        res,
        421,
        'This server only answers requests addressed to 127.0.0.1 or localhost.',
      );
    const pathname = (req.url ?? '/').split('?')[0]!;
    if (!pathname.startsWith('/api/')) return serveStatic(req, res, pathname);
    const auth = req.headers.authorization;
    const presented = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    if (!tokenMatches(presented, token))
      return refuse(
        res,
        401,
        'Missing or wrong access token. Open the address the host printed when it started (paste it into this tab to keep your unsaved edits).',
      );
    if (pathname === '/api/events' && req.method === 'GET') return serveEvents(req, res);
    if (stopping)
      return sendJson(res, 503, {
        ok: false,
        error: { code: 'io', message: STOPPING_MESSAGE },
      });
    if (isReadOnly(pathname)) {
      readers.add(res);
      try {
        return await handleApi(req, res, pathname);
      } finally {
        readers.delete(res);
      }
    }
    inFlight++;
    try {
      await handleApi(req, res, pathname);
    } finally {
      if (--inFlight === 0) for (const done of drained.splice(0)) done();
    }
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    if (req.method !== 'POST') return refuse(res, 405, 'API requests must be POST.');
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) return refuse(res, 415, 'API requests must be JSON.');
    const body = await readBody(req);
    if (!body)
      return refuse(res, 413, `The request is larger than ${MAX_BODY_BYTES / (1024 * 1024)} MB.`);
    let payload: unknown;
    try {
      payload = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return refuse(res, 400, 'The request body is not valid JSON.');
    }
    const method = pathname.slice('/api/'.length);
    sendJson(res, 200, await opts.service.handle(method, payload));
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: Error) => {
      if (!res.headersSent)
        sendJson(res, 500, {
          ok: false,
          error: { code: 'internal', message: `The host failed: ${e.message}` },
        });
      else res.end();
    });
  });
  server.requestTimeout = 10 * 60_000;

  // The service's own events (import progress) go to every connected page.
  const unsubscribe = opts.service.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const l of listeners) l.write(frame);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const addr = server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    broadcast(event, payload) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const l of listeners) l.write(frame);
    },
    quiesce() {
      stopping = true;
      for (const res of readers)
        sendJson(res, 503, { ok: false, error: { code: 'io', message: STOPPING_MESSAGE } });
      readers.clear();
      return inFlight === 0 ? Promise.resolve() : new Promise<void>((done) => drained.push(done));
    },
    close: () =>
      new Promise<void>((done) => {
        unsubscribe();
        for (const l of listeners) l.end();
        listeners.clear();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
