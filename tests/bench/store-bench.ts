/**
 * Saving (issue 6, tasks "save" and "autosave"), in Node against the real session store in a
 * temp directory on the same disk as the system's temp dir.
 *
 * Each run makes one small edit (a new note on one annotation) and then:
 * - autosave (ours): `store.apply` of that one-op batch — validation, `applyOps`, a journal
 *   append with fdatasync. Automatic compaction is switched off so it cannot interfere.
 * - save (ours): that `apply` plus `store.flush` — the compaction, i.e. the full save: the
 *   session file written durably (temp file, fdatasync, `.bak` kept, rename, directory fsync)
 *   and the journal cut.
 * - save (floor): `JSON.stringify` of the same session + write to a temp file + fsync + rename.
 * - save (lowdb): lowdb's own `JSONFile` adapter (`Low.write()`) writing the same session after
 *   the same edit: what the library the targets name does (indented JSON written atomically
 *   through steno, without fsync).
 * Ours, the floor and lowdb alternate run by run. `correct` counts the annotations read back from the written file (N when the save is whole).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { openSessionStore } from '../../electron/service/store';
import type { Session } from '../../shared/model/session';
import { figure, type BenchResult } from './results';

export interface StoreBenchOptions {
  session: Session;
  runs: number;
  text: string;
}

/** Save and autosave figures for one session (see the module comment). */
export async function runStoreBench(opts: StoreBenchOptions): Promise<BenchResult[]> {
  const { session, runs } = opts;
  const n = session.annotations.length;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fc-bench-store-'));
  try {
    const store = await openSessionStore({
      dataDir: dir,
      compactAfterMs: 1e9,
      compactAfterBatches: 1e9,
    });
    const created = await store.create(session);
    if (!created.ok) throw new Error(`store.create: ${created.error.message}`);
    let revision = created.value.session.revision;
    const applyTimes: number[] = [];
    const saveTimes: number[] = [];
    const floorTimes: number[] = [];
    const floorFile = path.join(dir, 'floor.json');
    const lowdbFile = path.join(dir, 'lowdb.json');
    const lowdb = new Low<Session>(new JSONFile<Session>(lowdbFile), session);
    const lowdbTimes: number[] = [];
    // Ours and the floor alternate, run by run, so both meet the disk in the same mood.
    for (let r = 0; r <= runs; r++) {
      const target = session.annotations[(r * 7919) % Math.max(1, n)];
      const ops = target
        ? [
            {
              op: 'annotation.put' as const,
              annotation: { ...target, note: `Edited in run ${r}.` },
            },
          ]
        : [{ op: 'session.rename' as const, name: `Benchmark review, run ${r}` }];
      const t0 = performance.now();
      const applied = await store.apply(session.id, revision, ops);
      const t1 = performance.now();
      if (!applied.ok) throw new Error(`store.apply: ${applied.error.message}`);
      revision = applied.value.revision;
      await store.flush(session.id);
      const t2 = performance.now();
      const latest = await store.open(session.id);
      if (!latest.ok) throw new Error(`store.open: ${latest.error.message}`);
      const t3 = performance.now();
      await bareSave(floorFile, latest.value.session);
      const t4 = performance.now();
      lowdb.data = latest.value.session;
      await lowdb.write();
      const t5 = performance.now();
      if (r > 0) {
        lowdbTimes.push(t5 - t4);
        applyTimes.push(t1 - t0);
        saveTimes.push(t2 - t0);
        floorTimes.push(t4 - t3);
      }
    }
    const file = path.join(dir, 'sessions', `${session.id}.json`);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Session;
    const savedOk = saved.revision === revision ? saved.annotations.length : 0;
    const floorBack = (JSON.parse(readFileSync(floorFile, 'utf8')) as Session).annotations.length;
    const lowdbBack = (JSON.parse(readFileSync(lowdbFile, 'utf8')) as Session).annotations.length;
    await store.close();

    const extra = { text: opts.text };
    return [
      figure('save', 'ours', n, saveTimes, savedOk, { ...extra, note: 'apply + flush' }),
      figure('save', 'floor', n, floorTimes, floorBack, {
        ...extra,
        note: 'stringify + write + fsync + rename',
      }),
      figure('save', 'lowdb', n, lowdbTimes, lowdbBack, {
        ...extra,
        note: "lowdb's JSONFile adapter (Low.write)",
      }),
      figure('autosave', 'ours', n, applyTimes, null, { ...extra, note: 'one apply (journal)' }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `JSON.stringify` + write to a temp file + fsync + rename: the I/O floor of a save. */
async function bareSave(file: string, data: Session): Promise<void> {
  const json = JSON.stringify(data);
  const temp = `${file}.tmp`;
  const h = await open(temp, 'w');
  try {
    await h.writeFile(json);
    await h.sync();
  } finally {
    await h.close();
  }
  await rename(temp, file);
}
