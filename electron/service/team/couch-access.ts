/**
 * Reaching a team database safely: which remotes are allowed, where
 * credentials come from, and what a server's answer means in words.
 *
 * - Remotes are `https:`; plain `http:` only to a loopback address
 *   (127.0.0.0/8, ::1, localhost) unless the caller explicitly allows it.
 *   A URL that carries a user name or password is refused: credentials
 *   never travel in URLs (nor into files, logs or messages).
 * - Credentials come from `FACTCHECK_COUCH_CREDENTIALS=user:password` or an
 *   owner-only file holding `user:password` (its mode must give the group and
 *   others nothing, and the current user must own it).
 * - {@link probeRemote} asks the server before anything is replicated: is it
 *   CouchDB (or a compatible server), are the credentials right, may this
 *   user read the database. Each failure is one clear sentence.
 */
import { closeSync, fstatSync, openSync, readSync, constants as fsConstants } from 'node:fs';
import { isIP } from 'node:net';

/** User name and password for the team server. Never logged, never stored in files. */
export interface CouchCredentials {
  user: string;
  password: string;
}

/** A refusal or failure talking to the team server; `kind` lets callers react. */
export class TeamSyncError extends Error {
  constructor(
    message: string,
    readonly kind:
      | 'usage'
      | 'insecure'
      | 'credentials'
      | 'unauthorized'
      | 'forbidden'
      | 'not-couchdb'
      | 'no-database'
      | 'unreachable'
      | 'server'
      | 'refused-data',
  ) {
    super(message);
  }
}

/** Parse `user:password` (the password may contain colons). Null when malformed. */
export function parseCredentials(value: string): CouchCredentials | null {
  const text = value.replace(/\r?\n$/, '');
  const i = text.indexOf(':');
  if (i <= 0 || i === text.length - 1 || /[\r\n]/.test(text)) return null;
  return { user: text.slice(0, i), password: text.slice(i + 1) };
}

/**
 * Credentials from `--credentials-file F` (preferred when given) or the
 * `FACTCHECK_COUCH_CREDENTIALS` environment variable. Throws a
 * {@link TeamSyncError} (kind `credentials`) naming what is wrong, never the
 * secret itself.
 */
export function loadCredentials(env: NodeJS.ProcessEnv, file?: string): CouchCredentials {
  if (file !== undefined) {
    let fd: number;
    try {
      fd = openSync(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    } catch {
      throw new TeamSyncError(`Cannot read the credentials file ${file}.`, 'credentials');
    }
    try {
      const st = fstatSync(fd);
      if (!st.isFile())
        throw new TeamSyncError(
          `The credentials file ${file} is not a regular file.`,
          'credentials',
        );
      if ((st.mode & 0o077) !== 0)
        throw new TeamSyncError(
          `The credentials file ${file} can be read by others; make it owner-only (chmod 600).`,
          'credentials',
        );
      if (typeof process.getuid === 'function' && st.uid !== process.getuid())
        throw new TeamSyncError(
          `The credentials file ${file} belongs to another user.`,
          'credentials',
        );
      if (st.size > 4096)
        throw new TeamSyncError(`The credentials file ${file} is too large.`, 'credentials');
      const buf = Buffer.alloc(st.size);
      let n = 0;
      while (n < buf.length) {
        const r = readSync(fd, buf, n, buf.length - n, null);
        if (r === 0) break;
        n += r;
      }
      const c = parseCredentials(buf.subarray(0, n).toString('utf8'));
      if (!c)
        throw new TeamSyncError(
          `The credentials file ${file} must hold one line: user:password.`,
          'credentials',
        );
      return c;
    } finally {
      closeSync(fd);
    }
  }
  const v = env.FACTCHECK_COUCH_CREDENTIALS;
  if (v === undefined || v === '')
    throw new TeamSyncError(
      'No credentials: set FACTCHECK_COUCH_CREDENTIALS=user:password or give --credentials-file F.',
      'credentials',
    );
  const c = parseCredentials(v);
  if (!c)
    throw new TeamSyncError('FACTCHECK_COUCH_CREDENTIALS must be user:password.', 'credentials');
  return c;
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1';
  return false;
}

/**
 * Check a team database URL and return it normalised (no trailing slash, no
 * query or fragment). Refuses URLs with credentials, other schemes, no
 * database path, and plain http to anything but loopback unless
 * `allowInsecure`.
 */
export function checkRemoteUrl(text: string, allowInsecure = false): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TeamSyncError(
      'The team database must be a URL such as https://couch.example.org/newsroom.',
      'usage',
    );
  }
  if (url.username || url.password)
    throw new TeamSyncError(
      'Put no user name or password in the URL; give credentials through FACTCHECK_COUCH_CREDENTIALS or --credentials-file.',
      'usage',
    );
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TeamSyncError('The team database URL must start with https://.', 'usage');
  if (url.protocol === 'http:' && !isLoopback(url.hostname) && !allowInsecure)
    throw new TeamSyncError(
      `Refusing plain http to ${url.host}: use https (plain http is allowed only to this computer, or with --allow-insecure-http).`,
      'insecure',
    );
  const path = url.pathname.replace(/\/+$/, '');
  if (!path || path === '/' || path.split('/').length !== 2)
    throw new TeamSyncError(
      'The URL must name one database, e.g. https://couch.example.org/newsroom.',
      'usage',
    );
  url.pathname = path;
  url.search = '';
  url.hash = '';
  return url;
}

