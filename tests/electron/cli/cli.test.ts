/**
 * The `factcheck` CLI. The logic of every command runs in this process through
 * `main` (electron/cli/main.ts) with absolute paths and real files in a temp
 * folder; the contract of the real command (`node bin/factcheck.js …`, what
 * `npx factcheck` runs: exit codes, files written, one-line messages with the
 * paths as typed, SOURCE_DATE_EPOCH) is checked by a few child processes in
 * `the command as a process` below. Spawning one Node per case made this file
 * slow and timing-sensitive on a busy machine (issue 12, item 6).
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../../shared/interchange/render-export';
import { renderPortableSession } from '../../../shared/interchange/portable-session';
import { renderW3c } from '../../../shared/interchange/w3c-export';
import type { ExportFormat } from '../../../shared/api/contract';
import { buildSeedReview, CLAIM_TEXT, GENERATED_AT, SEED_FILE } from '../../helpers/seed-review';
import { REPO_ROOT } from '../../helpers/shared-material';
import { chromiumMissing } from '../../helpers/chromium';
import { main } from '../../../electron/cli/main';
import { ensureNodeBuilt } from '../../../build/build-node.mjs';

const BIN = join(REPO_ROOT, 'bin', 'factcheck.js');
const EPOCH = String(Date.parse(GENERATED_AT) / 1000);
/** A child process that runs longer than this is stuck (idle: well under a second). */
const PROCESS_LIMIT_MS = 60_000;
/** For tests that start several child processes or Chromium (idle: 1–3 s). */
const SLOW_TEST_MS = 120_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node bin/factcheck.js ARGS` in `cwd`, as `npx factcheck` runs it. Asynchronous, so the test runner stays responsive. */
function factcheck(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH },
      timeout: PROCESS_LIMIT_MS,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * The same CLI in this process. Paths must be absolute (the working directory
 * is the test runner's); `env` replaces the environment the command sees.
 */
async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    ({ write: (s: string) => (append(s), true) }) as unknown as NodeJS.WritableStream;
  const code = await main(args, {
    stdout: sink((x) => (stdout += x)),
    stderr: sink((x) => (stderr += x)),
    env: { SOURCE_DATE_EPOCH: EPOCH, ...env },
  });
  return { code, stdout, stderr };
}
const inProcess = (...args: string[]) => run(args);

/** A failure: non-zero exit and exactly one line on stderr. */
function expectRefusal(r: Run, code: number, reason: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^factcheck: /);
  expect(r.stderr).toMatch(reason);
}

let dir: string;
let reviewFile: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factcheck-cli-'));
  reviewFile = join(dir, 'review.fcw.json');
  writeFileSync(reviewFile, renderPortableSession(buildSeedReview(), GENERATED_AT));
  // Build the bundle now (a no-op when it is current), not inside the first spawned test.
  await ensureNodeBuilt('factcheck');
});

function fresh(name: string): string {
  const d = join(dir, name);
  mkdirSync(d);
  return d;
}

/** `factcheck session new --title Seed --article <seed> --out d/s.fcw.json`; fails the test if it fails. */
async function newSeedSession(d: string): Promise<string> {
  const out = join(d, 's.fcw.json');
  const r = await inProcess(
    'session',
    'new',
    '--title',
    'Seed',
    '--article',
    SEED_FILE,
    '--out',
    out,
  );
  expect(r.code, r.stderr).toBe(0);
  return out;
}

describe('factcheck session new', () => {
  it('creates a portable session from seed, Markdown and HTML articles', async () => {
    const d = fresh('new');
    writeFileSync(join(d, 'note.md'), '# A heading\n\nSome *Markdown* text.\n');
    writeFileSync(join(d, 'page.html'), '<h1>Page</h1><p>Body <script>alert(1)</script>text.</p>');
    const out = join(d, 's.fcw.json');
    const r = await inProcess(
      'session',
      'new',
      '--title',
      'Three',
      '--article',
      SEED_FILE,
      '--article',
      join(d, 'note.md'),
      '--article',
      join(d, 'page.html'),
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('with 3 articles');
    const data = JSON.parse(readFileSync(out, 'utf8'));
    expect(data.format).toBe('factcheck-workbench-session');
    expect(
      data.session.articles.map((a: { source: { format: string } }) => a.source.format),
    ).toEqual(['seed', 'markdown', 'html']);
    expect(data.session.articles[0].text).toBe(readFileSync(SEED_FILE, 'utf8'));
    expect(data.session.articles[2].text).not.toContain('alert');
    expect((await inProcess('check', out)).code).toBe(0);
  });

  it('refuses bad input with one line, and never replaces a file without --force', async () => {
    const d = fresh('new-bad');
    const at = (f: string) => join(d, f);
    expectRefusal(
      await inProcess('session', 'new', '--article', SEED_FILE, '--out', at('s.fcw.json')),
      2,
      /needs --title/,
    );
    expectRefusal(
      await inProcess(
        'session',
        'new',
        '--title',
        'T',
        '--article',
        at('missing.txt'),
        '--out',
        at('s.fcw.json'),
      ),
      1,
      /Cannot read the article .*missing\.txt: no such file/,
    );
    writeFileSync(at('x.pdf'), '%PDF-1.4');
    expectRefusal(
      await inProcess(
        'session',
        'new',
        '--title',
        'T',
        '--article',
        at('x.pdf'),
        '--out',
        at('s.fcw.json'),
      ),
      1,
      /not an article file/,
    );
    writeFileSync(at('latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    expectRefusal(
      await inProcess(
        'session',
        'new',
        '--title',
        'T',
        '--article',
        at('latin1.txt'),
        '--out',
        at('s.fcw.json'),
      ),
      1,
      /not UTF-8/,
    );
    expectRefusal(
      await inProcess('session', 'new', '--title', 'T', '--bogus'),
      2,
      /Unknown option '--bogus'/,
    );
    expectRefusal(
      await inProcess('session', 'new', '--title', 'T', '--article', SEED_FILE),
      2,
      /needs --out/,
    );
    writeFileSync(at('taken.fcw.json'), 'keep me');
    expectRefusal(
      await inProcess(
        'session',
        'new',
        '--title',
        'T',
        '--article',
        SEED_FILE,
        '--out',
        at('taken.fcw.json'),
      ),
      1,
      /taken\.fcw\.json already exists; add --force/,
    );
    expect(readFileSync(at('taken.fcw.json'), 'utf8')).toBe('keep me');
    expect(
      (
        await inProcess(
          'session',
          'new',
          '--title',
          'T',
          '--article',
          SEED_FILE,
          '--out',
          at('taken.fcw.json'),
          '--force',
        )
      ).code,
    ).toBe(0);
    expect(readFileSync(at('taken.fcw.json'), 'utf8')).toContain('factcheck-workbench-session');
    expect(readdirSync(d).sort()).toEqual(['latin1.txt', 'taken.fcw.json', 'x.pdf']);
  });
});

describe('factcheck annotations import', () => {
  it('imports a W3C export into a new session: the same annotations, links and selectors come out', async () => {
    const d = fresh('import');
    const s = await newSeedSession(d);
    writeFileSync(join(d, 'a.jsonld'), renderW3c(buildSeedReview()));
    const r = await inProcess('annotations', 'import', s, join(d, 'a.jsonld'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Imported 5 annotations and 4 links');
    const again = join(d, 'again.jsonld');
    expect((await inProcess('export', s, '--format', 'w3c', '--out', again)).code).toBe(0);
    expect(JSON.parse(readFileSync(again, 'utf8')).first.items).toEqual(
      JSON.parse(renderW3c(buildSeedReview())).first.items,
    );
  });

  it('anchors quote-only annotations in the article named by --article, keeping orphans', async () => {
    const d = fresh('import-quote');
    const s = await newSeedSession(d);
    const anns = [
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        body: { type: 'TextualBody', purpose: 'classifying', value: 'claim' },
        target: {
          source: 'https://elsewhere.example/a',
          selector: { type: 'TextQuoteSelector', exact: CLAIM_TEXT },
        },
      },
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        target: {
          source: 'https://elsewhere.example/a',
          selector: { type: 'TextQuoteSelector', exact: 'words that are not there at all' },
        },
      },
    ];
    const q = join(d, 'q.jsonld');
    writeFileSync(q, JSON.stringify(anns));
    expectRefusal(
      await inProcess('annotations', 'import', s, q),
      1,
      /matches no article of this session.*--article/,
    );
    expectRefusal(
      await inProcess('annotations', 'import', s, q, '--article', '2'),
      2,
      /the session has 1 article/,
    );
    const r = await inProcess('annotations', 'import', s, q, '--article', '1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Imported 2 annotations and 0 links');
    expect(r.stdout).toContain('1 kept as orphans');
    expect((await inProcess('check', s)).stdout).toContain('2 annotations (1 orphaned)');
  });

  it('refuses a malformed W3C file and leaves the session file untouched', async () => {
    const d = fresh('import-bad');
    const s = join(d, 's.fcw.json');
    writeFileSync(s, readFileSync(reviewFile));
    const before = readFileSync(s);
    writeFileSync(
      join(d, 'bad.jsonld'),
      '{"type": "AnnotationPage", "items": [{"type": "Annotation"}]}',
    );
    expectRefusal(
      await inProcess('annotations', 'import', s, join(d, 'bad.jsonld')),
      1,
      /Annotation 1 has no target\. Nothing was imported\./,
    );
    writeFileSync(join(d, 'junk.jsonld'), 'not json');
    expectRefusal(
      await inProcess('annotations', 'import', s, join(d, 'junk.jsonld')),
      1,
      /not valid JSON/,
    );
    expect(readFileSync(s).equals(before)).toBe(true);
    expect(readdirSync(d).sort()).toEqual(['bad.jsonld', 'junk.jsonld', 's.fcw.json']);
  });
});

describe('factcheck export', () => {
  const formats: ExportFormat[] = ['html', 'md', 'csv', 'w3c', 'claimreview'];
  it('writes exactly what renderExport returns, for every text format', async () => {
    const d = fresh('export');
    for (const format of formats) {
      const out = join(d, `out.${format}`);
      const r = await inProcess('export', reviewFile, '--format', format, '--out', out);
      expect(r.code, r.stderr).toBe(0);
      const direct = await renderExport(buildSeedReview(), format, { generatedAt: GENERATED_AT });
      if (!direct.ok) throw new Error(direct.error.message);
      expect(readFileSync(out).equals(Buffer.from(direct.value.content, 'utf8')), format).toBe(
        true,
      );
    }
  });

  it('brat writes PATH.txt and PATH.ann', async () => {
    const d = fresh('export-brat');
    const stem = join(d, 'seed');
    const r = await inProcess('export', reviewFile, '--format', 'brat', '--out', stem);
    expect(r.code, r.stderr).toBe(0);
    const direct = await renderExport(buildSeedReview(), 'brat', { generatedAt: GENERATED_AT });
    if (!direct.ok) throw new Error(direct.error.message);
    expect(readFileSync(`${stem}.txt`, 'utf8')).toBe(readFileSync(SEED_FILE, 'utf8'));
    expect(readFileSync(`${stem}.ann`, 'utf8')).toBe(direct.value.companions![0]!.content);
    expectRefusal(
      await inProcess('export', reviewFile, '--format', 'brat', '--out', stem),
      1,
      /seed\.txt and .*seed\.ann already exist; add --force/,
    );
  });

  it('ClaimReview takes --org and --base-url, and refuses without them, saying what to set', async () => {
    const d = fresh('export-cr');
    const bare = buildSeedReview();
    bare.settings = { ...bare.settings, organisationName: '', publicationBaseUrl: '' };
    const s = join(d, 'bare.fcw.json');
    const out = join(d, 'cr.jsonld');
    writeFileSync(s, renderPortableSession(bare, GENERATED_AT));
    expectRefusal(
      await inProcess('export', s, '--format', 'claimreview', '--out', out),
      1,
      /needs the fact-checking organisation’s name .* and the publication base URL/,
    );
    expect(existsSync(out)).toBe(false);
    const r = await inProcess(
      'export',
      s,
      '--format',
      'claimreview',
      '--out',
      out,
      '--org',
      'Desk',
      '--base-url',
      'https://desk.example/fc/',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))[0]).toMatchObject({
      author: { name: 'Desk' },
      url: expect.stringMatching(/^https:\/\/desk\.example\/fc\/0000/),
    });
  });

  it('never replaces a file without --force, and replaces it with --force', async () => {
    const d = fresh('export-force');
    const out = join(d, 'r.md');
    writeFileSync(out, 'mine');
    expectRefusal(
      await inProcess('export', reviewFile, '--format', 'md', '--out', out),
      1,
      /r\.md already exists; add --force to replace\./,
    );
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect(
      (await inProcess('export', reviewFile, '--format', 'md', '--out', out, '--force')).code,
    ).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('# Fact check:');
  });

  it('an unwritable export path gives a clear error and leaves nothing behind', async () => {
    const d = fresh('export-unwritable');
    expectRefusal(
      await inProcess(
        'export',
        reviewFile,
        '--format',
        'html',
        '--out',
        join(d, 'no/such/folder/r.html'),
      ),
      1,
      /Cannot write .*\/no\/such\/folder\/r\.html: no such file or folder\./,
    );
    writeFileSync(join(d, 'afile'), '');
    expectRefusal(
      await inProcess('export', reviewFile, '--format', 'csv', '--out', join(d, 'afile/r.csv')),
      1,
      /Cannot write .*\/afile\/r\.csv: a part of the path is not a folder\./,
    );
    // A folder without write permission: chmod works for ordinary users; root ignores it, so use /sys there.
    let locked: string;
    if (process.getuid?.() === 0) locked = '/sys';
    else {
      locked = fresh('locked');
      chmodSync(locked, 0o555);
    }
    const target = join(locked, 'factcheck-report.html');
    expectRefusal(
      await inProcess('export', reviewFile, '--format', 'html', '--out', target),
      1,
      /Cannot write .*factcheck-report\.html: permission denied\./,
    );
    expect(existsSync(target)).toBe(false);
    if (locked !== '/sys') expect(readdirSync(locked)).toEqual([]);
    expect(readdirSync(d)).toEqual(['afile']);
  });

  it('refuses bad arguments with one line', async () => {
    const d = fresh('export-bad');
    const x = join(d, 'x');
    expectRefusal(
      await inProcess('export', reviewFile, '--format', 'docx', '--out', x),
      2,
      /Unknown format "docx"/,
    );
    expectRefusal(await inProcess('export', reviewFile, '--out', x), 2, /needs --format/);
    expectRefusal(
      await inProcess('export', join(d, 'missing.fcw.json'), '--format', 'md', '--out', x),
      1,
      /Cannot read the session file .*missing\.fcw\.json: no such file/,
    );
    expectRefusal(await inProcess(), 2, /no command given/);
    expect(readdirSync(d)).toEqual([]);
  });

  it('PDF without Chromium says so', async () => {
    const d = fresh('export-nopdf');
    expectRefusal(
      await run(['export', reviewFile, '--format', 'pdf', '--out', join(d, 'r.pdf')], {
        CHROMIUM_PATH: '/nonexistent/chromium',
      }),
      1,
      /PDF export needs Chromium; none found at \/nonexistent\/chromium/,
    );
    expect(readdirSync(d)).toEqual([]);
  });

  it.skipIf(
    chromiumMissing !== null ||
      (() => {
        try {
          execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
          return false;
        } catch {
          return true;
        }
      })(),
  )(
    'PDF with Chromium holds the claim and the verdict',
    async () => {
      const d = fresh('export-pdf');
      const out = join(d, 'r.pdf');
      const r = await run(['export', reviewFile, '--format', 'pdf', '--out', out], process.env);
      expect(r.code, r.stderr).toBe(0);
      const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(CLAIM_TEXT);
      expect(text).toContain('Verdict: Mostly true');
    },
    SLOW_TEST_MS,
  );
});

describe('factcheck check', () => {
  it('reports a good file and never changes it', async () => {
    const st = statSync(reviewFile);
    const before = readFileSync(reviewFile);
    const r = await inProcess('check', reviewFile);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('OK.');
    expect(r.stdout).toContain('5 annotations (0 orphaned), 4 links');
    expect(readFileSync(reviewFile).equals(before)).toBe(true);
    expect(statSync(reviewFile).mtimeMs).toBe(st.mtimeMs);
  });

  it('exits non-zero for a damaged file and lists its problems, without touching it', async () => {
    const d = fresh('check-bad');
    const good = JSON.parse(readFileSync(reviewFile, 'utf8'));
    good.session.links[0].to = 'nowhere';
    good.session.annotations[1].target.position.start = 1;
    writeFileSync(join(d, 'bad.fcw.json'), JSON.stringify(good));
    const r = await inProcess('check', join(d, 'bad.fcw.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('damaged');
    expect(r.stdout).toMatch(/- annotation .*: its quote is not the text at its position/);
    expect(r.stdout).toMatch(/- link .* joins an annotation that does not exist/);
    writeFileSync(join(d, 'cut.fcw.json'), readFileSync(reviewFile, 'utf8').slice(0, 500));
    expect((await inProcess('check', join(d, 'cut.fcw.json'))).stdout).toMatch(/not valid JSON/);
    expect(readdirSync(d).sort()).toEqual(['bad.fcw.json', 'cut.fcw.json']);
  });

  it('exits non-zero for a file from a newer version', async () => {
    const d = fresh('check-newer');
    const good = JSON.parse(readFileSync(reviewFile, 'utf8'));
    writeFileSync(join(d, 'n.fcw.json'), JSON.stringify({ ...good, formatVersion: 9 }));
    const r = await inProcess('check', join(d, 'n.fcw.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/written by a newer version/);
  });
});

// Issue 14, attack 4: special files. The logic is tested in process in cli-files.test.ts and
// here; the device and FIFO refusals also run as the real command below, where a regression
// (reading /dev/zero until killed, hanging on a FIFO) cannot take the test runner with it.
describe('special files', () => {
  it('export never writes over a device or through a dangling link, even with --force', async () => {
    const d = fresh('special-out');
    expectRefusal(
      await inProcess('export', reviewFile, '--format', 'md', '--out', '/dev/full', '--force'),
      1,
      /Will not write \/dev\/full: it is a device; only regular files are ever replaced, even with --force\./,
    );
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    const dangling = join(d, 'dangling.md');
    symlinkSync(join(d, 'elsewhere.md'), dangling);
    for (const extra of [[], ['--force']])
      expectRefusal(
        await inProcess('export', reviewFile, '--format', 'md', '--out', dangling, ...extra),
        1,
        /dangling\.md.*symbolic link/,
      );
    expect(existsSync(join(d, 'elsewhere.md'))).toBe(false);
    expect(readdirSync(d).sort()).toEqual(['dangling.md']);
  });
});

/**
 * The contract of the real command, as a child process: what a pipeline sees.
 * Relative paths resolve against the working directory and come back in
 * messages as typed; exit 0 for success, 2 for a usage mistake, 1 otherwise,
 * with exactly one `factcheck: …` line on stderr; files appear on disk.
 */
describe('the command as a process', () => {
  it(
    '--help, a usage mistake, a new session, an export with SOURCE_DATE_EPOCH, check, and a refusal',
    async () => {
      const d = fresh('process');
      const help = await factcheck(d, '--help');
      expect(help.code, help.stderr).toBe(0);
      expect(help.stdout).toMatch(/^Usage:\n {2}factcheck session new/);
      expect(help.stderr).toBe('');

      expectRefusal(await factcheck(d), 2, /no command given/);

      const made = await factcheck(
        d,
        'session',
        'new',
        '--title',
        'Seed',
        '--article',
        SEED_FILE,
        '--out',
        's.fcw.json',
      );
      expect(made.code, made.stderr).toBe(0);
      expect(made.stdout).toBe('Wrote s.fcw.json: session “Seed” with 1 article.\n');
      expect(JSON.parse(readFileSync(join(d, 's.fcw.json'), 'utf8')).exportedAt).toBe(GENERATED_AT);

      const checked = await factcheck(d, 'check', 's.fcw.json');
      expect(checked.code, checked.stderr).toBe(0);
      expect(checked.stdout).toMatch(/^s\.fcw\.json: OK\. “Seed”: 1 article, 0 annotations/);

      const exported = await factcheck(d, 'export', reviewFile, '--format', 'md', '--out', 'r.md');
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stdout).toBe('Wrote r.md.\n');
      const direct = await renderExport(buildSeedReview(), 'md', { generatedAt: GENERATED_AT });
      if (!direct.ok) throw new Error(direct.error.message);
      expect(readFileSync(join(d, 'r.md'), 'utf8')).toBe(direct.value.content);

      writeFileSync(join(d, 'r.md'), 'mine');
      expectRefusal(
        await factcheck(d, 'export', reviewFile, '--format', 'md', '--out', 'r.md'),
        1,
        /^factcheck: r\.md already exists; add --force to replace\.\n$/,
      );
      expect(readFileSync(join(d, 'r.md'), 'utf8')).toBe('mine');

      const bad = JSON.parse(readFileSync(reviewFile, 'utf8'));
      bad.session.links[0].to = 'nowhere';
      writeFileSync(join(d, 'bad.fcw.json'), JSON.stringify(bad));
      const damaged = await factcheck(d, 'check', 'bad.fcw.json');
      expect(damaged.code).toBe(1);
      expect(damaged.stdout).toMatch(/^bad\.fcw\.json: damaged\.\n {2}- link /);
      expect(readdirSync(d).sort()).toEqual(['bad.fcw.json', 'r.md', 's.fcw.json']);
    },
    SLOW_TEST_MS,
  );

  it(
    'check refuses a device and a FIFO with one line and exit 1',
    async () => {
      const d = fresh('special-in');
      expectRefusal(
        await factcheck(d, 'check', '/dev/zero'),
        1,
        /^factcheck: Cannot read the session file \/dev\/zero: it is a device, not a regular file\.\n$/,
      );
      execFileSync('mkfifo', [join(d, 'pipe')]);
      expectRefusal(
        await factcheck(d, 'check', 'pipe'),
        1,
        /^factcheck: Cannot read the session file pipe: it is a FIFO \(named pipe\), not a regular file/,
      );
    },
    SLOW_TEST_MS,
  );
});
