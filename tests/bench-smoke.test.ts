/**
 * The benchmark suite's smoke run (`npm run bench -- --smoke`: a 60 kB generated text, N = 20,
 * one run), so the suite never rots. It asserts that the suite ran, that
 * `bench-results/latest.json`'s shape holds (issue 6's contract) and that correctness held;
 * never a time. Lives outside `tests/bench/`, which vitest leaves to `npm run bench`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from './helpers/chromium';
import { parseArgs, runBench } from './bench/run';
import { figure, growthWarnings } from './bench/results';

const TASKS = [
  'reanchor',
  'reanchor-revision',
  'cli-start',
  'open',
  'highlight',
  'save',
  'autosave',
  'export-html',
  'export-md',
  'export-csv',
  'export-w3c',
  'export-claimreview',
  'memory',
  'team-sync-edit',
  'team-first-pull',
  'memory-editor',
  'open-app',
  'highlight-app',
  'scroll',
];
const TOOLS = [
  'ours',
  'apache-annotator',
  'dom-anchor-text-quote',
  'text-annotator',
  'hypothesis',
  'lowdb',
  'floor',
];

interface Row {
  task: string;
  tool: string;
  n: number;
  medianMs: number;
  runs: number[];
  correct: number | null;
  heapMB: number | null;
  expected?: number;
  sampled?: number;
  painted?: number;
  total?: number;
  wrong?: number;
  p95Ms?: number;
  domNodes?: number;
  rssMB?: number;
  note?: string;
  docsWritten?: number;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'fc-bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run bench -- --smoke', () => {
  if (chromiumMissing) console.warn(`bench smoke: editor part skipped, ${chromiumMissing}`);

  it('runs every part, writes the JSON contract, and every tool of ours is correct', async () => {
    const out = path.join(dir, 'latest.json');
    const args = ['--smoke', '--out', out];
    if (chromiumMissing) args.push('--parts', 'reanchor,revision,save,export,cli');
    const lines: string[] = [];
    await runBench({ ...parseArgs(args), log: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/reanchor\s+ours\s+20\s/);

    const json = JSON.parse(readFileSync(out, 'utf8')) as {
      machine: Record<string, unknown>;
      results: Row[];
    };
    expect(json.machine).toMatchObject({ cores: expect.any(Number), node: process.version });
    for (const r of json.results) {
      expect(TASKS).toContain(r.task);
      expect(TOOLS).toContain(r.tool);
      expect(Number.isInteger(r.n) && r.n >= 0).toBe(true);
      expect(Number.isFinite(r.medianMs)).toBe(true);
      expect(Array.isArray(r.runs) && r.runs.every((x) => Number.isFinite(x))).toBe(true);
      expect(r.correct === null || Number.isInteger(r.correct)).toBe(true);
      expect(r.heapMB === null || r.heapMB > 0).toBe(true);
    }
    const get = (task: string, tool: string, n = 20) =>
      json.results.find((r) => r.task === task && r.tool === tool && r.n === n);
    const expectWhole = (task: string, tool: string, n = 20) => {
      const r = get(task, tool, n);
      expect(r, `${task} ${tool} ${n}`).toBeDefined();
      expect(r!.correct, `${task} ${tool}`).toBe(r!.expected ?? r!.sampled ?? r!.n);
    };

    expectWhole('reanchor', 'ours');
    expect(get('reanchor', 'floor')).toBeDefined();
    expect(get('reanchor', 'dom-anchor-text-quote')).toBeDefined();
    expect(get('reanchor', 'apache-annotator')).toBeDefined();
    // The revision: every annotation judged, none put on text that is not its own.
    const revision = get('reanchor-revision', 'ours')!;
    expect(revision).toMatchObject({ total: 20, wrong: 0 });
    expect(revision.correct).toBe(20);
    expect(get('reanchor-revision', 'floor')).toMatchObject({ total: 20 });
    expect(get('reanchor-revision', 'hypothesis')?.total).toBeGreaterThan(0);
    expectWhole('save', 'ours');
    expectWhole('save', 'floor');
    expectWhole('save', 'lowdb');
    // The CLI: every timed run exited 0 with its output.
    for (const r of json.results.filter((x) => x.task === 'cli-start'))
      expect(r.correct, r.note).toBe(r.total);
    expect(json.results.filter((x) => x.task === 'cli-start')).toHaveLength(3);
    expect(get('autosave', 'ours')).toBeDefined();
    for (const f of ['html', 'md', 'csv', 'w3c', 'claimreview']) expectWhole(`export-${f}`, 'ours');
    // Team sync (issue 10): one edit synced in the empty session and at N, one first pull.
    expectWhole('team-sync-edit', 'ours', 0);
    expectWhole('team-sync-edit', 'ours');
    expect(get('team-sync-edit', 'ours')!.docsWritten).toBeLessThanOrEqual(2);
    expectWhole('team-first-pull', 'ours');
    expectWhole('team-first-pull', 'floor');

    if (!chromiumMissing) {
      expectWhole('open', 'ours');
      expect(get('open', 'ours')!.painted).toBeGreaterThan(0);
      expect(get('open', 'floor')).toBeDefined();
      expectWhole('open', 'text-annotator');
      expect(get('open', 'text-annotator')!.painted).toBeGreaterThan(0);
      expectWhole('highlight', 'ours');
      expectWhole('highlight', 'ours', 0);
      expectWhole('memory-editor', 'ours');
      expect(get('memory-editor', 'ours')!.heapMB).toBeGreaterThan(0);
      expect(get('memory-editor', 'floor')!.heapMB).toBeGreaterThan(0);
      // The real app (issue 11): every open, mark and scroll stop showed its highlights painted.
      for (const task of ['open-app', 'highlight-app', 'scroll']) {
        const r = get(task, 'ours');
        expect(r, task).toBeDefined();
        expect(r!.total, task).toBeGreaterThan(0);
        expect(r!.correct, task).toBe(r!.total);
      }
      const scroll = get('scroll', 'ours')!;
      expect(scroll.total).toBeGreaterThan(10);
      expect(scroll.runs).toHaveLength(scroll.total!);
      expect(scroll.p95Ms).toBeGreaterThanOrEqual(scroll.medianMs);
      expect(scroll.painted, 'highlights in view at the stops').toBeGreaterThan(0);
      const memory = get('memory', 'ours')!;
      expect(memory.heapMB).toBeGreaterThan(0);
      expect(memory.domNodes).toBeGreaterThan(100);
      expect(memory.rssMB).toBeGreaterThan(10);
    }
  }, 400_000); // about 35 s on a busy 2-core machine, 25 s more for the app part: 5× above that (issue 12, item 6)

  it('warns when the cost per item rises with N, and only then', () => {
    const series = (ms: (n: number) => number) =>
      [100, 1000, 10_000].map((n) => figure('export-csv', 'ours', n, [ms(n)], n));
    expect(growthWarnings(series((n) => n / 10))).toEqual([]);
    expect(growthWarnings(series((n) => (n * Math.log(n)) / 100))).toEqual([]);
    const quadratic = growthWarnings(series((n) => (n * n) / 1e4));
    expect(quadratic.length).toBeGreaterThan(0);
    expect(quadratic[0]).toMatch(/export-csv ours: the cost per item rises with N/);
    // A large constant cost does not hide a per-item cost that rises (issue 11).
    expect(growthWarnings(series((n) => 1000 + (n * n) / 1e6))).toHaveLength(1);
    // A flat figure, or one of a few milliseconds, is noise and is not judged.
    expect(growthWarnings(series(() => 400))).toEqual([]);
    expect(growthWarnings(series((n) => (n === 100 ? 0.01 : n / 1000)))).toEqual([]);
  });
});
