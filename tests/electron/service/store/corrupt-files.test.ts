/**
 * Corrupt-file fixtures, generated here (the 100 MB one is a sparse file): the store starts,
 * lists each as damaged with its reason, quarantines the invalid ones (renamed, never deleted),
 * offers and restores a valid `.bak`, and leaves a newer-version file untouched and read-only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSessionStore, type SessionStore } from '../../../../electron/service/store';
import type { Session, SessionSummary } from '../../../../shared/model/session';
import { makeSession } from '../../../helpers/session-fixtures';

let dir: string;
let store: SessionStore;
const sessionsDir = () => path.join(dir, 'sessions');
const file = (id: string) => path.join(sessionsDir(), `${id}.json`);

/** Save a session twice so that a valid `.bak` (the first version) sits beside the file. */
async function withBackup(id: string): Promise<Session> {
  const s = await openSessionStore({ dataDir: dir });
  const session = makeSession({ id, name: `Backup of ${id}`, annotations: 2 });
  expect((await s.create(session)).ok).toBe(true);
  expect((await s.apply(id, 0, [{ op: 'session.rename', name: `Latest of ${id}` }])).ok).toBe(true);
  await s.close();
  return session;
}

const fixtures: Record<string, { bytes: () => Buffer | null; backup: boolean; reason: RegExp }> = {
  empty: { bytes: () => Buffer.alloc(0), backup: true, reason: /is empty/ },
  truncated: {
    bytes: () =>
      Buffer.from(JSON.stringify(makeSession({ id: 'truncated', annotations: 3 })).slice(0, 700)),
    backup: true,
    reason: /not valid JSON/,
  },
  'nul-filled': { bytes: () => Buffer.alloc(4096, 0), backup: false, reason: /zero bytes/ },
  'wrong-types': {
    bytes: () =>
      Buffer.from(
        JSON.stringify({ ...makeSession({ id: 'wrong-types' }), name: 42, annotations: 'lots' }),
      ),
    backup: true,
    reason: /does not match the session format: name: .*annotations/,
  },
  huge: { bytes: () => null, backup: true, reason: /is 100 MB, larger than the 64 MB/ },
};
let futureBytes: Buffer;
let futureMtime: number;
const backups = new Map<string, Session>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fcw-corrupt-'));
  for (const [id, f] of Object.entries(fixtures)) {
    if (f.backup) backups.set(id, await withBackup(id));
    const bytes = f.bytes();
    if (bytes) writeFileSync(file(id), bytes);
    else {
      writeFileSync(file(id), '{"schemaVersion":1,');
      truncateSync(file(id), 100 * 1024 * 1024); // sparse: 100 MB without writing them
    }
  }
  futureBytes = Buffer.from(
    JSON.stringify({ ...makeSession({ id: 'future', name: 'From the future' }), schemaVersion: 2 }),
  );
  writeFileSync(file('future'), futureBytes);
  futureMtime = statSync(file('future')).mtimeMs;
  store = await openSessionStore({ dataDir: dir });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('corrupt session files', () => {
  let list: SessionSummary[];
  it('the store starts and lists every bad file with its reason', async () => {
    list = await store.list();
    for (const [id, f] of Object.entries(fixtures)) {
      const entry = list.find((x) => x.id === id);
      expect(entry, id).toBeDefined();
      expect(entry!.status, id).toBe('damaged');
      expect(entry!.problem, id).toMatch(f.reason);
      expect(entry!.backupAvailable, id).toBe(f.backup);
    }
    const future = list.find((x) => x.id === 'future')!;
    expect(future).toMatchObject({ status: 'read-only', name: 'From the future' });
    expect(future.problem).toMatch(/newer version .*format 2/);
  });

  it('quarantines the invalid files: renamed aside with their reason, never deleted', () => {
    const quarantined = readdirSync(path.join(dir, 'quarantine'));
    for (const [id, f] of Object.entries(fixtures)) {
      expect(existsSync(file(id)), id).toBe(false);
      const name = quarantined.find(
        (n) => /^[\w-]+\.json\.[\dT-]+Z$/.test(n) && n.startsWith(`${id}.json.`),
      );
      expect(name, id).toBeDefined();
      const q = path.join(dir, 'quarantine', name!);
      const bytes = f.bytes();
      if (bytes) expect(readFileSync(q).equals(bytes), id).toBe(true);
      else expect(statSync(q).size).toBe(100 * 1024 * 1024);
      expect(readFileSync(`${q}.reason.txt`, 'utf8')).toMatch(f.reason);
    }
  });

  it('opening a damaged session says what happened and offers the backup', async () => {
    const r = await store.open('truncated');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('damaged');
      expect(r.error.message).toMatch(
        /not valid JSON.*moved to .*quarantine.*nothing was deleted.*valid backup saved at .* can be restored/s,
      );
    }
    const nul = await store.open('nul-filled');
    expect(!nul.ok && nul.error.message).toMatch(/No valid backup was found/);
    expect((await store.restoreBackup('nul-filled')).ok).toBe(false);
  });

  it('restores each valid backup and tells the user what happened', async () => {
    for (const [id, f] of Object.entries(fixtures)) {
      if (!f.backup) continue;
      const r = await store.restoreBackup(id);
      expect(r.ok, id).toBe(true);
      if (!r.ok) continue;
      expect(r.value.session).toEqual(backups.get(id));
      expect(r.value.notice).toMatch(
        /was damaged .* moved to .*quarantine.* backup saved at .* was restored/s,
      );
      expect(JSON.parse(readFileSync(file(id), 'utf8'))).toEqual(backups.get(id));
    }
    const after = await store.list();
    for (const [id, f] of Object.entries(fixtures))
      expect(after.find((x) => x.id === id)?.status).toBe(f.backup ? 'ok' : 'damaged');
  });

  it('opens a newer-version file read-only and never rewrites it', async () => {
    const r = await store.open('future');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.readOnly).toBe(true);
    expect(r.value.notice).toMatch(/newer version.*read-only/);
    const applied = await store.apply('future', r.value.session.revision, [
      { op: 'session.rename', name: 'Changed' },
    ]);
    expect(!applied.ok && applied.error.code).toBe('read-only');
    const renamed = await store.rename('future', 'Changed');
    expect(!renamed.ok && renamed.error.code).toBe('read-only');
    expect((await store.replace({ ...makeSession(), id: 'future' })).ok).toBe(false);
    await store.flush();
    expect(readFileSync(file('future')).equals(futureBytes)).toBe(true);
    expect(statSync(file('future')).mtimeMs).toBe(futureMtime);
    expect(existsSync(`${file('future')}.bak`)).toBe(false);
  });

  it('still lists the unrestored damaged session after a restart', async () => {
    await store.close();
    store = await openSessionStore({ dataDir: dir });
    const list = await store.list();
    expect(list.find((x) => x.id === 'nul-filled')).toMatchObject({
      status: 'damaged',
      backupAvailable: false,
      problem: expect.stringMatching(/zero bytes/),
    });
    expect(readFileSync(file('future')).equals(futureBytes)).toBe(true);
  });
});
