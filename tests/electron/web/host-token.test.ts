// The browser-mode token kept per data directory (issue 9, defect 3): made
// once, owner-only (0600), reused on restart; replaced when asked, when the
// file could have been read by others, or when it holds no valid token.
import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateToken, TOKEN_FILE_NAME } from '../../../electron/web/host-token';
import { parseWebArgs } from '../../../electron/web/web-args';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'fcw-token-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const posix = process.platform !== 'win32';

describe('the kept browser-mode token', () => {
  it('is made once, owner-only, and reused on the next start', async () => {
    const dir = fresh();
    const a = await loadOrCreateToken(dir);
    expect(a.renewed).toBeNull();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    if (posix) expect(statSync(join(dir, TOKEN_FILE_NAME)).mode & 0o777).toBe(0o600);
    const b = await loadOrCreateToken(dir);
    expect(b.token).toBe(a.token);
    expect(b.renewed).toBeNull();
  });

  it('is replaced when asked', async () => {
    const dir = fresh();
    const a = await loadOrCreateToken(dir);
    const b = await loadOrCreateToken(dir, { fresh: true });
    expect(b.token).not.toBe(a.token);
    expect(b.renewed).toMatch(/as asked/);
    expect(readFileSync(join(dir, TOKEN_FILE_NAME), 'utf8').trim()).toBe(b.token);
  });

  it.skipIf(!posix)(
    'is replaced when others could read it, or it is not a plain file',
    async () => {
      const dir = fresh();
      const file = join(dir, TOKEN_FILE_NAME);
      const a = await loadOrCreateToken(dir);
      chmodSync(file, 0o644);
      const b = await loadOrCreateToken(dir);
      expect(b.token).not.toBe(a.token);
      expect(b.renewed).toMatch(/other users/);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      rmSync(file);
      const target = join(dir, 'elsewhere');
      writeFileSync(target, `${'x'.repeat(43)}\n`, { mode: 0o600 });
      symlinkSync(target, file);
      const c = await loadOrCreateToken(dir);
      expect(c.token).not.toBe('x'.repeat(43));
      expect(c.renewed).toMatch(/not a plain file/);
    },
  );

  it('is replaced when the file holds no valid token', async () => {
    const dir = fresh();
    writeFileSync(join(dir, TOKEN_FILE_NAME), 'short\n', { mode: 0o600 });
    const a = await loadOrCreateToken(dir);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.renewed).toMatch(/valid token/);
  });

  it('`--new-token` asks for a fresh one; other options are unchanged', () => {
    expect(parseWebArgs(['--data-dir', '/x', '--port', '8080'])).toMatchObject({
      port: 8080,
      newToken: false,
    });
    expect(parseWebArgs(['--new-token']).newToken).toBe(true);
    expect(() => parseWebArgs(['--new-token=yes'])).toThrow(/--new-token.*does not take/);
    expect(() => parseWebArgs(['--newtoken'])).toThrow(/^unknown option --newtoken \(use /);
    expect(() => parseWebArgs(['stray'])).toThrow(/^unexpected argument stray \(use /);
    expect(() => parseWebArgs(['--port'])).toThrow(/--port/);
    expect(() => parseWebArgs(['--port', '70000'])).toThrow(/0 to 65535/);
    expect(() => parseWebArgs(['--data-dir='])).toThrow(/--data-dir needs a value/);
    expect(parseWebArgs(['--port=0', '--data-dir=/y'])).toMatchObject({ port: 0, dataDir: '/y' });
  });
});
