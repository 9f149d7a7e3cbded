/**
 * The model run: K seeded steps against the real app, the checks after each,
 * and for every failure a shrunk sequence that reproduces it.
 *
 * Why a hand-rolled loop and shrinker rather than fast-check's `fc.commands`:
 * each step here costs a second or more of real browser time, so shrinking
 * must be bounded by a budget of replays and minutes (fast-check's shrinker
 * assumes cheap runs and explores far more candidates); steps are drawn from
 * the model as it stands (an existing annotation, a speaker present, a passage
 * shown), which `fc.commands` cannot do since it draws every command up front;
 * and the contract asks for exactly K steps and a count of failures, so after a
 * failure the run goes on with a fresh session instead of stopping. The
 * shrinker is delta debugging over the failing prefix: drop chunks of steps
 * (halves, quarters, … single steps), keep a drop when a replay in a new session
 * still fails in the same way, cut the sequence at the step that fails.
 * Actions that no longer apply after a drop (their annotation was never made)
 * are skipped and left out of the result.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { applicable, describe, generateAction, type Action } from './actions';
import { checkAll, type Mismatch } from './checks';
import { openSessionFromList, settleScroll, StepFailure, type Ctx } from './driver';
import { perform } from './perform';
import { Rng } from './rng';
import type { RunningHost } from '../e2e/helpers/web-host';
import { newSession, prepareLibrary, type Library } from './world';
import { api } from '../e2e/helpers/app-driver';

export interface RunOptions {
  seed: number;
  steps: number;
  page: Page;
  host: RunningHost;
  dataDir: string;
  restartHost: () => Promise<RunningHost>;
  article: 'generated' | 'corpus';
  /** Include host restarts among the steps. */
  restarts: boolean;
  /** Shrinking budget, or null for none. */
  shrink: { replays: number; minutes: number } | null;
  /** Where failure files go (for --replay). */
  outDir: string;
  out: (line: string) => void;
  /** Replay exactly these actions instead of generating (`--replay`). */
  replay?: Action[];
}

export interface Failure {
  seed: number;
  step: number;
  mismatches: Mismatch[];
  steps: string[];
  shrunk: string[] | null;
  file: string;
}

export interface RunResult {
  steps: number;
  failures: Failure[];
  /** The host in use at the end (restarts replace it). */
  host: RunningHost;
}

export interface Replay {
  failedAt: number;
  mismatches: Mismatch[];
  performed: boolean[];
  lines: string[];
}

export async function runModel(o: RunOptions): Promise<RunResult> {
  let sessions = 0;
  const library: Library = await prepareLibrary(o.host, o.article, o.seed);
  o.out(
    o.replay
      ? `Model replay of ${o.replay.length} steps (seed ${o.seed}); long article: ${library.note}.`
      : `Model run: seed ${o.seed}, ${o.steps} steps; long article: ${library.note}.`,
  );
  // Leaving with unsaved edits asks first; a run that reloads answers "leave".
  o.page.on('dialog', (d) => void d.accept().catch(() => undefined));
  // The page functions are sent as source; when this file runs through esbuild with keepNames
  // (tsx), that source calls esbuild's `__name` helper, which the page must then have.
  await o.page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  const ctx = { page: o.page, host: o.host, dataDir: o.dataDir, log: o.out } as Ctx;
  ctx.restartHost = async () => (ctx.host = await o.restartHost());

  const start = async () => {
    // The previous session goes to the archive first: each run works on one session of these articles.
    if (ctx.sessionId)
      await api(ctx.host.origin, ctx.host.token, 'sessions.delete', { id: ctx.sessionId }).catch(
        () => undefined,
      );
    sessions++;
    const name = `Model run ${o.seed} #${sessions}`;
    // Every session starts from the same earlier work, so a replay meets what the run met.
    const { session, model } = await newSession(ctx.host, library, name, o.seed);
    ctx.model = model;
    ctx.sessionId = session.id;
    ctx.sessionName = name;
    await o.page.goto(sessions === 1 ? ctx.host.url : `${ctx.host.origin}/`);
    await openSessionFromList(ctx);
  };

  /** Perform and check one action; the mismatches (empty when it passed). */
  const step = async (a: Action): Promise<Mismatch[]> => {
    try {
      const note = await perform(ctx, a);
      if (note) o.out(`      (${note})`);
      await settleScroll(ctx);
      return await checkAll(ctx);
    } catch (e) {
      if (e instanceof StepFailure) return [{ area: e.area, text: e.message }];
      // Playwright's message: its first line, then a call log whose "waiting for" line names
      // the element that never came.
      const lines = String((e as Error).message).split('\n');
      const waiting = lines
        .find((l) => /waiting for /.test(l))
        ?.replace(/\u001b\[[0-9;]*m/g, '')
        .trim();
      return [
        {
          area: 'harness',
          text: `the step could not be done: ${lines[0]}${
            waiting
              ? ` (${waiting.replace(/^- /, '')})`
              : // Other errors (a host that did not start) carry their reason on the next lines.
                lines
                  .slice(1)
                  .filter((l) => l.trim())
                  .slice(-4)
                  .map((l) => `\n      ${l.trim()}`)
                  .join('')
          }`,
        },
      ];
    }
  };

  const replay = async (actions: Action[], quiet = true): Promise<Replay | null> => {
    await start();
    const performed: boolean[] = [];
    const lines: string[] = [];
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i]!;
      if (!applicable(ctx.model, a)) {
        performed.push(false);
        continue;
      }
      performed.push(true);
      lines.push(describe(ctx.model, a));
      if (!quiet) o.out(`  ${i + 1}. ${lines[lines.length - 1]}`);
      const mismatches = await step(a);
      if (mismatches.length) return { failedAt: i, mismatches, performed, lines };
    }
    return null;
  };

  const failures: Failure[] = [];
  if (o.replay) {
    o.out(`Replaying ${o.replay.length} steps:`);
    const r = await replay(o.replay, false);
    if (r)
      failures.push(
        report(o, failures.length + 1, r.failedAt + 1, r.mismatches, r.lines, null, o.replay),
      );
    else o.out('The replay passes: every check held after every step.');
    return { steps: o.replay.length, failures, host: ctx.host };
  }

  const rng = new Rng(o.seed);
  const shrunkAreas = new Set<string>();
  await start();
  let trace: Action[] = [];
  let lines: string[] = [];
  for (let n = 1; n <= o.steps; n++) {
    const a = generateAction(rng, ctx.model, { restarts: o.restarts });
    trace.push(a);
    lines.push(describe(ctx.model, a));
    o.out(`step ${n}/${o.steps}: ${lines[lines.length - 1]}`);
    const mismatches = await step(a);
    if (!mismatches.length) continue;
    for (const m of mismatches) o.out(`    ✗ ${m.area}: ${m.text}`);
    // Each kind of failure is shrunk once: the same defect found again is reported as it is.
    let shrunk: { actions: Action[]; lines: string[] } | null = null;
    const area = mismatches[0]!.area;
    if (o.shrink && !shrunkAreas.has(area)) {
      shrunkAreas.add(area);
      shrunk = await shrinkFailure(o, trace, area, replay);
    } else if (o.shrink) o.out(`    (a failure of this kind was shrunk above; not shrunk again)`);
    failures.push(report(o, failures.length + 1, n, mismatches, lines, shrunk, trace));
    // Go on from a fresh session: what follows is compared from a clean start.
    trace = [];
    lines = [];
    await start();
  }
  return { steps: o.steps, failures, host: ctx.host };
}

