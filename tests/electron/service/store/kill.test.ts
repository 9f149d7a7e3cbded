/**
 * Kill test: a child process saves a small session in a loop (journaled batches and frequent
 * compactions) and is killed with SIGKILL at random moments, 200 times in all (two lanes of
 * 100 on separate data directories, one child per kill). After every kill:
 * - the session file parses, passes validation and equals a version the child committed (or
 *   was committing);
 * - counting the journal (open → recover 'restore'), no committed batch is lost: the store's
 *   autosave is the journal append itself, so the debounce window is zero batches;
 * - the next child takes over the dead one's stale data-directory lock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSessionStore } from '../../../../electron/service/store';
import { validateSession } from '../../../../shared/session/validate-session';
import type { Session } from '../../../../shared/model/session';
import { makeSession, seededRandom } from '../../../helpers/session-fixtures';
import { hashSession } from './support/save-loop';
import { bundleChild, readReport, startChild, type ChildReport } from './support/child-process';

const KILLS_PER_LANE = 100;
const LANES = 2;
const SEED = 20240501;

let bundle: string;
const dirs: string[] = [];
beforeAll(async () => {
  bundle = await bundleChild();
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  rmSync(path.dirname(bundle), { recursive: true, force: true });
});

/** The state equals what the child committed, or what it was committing, at that revision. */
function isRecordedState(s: Session, report: ChildReport): boolean {
  return (
    report.committed.get(s.revision) === hashSession(s) ||
    report.pending.get(s.revision) === hashSession(s, false)
  );
}

interface LaneStats {
  kills: number;
  recoveries: number;
  fileBehindJournal: number;
}

async function runLane(lane: number): Promise<LaneStats> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `fcw-kill-${lane}-`));
  dirs.push(dir);
  const id = `kill-session-${lane}`;
  const reportFile = path.join(dir, 'report.txt');
  const setup = await openSessionStore({ dataDir: path.join(dir, 'data') });
  const created = await setup.create(makeSession({ id, name: 'Kill test', annotations: 3 }));
  expect(created.ok).toBe(true);
  await setup.close();

  const rand = seededRandom(SEED + lane);
  const stats: LaneStats = { kills: 0, recoveries: 0, fileBehindJournal: 0 };
  for (let k = 0; k < KILLS_PER_LANE; k++) {
    const child = startChild(bundle, [
      path.join(dir, 'data'),
      id,
      reportFile,
      SEED + lane * 1000 + k,
    ]);
    await child.waitFor('READY');
    await new Promise((r) => setTimeout(r, Math.floor(rand() * 40)));
    await child.kill();
    stats.kills++;

    const report = readReport(reportFile);
    expect(report.errors, `child ${k} of lane ${lane} failed`).toEqual([]);

    // The file alone: parses, validates, and is a recorded version.
    const raw = JSON.parse(
      readFileSync(path.join(dir, 'data', 'sessions', `${id}.json`), 'utf8'),
    ) as unknown;
    const v = validateSession(raw);
    expect(v.ok, `kill ${k}: ${v.ok ? '' : v.problems.join('; ')}`).toBe(true);
    if (!v.ok) return stats;
    expect(
      isRecordedState(v.value, report),
      `kill ${k}: file at revision ${v.value.revision} is not a recorded version`,
    ).toBe(true);

    // Counting the journal: nothing committed is lost.
    const store = await openSessionStore({ dataDir: path.join(dir, 'data') });
    let opened = await store.open(id);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return stats;
    if (opened.value.recovery) {
      stats.recoveries++;
      opened = await store.recover(id, 'restore');
      expect(opened.ok).toBe(true);
      if (!opened.ok) return stats;
    }
    const s = opened.value.session;
    if (s.revision > v.value.revision) stats.fileBehindJournal++;
    expect(s.revision, `kill ${k}: a committed batch was lost`).toBeGreaterThanOrEqual(
      report.lastCommitted,
    );
    expect(s.revision).toBeLessThanOrEqual(report.lastCommitted + 1);
    expect(
      isRecordedState(s, report),
      `kill ${k}: recovered revision ${s.revision} is not a recorded version`,
    ).toBe(true);
    await store.close();
  }
  return stats;
}

describe('kill test', () => {
  it(
    `survives ${KILLS_PER_LANE * LANES} SIGKILLs at random moments`,
    // About 95 s on a busy 2-core machine (each kill starts a Node process); the limit stays 5×
    // above that, as it only catches a hang (issue 12, item 6).
    { timeout: 600_000 },
    async () => {
      const results = await Promise.all(Array.from({ length: LANES }, (_, lane) => runLane(lane)));
      const total = results.reduce((a, r) => ({
        kills: a.kills + r.kills,
        recoveries: a.recoveries + r.recoveries,
        fileBehindJournal: a.fileBehindJournal + r.fileBehindJournal,
      }));
      console.log(
        `kill test: ${total.kills} kills, ${total.recoveries} with journaled changes to recover, ${total.fileBehindJournal} where the file lagged the journal`,
      );
      expect(total.kills).toBeGreaterThanOrEqual(200);
      // The journal path was really exercised (with compactions every few batches, most kills leave some).
      expect(total.recoveries).toBeGreaterThan(0);
    },
  );
});
