/**
 * Hot-exit recovery: a child applies batches with compaction held off and is killed with
 * SIGKILL; the next open offers the journaled batches back, `apply` refuses until the user
 * decides, `restore` applies them and `discard` sets the journal aside (never deletes it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSessionStore } from '../../../../electron/service/store';
import { parseJournal } from '../../../../electron/service/store/journal';
import type { Session } from '../../../../shared/model/session';
import { makeSession } from '../../../helpers/session-fixtures';
import { hashSession } from './support/save-loop';
import { bundleChild, readReport, startChild } from './support/child-process';

const BATCHES = 12;
let bundle: string;
const dirs: string[] = [];
beforeAll(async () => {
  bundle = await bundleChild();
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  rmSync(path.dirname(bundle), { recursive: true, force: true });
});

/** A data dir whose session has BATCHES journaled batches that never reached the file. */
async function crashWithJournal(id: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fcw-recover-'));
  dirs.push(dir);
  const dataDir = path.join(dir, 'data');
  const setup = await openSessionStore({ dataDir });
  const base = makeSession({ id, annotations: 2 });
  expect((await setup.create(base)).ok).toBe(true);
  await setup.close();
  const reportFile = path.join(dir, 'report.txt');
  const child = startChild(bundle, [dataDir, id, reportFile, 7, BATCHES, 600_000, 1_000_000]);
  await child.waitFor('DONE');
  await child.kill();
  const report = readReport(reportFile);
  expect(report.errors).toEqual([]);
  expect(report.lastCommitted).toBe(BATCHES);
  const fileSession = JSON.parse(
    readFileSync(path.join(dataDir, 'sessions', `${id}.json`), 'utf8'),
  ) as Session;
  expect(fileSession.revision).toBe(0); // nothing compacted: everything is in the journal
  return { dataDir, report, base: fileSession };
}

describe('recovery after a crash', () => {
  it('offers the journaled changes, refuses new ones until decided, and restores them', async () => {
    const { dataDir, report } = await crashWithJournal('restore-me');
    const journal = path.join(dataDir, 'sessions', 'restore-me.journal');
    appendFileSync(journal, '{"rev":13,"at":"2024-'); // a torn append from the crash
    const store = await openSessionStore({ dataDir });
    expect((await store.list()).find((s) => s.id === 'restore-me')?.recoveryAvailable).toBe(true);
    const opened = await store.open('restore-me');
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.session.revision).toBe(0);
    expect(opened.value.recovery).toEqual({
      changes: BATCHES,
      lastChangeAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    const refused = await store.apply('restore-me', 0, [
      { op: 'session.rename', name: 'Too early' },
    ]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('refused');
      expect(refused.error.message).toMatch(/12 unsaved changes .* Restore or discard them/);
    }

    const restored = await store.recover('restore-me', 'restore');
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.value.recovery).toBeNull();
    expect(restored.value.notice).toMatch(/12 unsaved changes were restored/);
    expect(restored.value.session.revision).toBe(BATCHES);
    expect(hashSession(restored.value.session)).toBe(report.committed.get(BATCHES));
    // Compacted into the file, journal cut (torn tail included).
    const onDisk = JSON.parse(
      readFileSync(path.join(dataDir, 'sessions', 'restore-me.json'), 'utf8'),
    ) as Session;
    expect(hashSession(onDisk)).toBe(report.committed.get(BATCHES));
    expect(readFileSync(journal, 'utf8')).toBe('');

    expect(
      (await store.apply('restore-me', BATCHES, [{ op: 'session.rename', name: 'After' }])).ok,
    ).toBe(true);
    expect(parseJournal(readFileSync(journal, 'utf8')).entries.map((e) => e.rev)).toEqual([
      BATCHES + 1,
    ]);
    await store.close();
  });

  it('discard sets the journal aside and keeps the last saved version', async () => {
    const { dataDir, report, base } = await crashWithJournal('discard-me');
    const journalText = readFileSync(path.join(dataDir, 'sessions', 'discard-me.journal'), 'utf8');
    const store = await openSessionStore({ dataDir });
    const r = await store.recover('discard-me', 'discard');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.recovery).toBeNull();
    expect(r.value.session).toEqual(base);
    expect(hashSession(r.value.session)).toBe(report.committed.get(0));
    expect(r.value.notice).toMatch(/12 unsaved changes were set aside in .*discarded/);
    const aside = readdirSync(path.join(dataDir, 'discarded'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dataDir, 'discarded', aside[0]!), 'utf8')).toBe(journalText);
    expect(existsSync(path.join(dataDir, 'sessions', 'discard-me.journal'))).toBe(false);
    expect(
      (await store.apply('discard-me', 0, [{ op: 'session.rename', name: 'Fresh start' }])).ok,
    ).toBe(true);
    await store.close();
    const again = await openSessionStore({ dataDir });
    const reopened = await again.open('discard-me');
    expect(reopened.ok && reopened.value.recovery).toBeNull();
    expect(reopened.ok && reopened.value.session.name).toBe('Fresh start');
    await again.close();
  });
});

describe('journal replay', () => {
  it('keeps a copy of journaled lines it cannot replay and offers the ones before them', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fcw-leftover-'));
    dirs.push(dir);
    const crashed = await openSessionStore({
      dataDir: dir,
      compactAfterMs: 1e9,
      compactAfterBatches: 1e9,
    });
    const s = makeSession({ id: 'leftover' });
    expect((await crashed.create(s)).ok).toBe(true);
    expect((await crashed.apply('leftover', 0, [{ op: 'session.rename', name: 'One' }])).ok).toBe(
      true,
    );
    expect((await crashed.apply('leftover', 1, [{ op: 'session.rename', name: 'Two' }])).ok).toBe(
      true,
    );
    // `crashed` is abandoned without close(), as after a crash; then the journal gets a bad line.
    const journal = path.join(dir, 'sessions', 'leftover.journal');
    appendFileSync(
      journal,
      `garbage\n${JSON.stringify({ rev: 3, at: '2024-01-01T00:00:00.000Z', ops: [{ op: 'bogus' }] })}\n`,
    );
    const store = await openSessionStore({ dataDir: dir });
    const r = await store.open('leftover');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.recovery?.changes).toBe(2);
    expect(r.value.notice).toMatch(/could not be replayed; the journal was copied to .*discarded/);
    const copies = readdirSync(path.join(dir, 'discarded'));
    expect(copies).toHaveLength(1);
    expect(readFileSync(path.join(dir, 'discarded', copies[0]!), 'utf8')).toBe(
      readFileSync(journal, 'utf8'),
    );
    const restored = await store.recover('leftover', 'restore');
    expect(restored.ok && restored.value.session.name).toBe('Two');
    await store.close();
  });
});

describe('journal parsing', () => {
  const line = (rev: number) =>
    `${JSON.stringify({ rev, at: '2024-01-01T00:00:00.000Z', ops: [] })}\n`;
  it('ignores a torn last line and skips a malformed one, reading on after it', () => {
    const torn = parseJournal(`${line(1)}${line(2)}{"rev":3,"a`);
    expect(torn.entries.map((e) => e.rev)).toEqual([1, 2]);
    expect(torn.tornTail).toBe(true);
    expect(torn.goodBytes).toBe(Buffer.byteLength(line(1) + line(2)));
    const bad = parseJournal(`${line(1)}not json\n${line(3)}`);
    expect(bad.entries.map((e) => e.rev)).toEqual([1, 3]);
    expect(bad.badLine).toBe(2);
    expect(bad.damaged).toBe(1);
    expect(parseJournal('').entries).toEqual([]);
  });
});