/**
 * Shrink a failing sequence by delta debugging (see the module comment):
 * `replay` runs a candidate in a fresh session and says where it failed.
 * Returns the shortest sequence found that still fails with `area`, with its
 * lines, or null when even the whole sequence does not fail again.
 */
export async function shrinkFailure(
  o: Pick<RunOptions, 'shrink' | 'out'>,
  trace: Action[],
  area: string,
  replay: (a: Action[]) => Promise<Replay | null>,
): Promise<{ actions: Action[]; lines: string[] } | null> {
  const until = Date.now() + o.shrink!.minutes * 60_000;
  let left = o.shrink!.replays;
  const replayOnce = replay;
  // A replay that cannot be set up (the host does not start, a request fails) did not show the
  // failure again: say why, and go on shrinking with the next candidate.
  replay = async (a) => {
    try {
      return await replayOnce(a);
    } catch (e) {
      o.out(`    A replay could not run: ${(e as Error).message.split('\n')[0]}`);
      return null;
    }
  };
  const sameFailure = (r: Replay | null) => !!r && r.mismatches.some((m) => m.area === area);
  const budget = () => left > 0 && Date.now() < until;
  o.out(`    Shrinking (at most ${left} replays, ${o.shrink!.minutes} min)…`);
  left--;
  let best = await replay(trace);
  if (!sameFailure(best)) {
    o.out(
      '    The failure did not happen again on a replay of the whole sequence (timing?): not shrunk.',
    );
    return null;
  }
  let current = trace.slice(0, best!.failedAt + 1);
  let chunks = 2;
  while (current.length > 1 && budget()) {
    // The failing step stays last; chunks of the steps before it are dropped, from the end backwards.
    const before = current.slice(0, -1);
    const last = current[current.length - 1]!;
    const size = Math.max(1, Math.ceil(before.length / chunks));
    let reduced = false;
    for (let end = before.length; end > 0 && budget(); end -= size) {
      const from = Math.max(0, end - size);
      const cand = [...before.slice(0, from), ...before.slice(end), last];
      left--;
      const r = await replay(cand);
      if (sameFailure(r)) {
        best = r;
        current = cand.slice(0, r!.failedAt + 1);
        chunks = Math.max(chunks - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (size === 1) break;
      chunks = Math.min(chunks * 2, before.length);
    }
  }
  const kept = current.filter((_, i) => best!.performed[i]);
  o.out(
    `    Shrunk from ${trace.length} to ${kept.length} steps (${o.shrink!.replays - left} replays).`,
  );
  return { actions: kept, lines: best!.lines };
}

function report(
  o: RunOptions,
  n: number,
  step: number,
  mismatches: Mismatch[],
  lines: string[],
  shrunk: { actions: Action[]; lines: string[] } | null,
  full: Action[],
): Failure {
  mkdirSync(o.outDir, { recursive: true });
  const file = join(o.outDir, `${o.replay ? 'replay-of-' : ''}seed-${o.seed}-failure-${n}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ seed: o.seed, article: o.article, mismatches, actions: shrunk?.actions ?? full }, null, 2)}\n`,
  );
  o.out('');
  o.out(`FAILURE ${n} (seed ${o.seed}, step ${step}): ${mismatches[0]!.area}`);
  for (const m of mismatches) o.out(`  - ${m.area}: ${m.text}`);
  const seq = shrunk?.lines ?? lines;
  o.out(
    shrunk
      ? `  Shrunk sequence (${seq.length} steps) that reproduces it:`
      : `  Steps since the session opened (${seq.length}):`,
  );
  seq.forEach((l, i) => o.out(`    ${i + 1}. ${l}`));
  o.out(`  Replay: npm run test:model -- --replay ${file}`);
  o.out('');
  return { seed: o.seed, step, mismatches, steps: lines, shrunk: shrunk?.lines ?? null, file };
}
