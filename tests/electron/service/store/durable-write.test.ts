import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FileHandle } from 'node:fs/promises';
import {
  nodeWriteFs,
  writeFileDurable,
  type WriteFs,
} from '../../../../electron/service/store/durable-write';
import { openSessionStore } from '../../../../electron/service/store';
import { makeSession } from '../../../helpers/session-fixtures';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fcw-durable-'));
  file = path.join(dir, 'x.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

/** A WriteFs that records every call (and datasync on handles it opens). */
function recordingFs(log: string[], over: Partial<WriteFs> = {}): Partial<WriteFs> {
  const rel = (p: string) => path.relative(dir, p).replace(/\.[^.]*-\d+-[0-9a-f]{8}\.tmp$/, '.TMP');
  return {
    open: async (f, flags, mode) => {
      log.push(`open ${rel(f)} ${flags}`);
      const h: FileHandle = await nodeWriteFs.open(f, flags, mode);
      const datasync = h.datasync.bind(h);
      h.datasync = async () => {
        log.push(`datasync ${rel(f)}`);
        return datasync();
      };
      return h;
    },
    writeAll: async (h, d) => {
      log.push('write');
      return (over.writeAll ?? nodeWriteFs.writeAll)(h, d);
    },
    rename: async (a, b) => {
      log.push(`rename ${rel(a)} -> ${rel(b)}`);
      return (over.rename ?? nodeWriteFs.rename)(a, b);
    },
    link: async (a, b) => {
      log.push(`link ${rel(a)} -> ${rel(b)}`);
      return (over.link ?? nodeWriteFs.link)(a, b);
    },
    copyFile: async (a, b) => {
      log.push(`copy ${rel(a)} -> ${rel(b)}`);
      return nodeWriteFs.copyFile(a, b);
    },
    syncDir: async (d) => {
      log.push(`syncDir ${path.relative(dir, d) || '.'}`);
      return nodeWriteFs.syncDir(d);
    },
  };
}

const leftovers = () => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('writeFileDurable', () => {
  it('writes a temp file, syncs it, links the old file to .bak, renames, then syncs the directory', async () => {
    writeFileSync(file, 'old');
    const oldIno = statSync(file).ino;
    const log: string[] = [];
    await writeFileDurable(file, 'new', { fs: recordingFs(log) });
    expect(log).toEqual([
      'open .x.json.TMP wx',
      'write',
      'datasync .x.json.TMP',
      'link x.json -> .x.json.bak.TMP',
      'rename .x.json.bak.TMP -> x.json.bak',
      'rename .x.json.TMP -> x.json',
      'syncDir .',
    ]);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('old');
    expect(statSync(`${file}.bak`).ino).toBe(oldIno); // a hard link, not a copy
    expect(leftovers()).toEqual([]);
  });

  it('makes no .bak on the first write and skips the directory sync on Windows', async () => {
    const log: string[] = [];
    await writeFileDurable(file, 'first', { fs: recordingFs(log), platform: 'win32' });
    expect(readFileSync(file, 'utf8')).toBe('first');
    expect(existsSync(`${file}.bak`)).toBe(false);
    expect(log.some((l) => l.startsWith('syncDir'))).toBe(false);
  });

  it('falls back to a copy for the .bak where hard links are refused', async () => {
    writeFileSync(file, 'old');
    const log: string[] = [];
    await writeFileDurable(file, 'new', {
      fs: recordingFs(log, { link: async () => Promise.reject(errno('EPERM')) }),
    });
    expect(log).toContain('copy x.json -> .x.json.bak.TMP');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('old');
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  it('retries a rename that fails with EBUSY twice, then succeeds', async () => {
    writeFileSync(file, 'old');
    let failures = 0;
    const log: string[] = [];
    const rename: WriteFs['rename'] = async (a, b) => {
      if (b === file && failures < 2) {
        failures++;
        throw errno('EBUSY');
      }
      return nodeWriteFs.rename(a, b);
    };
    await writeFileDurable(file, 'new', { fs: recordingFs(log, { rename }) });
    expect(failures).toBe(2);
    expect(log.filter((l) => l.endsWith('-> x.json'))).toHaveLength(3);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(leftovers()).toEqual([]);
  });

  it('gives up after its retry budget, leaving the old file and no temp file', async () => {
    writeFileSync(file, 'old');
    const rename: WriteFs['rename'] = async (a, b) =>
      b === file ? Promise.reject(errno('EPERM')) : nodeWriteFs.rename(a, b);
    await expect(
      writeFileDurable(file, 'new', { fs: { rename }, renameRetryMs: 40 }),
    ).rejects.toMatchObject({ code: 'EPERM' });
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(leftovers()).toEqual([]);
  });

  it('does not retry errors that are not transient', async () => {
    writeFileSync(file, 'old');
    let calls = 0;
    const rename: WriteFs['rename'] = async (a, b) => {
      if (b !== file) return nodeWriteFs.rename(a, b);
      calls++;
      throw errno('EXDEV');
    };
    await expect(writeFileDurable(file, 'new', { fs: { rename } })).rejects.toMatchObject({
      code: 'EXDEV',
    });
    expect(calls).toBe(1);
  });

  it('leaves the old file and its .bak intact when the disk is full', async () => {
    writeFileSync(file, 'old');
    writeFileSync(`${file}.bak`, 'older');
    const writeAll: WriteFs['writeAll'] = async (h) => {
      await h.write('partial');
      throw errno('ENOSPC');
    };
    await expect(writeFileDurable(file, 'new', { fs: { writeAll } })).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('older');
    expect(leftovers()).toEqual([]);
  });

  const root = process.getuid?.() === 0;
  if (root)
    console.warn(
      'durable-write: read-only directory test skipped: running as root, which can write to a read-only directory (the injected ENOSPC test covers the same failure path).',
    );
  it.skipIf(root)(
    'fails with EACCES in a read-only directory and leaves the old file',
    async () => {
      writeFileSync(file, 'old');
      chmodSync(dir, 0o555);
      try {
        await expect(writeFileDurable(file, 'new')).rejects.toMatchObject({ code: 'EACCES' });
      } finally {
        chmodSync(dir, 0o755);
      }
      expect(readFileSync(file, 'utf8')).toBe('old');
    },
  );
});

describe('store save errors', () => {
  it('returns an io error value with a sentence, and the previous file stays intact', async () => {
    const fail = { value: false };
    const writeAll: WriteFs['writeAll'] = async (h, d) =>
      fail.value ? Promise.reject(errno('ENOSPC')) : nodeWriteFs.writeAll(h, d);
    const store = await openSessionStore({
      dataDir: dir,
      compactAfterMs: 60_000,
      writeOptions: { fs: { writeAll } },
    });
    const s = makeSession({ annotations: 2, name: 'Kept' });
    expect((await store.create(s)).ok).toBe(true);
    const sessionFile = path.join(dir, 'sessions', `${s.id}.json`);
    const before = readFileSync(sessionFile, 'utf8');
    fail.value = true;

    const created = await store.create(makeSession());
    expect(created.ok).toBe(false);
    if (!created.ok)
      expect(created.error).toMatchObject({
        code: 'io',
        message: expect.stringMatching(/disk is full/),
      });

    const replaced = await store.replace({ ...makeSession({ name: 'Other' }), id: s.id });
    expect(replaced.ok).toBe(false);
    if (!replaced.ok) expect(replaced.error.code).toBe('io');

    // An edit is journaled (small append) even though a full save fails; flush reports the failure.
    expect((await store.apply(s.id, 0, [{ op: 'session.rename', name: 'Edited' }])).ok).toBe(true);
    await expect(store.flush(s.id)).rejects.toMatchObject({ error: { code: 'io' } });
    expect(readFileSync(sessionFile, 'utf8')).toBe(before);
    expect(leftoversIn(path.join(dir, 'sessions'))).toEqual([]);

    // Space comes back: the journaled edit reaches the file.
    fail.value = false;
    await store.flush(s.id);
    expect(JSON.parse(readFileSync(sessionFile, 'utf8')).name).toBe('Edited');
    await store.close();
  });
});

function leftoversIn(d: string): string[] {
  return readdirSync(d).filter((n) => n.endsWith('.tmp'));
}