/** The URL as it may be shown: origin and database, nothing else. */
export function showRemote(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** The `Authorization` header value for Basic authentication. */
export function basicAuth(c: CouchCredentials): string {
  return `Basic ${Buffer.from(`${c.user}:${c.password}`, 'utf8').toString('base64')}`;
}

/** What the server said about itself: CouchDB proper, or a compatible server. */
export interface RemoteInfo {
  /** Apache CouchDB (supports `_selector` filtered replication). */
  couchdb: boolean;
  vendor: string;
}

async function getJson(
  url: string,
  auth: string,
  timeoutMs: number,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    headers: { Authorization: auth, Accept: 'application/json' },
    redirect: 'error',
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: res.status, body };
}

/** A network error in words (no URL with secrets can be in it: URLs never carry them). */
export function describeNetworkError(err: unknown): string {
  const cause = (err as { cause?: { code?: string } } | undefined)?.cause;
  const code = cause?.code ?? (err as { code?: string } | undefined)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was dropped';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the server name cannot be resolved';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'the connection timed out';
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return 'its HTTPS certificate is not valid';
    default:
      if ((err as Error | undefined)?.name === 'TimeoutError') return 'it did not answer in time';
      return 'it cannot be reached';
  }
}

/**
 * Ask the server who it is and whether this user may read the database.
 * Throws a {@link TeamSyncError}: `unreachable` (network), `not-couchdb`,
 * `unauthorized` (wrong credentials), `forbidden` (may not read the
 * database), `no-database`, `server` (anything else).
 */
export async function probeRemote(
  url: URL,
  credentials: CouchCredentials,
  timeoutMs = 15_000,
): Promise<RemoteInfo> {
  const auth = basicAuth(credentials);
  const shown = showRemote(url);
  let root: { status: number; body: unknown };
  try {
    root = await getJson(`${url.origin}/`, auth, timeoutMs);
  } catch (err) {
    throw new TeamSyncError(
      `Cannot reach the team server ${url.origin}: ${describeNetworkError(err)}.`,
      'unreachable',
    );
  }
  if (root.status === 401)
    throw new TeamSyncError(
      `The team server ${url.origin} refused the user name or password.`,
      'unauthorized',
    );
  const b = root.body as Record<string, unknown> | null;
  const isCouch = !!b && typeof b === 'object' && b.couchdb === 'Welcome';
  const isCompatible = !!b && typeof b === 'object' && b['express-pouchdb'] === 'Welcome!';
  if (root.status !== 200 || (!isCouch && !isCompatible))
    throw new TeamSyncError(
      `${url.origin} is not a CouchDB server (it answered HTTP ${root.status}).`,
      'not-couchdb',
    );
  let db: { status: number; body: unknown };
  try {
    db = await getJson(`${shown}`, auth, timeoutMs);
  } catch (err) {
    throw new TeamSyncError(
      `Cannot reach the team server ${url.origin}: ${describeNetworkError(err)}.`,
      'unreachable',
    );
  }
  // The server accepted the credentials at its root, so a 401 here is about the database.
  if (db.status === 401 || db.status === 403)
    throw new TeamSyncError(
      `The user ${credentials.user} may not read the team database ${shown}; ask the server's administrator to add them to its members.`,
      'forbidden',
    );
  if (db.status === 404)
    throw new TeamSyncError(
      `There is no database ${url.pathname.slice(1)} on ${url.origin}.`,
      'no-database',
    );
  if (db.status !== 200)
    throw new TeamSyncError(`The team server answered HTTP ${db.status} for ${shown}.`, 'server');
  const vendor = isCouch
    ? `CouchDB ${String((b as Record<string, unknown>).version ?? '')}`.trim()
    : 'PouchDB Server';
  return { couchdb: isCouch, vendor };
}
