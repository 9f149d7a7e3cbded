/**
 * The model-checked UI (issue 9), short and with a fixed seed: the harness in
 * tests/model drives the real app in Chromium against the real host (marks by
 * drag, Find, Shift+arrows, S and Q; speakers typed, picked and Enter; links
 * with notes; verdicts; notes; undo and redo; delete; jumps, scrolling and card
 * clicks; a reload and a host restart) and after every step compares the
 * stored session, the dispute cards and the highlights painted in view with
 * the model. Longer runs: `npm run test:model -- --seed N --steps K`.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startHost, type RunningHost } from './helpers/web-host';
import { runModel } from '../model/runner';

/** Chosen so that these steps cover marking, speakers, links, verdicts, undo, jumps, a reload and a restart. */
const MODEL_SEED = 23;
const MODEL_STEPS = 24;

test('the app matches the model of what the reviewer did, step by step', async ({ page }) => {
  // Idle this takes about a minute of browser time; a busy machine can be several times slower.
  test.setTimeout(20 * 60_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'fcw-e2e-model-'));
  let host: RunningHost = await startHost({ dataDir });
  const port = host.port;
  const lines: string[] = [];
  try {
    const result = await runModel({
      seed: MODEL_SEED,
      steps: MODEL_STEPS,
      page,
      host,
      dataDir,
      restartHost: async () => (host = await startHost({ dataDir, port })),
      article: 'generated',
      restarts: true,
      shrink: { replays: 4, minutes: 4 },
      outDir: join(ROOT, 'test-results', 'model'),
      out: (line) => void lines.push(line),
    });
    host = result.host;
    lines.push(`MODEL: ${result.steps} steps, ${result.failures.length} failures`);
    console.log(lines.join('\n'));
    expect(
      result.failures.map((f) => `step ${f.step}: ${f.mismatches.map((m) => m.text).join(' / ')}`),
      'see the run above for each failure and its shrunk steps',
    ).toEqual([]);
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
