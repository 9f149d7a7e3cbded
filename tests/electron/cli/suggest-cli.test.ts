/**
 * `factcheck suggest` and `factcheck similar`: the logic in this process
 * through `main`, and the contract (exit code, JSON on stdout) once as a
 * child process, as `npx factcheck` runs it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { renderPortableSession } from '../../../shared/interchange/portable-session';
import { renderClaimReview } from '../../../shared/interchange/claimreview-export';
import { sliceCodePoints } from '../../../shared/text/code-points';
import { buildSeedReview, CLAIM_TEXT, GENERATED_AT, SEED_FILE } from '../../helpers/seed-review';
import { REPO_ROOT } from '../../helpers/shared-material';

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    ({ write: (s: string) => (append(s), true) }) as unknown as NodeJS.WritableStream;
  const code = await main(args, {
    stdout: sink((x) => (stdout += x)),
    stderr: sink((x) => (stderr += x)),
    env: {},
  });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'factcheck-suggest-'));
const sessionFile = join(dir, 'seed.fcw.json');
writeFileSync(sessionFile, renderPortableSession(buildSeedReview(), GENERATED_AT));

describe('factcheck suggest', () => {
  it('prints the suggestions of an HTML article as JSON, offsets into its canonical text', async () => {
    const html = join(dir, 'a.html');
    writeFileSync(
      html,
      '<h1>Floods</h1><p>“We are finding bodies in the fields,” said Ilya Moran, a volunteer.</p><p>Thank you all.</p><p>The agency said 214 people had died by Tuesday.</p>',
    );
    const r = await run('suggest', html, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Array<{
      start: number;
      end: number;
      text: string;
      speaker?: string;
    }>;
    expect(out.map((s) => s.text)).toContain('The agency said 214 people had died by Tuesday.');
    expect(out.some((s) => s.text === 'Thank you all.')).toBe(false);
    expect(out.find((s) => s.text.startsWith('“We are'))?.speaker).toBe('Ilya Moran');
  });

  it('says what is wrong with an unreadable article and exits 1', async () => {
    const r = await run('suggest', join(dir, 'missing.txt'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^factcheck: /);
  });

  it('runs as a child process: exit 0, JSON whose offsets slice the seed to each text', () => {
    const r = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'bin', 'factcheck.js'), 'suggest', SEED_FILE, '--json'],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(r.status).toBe(0);
    const seed = readFileSync(SEED_FILE, 'utf8');
    const out = JSON.parse(r.stdout) as Array<{
      start: number;
      end: number;
      text: string;
      score: number;
      reasons: string[];
    }>;
    expect(out.length).toBeGreaterThan(5);
    for (const s of out) {
      expect(sliceCodePoints(seed, s.start, s.end)).toBe(s.text);
      expect(s.reasons.length).toBeGreaterThan(0);
    }
  });
  it('loads only what it needs: no HTML or Markdown reader for a .txt, no session validation, no search index', () => {
    // Each package the command resolves, recorded by a module-resolution hook. The HTML run
    // shows the hook sees the readers when they are needed, so the .txt check can fail.
    const loaded = (article: string) => {
      const log = join(dir, `imports-${Math.random().toString(36).slice(2)}.txt`);
      writeFileSync(log, '');
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          pathToFileURL(join(REPO_ROOT, 'tests', 'helpers', 'record-imports.mjs')).href,
          join(REPO_ROOT, 'bin', 'factcheck.js'),
          'suggest',
          article,
          '--json',
        ],
        { encoding: 'utf8', timeout: 120_000, env: { ...process.env, RECORD_IMPORTS: log } },
      );
      expect(r.status, r.stderr).toBe(0);
      const packages = new Set<string>();
      for (const url of readFileSync(log, 'utf8').split('\n')) {
        const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
        if (m) packages.add(m[1]!);
      }
      return packages;
    };
    const html = join(dir, 'reader.html');
    writeFileSync(html, '<h1>Floods</h1><p>The agency said 214 people had died by Tuesday.</p>');
    const forHtml = loaded(html);
    expect(forHtml.has('htmlparser2')).toBe(true);
    expect(forHtml.has('markdown-it')).toBe(true);
    const forText = loaded(SEED_FILE);
    for (const heavy of [
      'htmlparser2',
      'markdown-it',
      'zod',
      'minisearch',
      'prosemirror-model',
      'jsdom',
    ])
      expect(forText.has(heavy), `${heavy} loaded for a .txt`).toBe(false);
  });
});

describe('factcheck similar', () => {
  it('ranks the reviewed claim first for a reworded text, with its verdict and session', async () => {
    const r = await run(
      'similar',
      'The US president’s disclosures put at risk a critical intelligence source on Islamic State',
      '--in',
      sessionFile,
      '--json',
    );
    expect(r.code).toBe(0);
    const [first] = JSON.parse(r.stdout) as Array<{
      text: string;
      verdict: string;
      score: number;
      source: { sessionName: string };
    }>;
    expect(first?.text).toBe(CLAIM_TEXT);
    expect(first?.verdict).toBeTruthy();
    expect(first?.source.sessionName).toBe(buildSeedReview().name);
  });

  it('searches ClaimReview files too and prints a readable list', async () => {
    const feed = join(dir, 'checks.jsonld');
    const exported = renderClaimReview(buildSeedReview(), {
      org: 'Desk',
      baseUrl: 'https://example.org/c',
      generatedAt: GENERATED_AT,
    });
    if (!exported.ok) throw new Error(exported.error.message);
    writeFileSync(feed, exported.value);
    const r = await run(
      'similar',
      'intelligence source on the Islamic State jeopardised',
      '--claimreview',
      feed,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1 similar claim among 1 reviewed\./);
    expect(r.stdout).toContain(
      `verdict: ${JSON.parse(exported.value)[0].reviewRating.alternateName}`,
    );
  });

  it('refuses a call without files, as a usage mistake', async () => {
    const r = await run('similar', 'some claim');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/similar needs --in/);
  });
});
