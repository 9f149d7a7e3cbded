/**
 * The browser-mode access token, kept per data directory so that a tab left
 * open keeps working when the host is restarted on the same directory: its
 * pending edits save as soon as the host answers again.
 *
 * The token lives in `<dataDir>/browser-token`, a file only its owner may read
 * or write (0600). It is made once (32 random bytes, base64url) and reused on
 * every start; a fresh one is made when there is none, when the file is not
 * a plain owner-only file of this user (it may have been read by someone
 * else, so it is replaced rather than trusted), or when the user asks
 * (`npm run web -- --new-token`). The data directory's lock is held while
 * this runs, so no two hosts write the file at once.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';

export const TOKEN_FILE_NAME = 'browser-token';

/** What a token file must hold: base64url of at least 32 bytes. */
const TOKEN_RE = /^[A-Za-z0-9_-]{43,256}$/;

export interface HostToken {
  token: string;
  /** The file it is kept in. */
  file: string;
  /** Why a new token was made (a sentence to print), or null when the kept one was reused. */
  renewed: string | null;
}

/** Makes a new random token (32 bytes of entropy). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The token for `dataDir`: the kept one, or a new one written owner-only.
 * Rejects only when the directory cannot be written (the I/O error, with its path).
 */
export async function loadOrCreateToken(
  dataDir: string,
  options: { fresh?: boolean; platform?: NodeJS.Platform } = {},
): Promise<HostToken> {
  const file = path.join(dataDir, TOKEN_FILE_NAME);
  const posix = (options.platform ?? process.platform) !== 'win32';
  let renewed: string | null = options.fresh ? 'A new access token was made, as asked.' : null;
  if (!options.fresh) {
    const kept = await readKept(file, posix);
    if (kept.ok) return { token: kept.token, file, renewed: null };
    renewed = kept.why;
  }
  const token = newToken();
  await fsp.mkdir(dataDir, { recursive: true });
  // Written aside with O_EXCL and mode 0600, then renamed over: the file is never readable by others, even for a moment.
  const temp = `${file}.tmp-${randomBytes(4).toString('hex')}`;
  const handle = await fsp.open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${token}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (posix) await fsp.chmod(temp, 0o600);
  await fsp.rename(temp, file);
  return { token, file, renewed };
}

async function readKept(
  file: string,
  posix: boolean,
): Promise<{ ok: true; token: string } | { ok: false; why: string | null }> {
  let st;
  try {
    st = await fsp.lstat(file);
  } catch {
    return { ok: false, why: null }; // none yet: the first start
  }
  if (!st.isFile())
    return { ok: false, why: `${file} was not a plain file; a new access token was made.` };
  if (posix) {
    if (typeof process.getuid === 'function' && st.uid !== process.getuid())
      return { ok: false, why: `${file} belonged to another user; a new access token was made.` };
    if (st.mode & 0o077)
      return {
        ok: false,
        why: `${file} could be read by other users; a new access token was made (open the new address).`,
      };
  }
  const text = (await fsp.readFile(file, 'utf8').catch(() => '')).trim();
  if (!TOKEN_RE.test(text))
    return { ok: false, why: `${file} did not hold a valid token; a new access token was made.` };
  return { ok: true, token: text };
}
