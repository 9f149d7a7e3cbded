/**
 * The `factcheck` CLI end to end: every command run as a child process
 * (`node bin/factcheck.js …`, exactly what `npx factcheck` runs) in a temp
 * folder, with real files.
 */
import { execFileSync, spawnSync } from 'node:child_process';
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

const BIN = join(REPO_ROOT, 'bin', 'factcheck.js');
const EPOCH = String(Date.parse(GENERATED_AT) / 1000);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function factcheck(cwd: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The same CLI in this process (`main` from electron/cli/main.ts), for the
 * many bad-input cases: every command still runs end to end as a child
 * process above, this only saves a Node start-up per refusal. Paths must be
 * absolute (the working directory is the test runner's).
 */
async function inProcess(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    ({ write: (s: string) => (append(s), true) }) as unknown as NodeJS.WritableStream;
  const code = await main(args, {
    stdout: sink((x) => (stdout += x)),
    stderr: sink((x) => (stderr += x)),
    env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH },
  });
  return { code, stdout, stderr };
}

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
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'factcheck-cli-'));
  reviewFile = join(dir, 'review.fcw.json');
  writeFileSync(reviewFile, renderPortableSession(buildSeedReview(), GENERATED_AT));
});

function fresh(name: string): string {
  const d = join(dir, name);
  mkdirSync(d);
  return d;
}

/** `factcheck session new --title Seed --article <seed> --out s.fcw.json` in `d`; fails the test if it fails. */
function newSeedSession(d: string): void {
  const r = factcheck(
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
  expect(r.code, r.stderr).toBe(0);
}

describe('factcheck session new', () => {
  it('creates a portable session from seed, Markdown and HTML articles', () => {
    const d = fresh('new');
    writeFileSync(join(d, 'note.md'), '# A heading\n\nSome *Markdown* text.\n');
    writeFileSync(join(d, 'page.html'), '<h1>Page</h1><p>Body <script>alert(1)</script>text.</p>');
    const r = factcheck(
      d,
      'session',
      'new',
      '--title',
      'Three',
      '--article',
      SEED_FILE,
      '--article',
      'note.md',
      '--article',
      'page.html',
      '--out',
      's.fcw.json',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('with 3 articles');
    const data = JSON.parse(readFileSync(join(d, 's.fcw.json'), 'utf8'));
    expect(data.format).toBe('factcheck-workbench-session');
    expect(
      data.session.articles.map((a: { source: { format: string } }) => a.source.format),
    ).toEqual(['seed', 'markdown', 'html']);
    expect(data.session.articles[0].text).toBe(readFileSync(SEED_FILE, 'utf8'));
    expect(data.session.articles[2].text).not.toContain('alert');
    expect(factcheck(d, 'check', 's.fcw.json').code).toBe(0);
  });

  it('refuses bad input with one line, and never replaces a file without --force', async () => {
    const d = fresh('new-bad');
    const at = (f: string) => join(d, f);
    expectRefusal(
      factcheck(d, 'session', 'new', '--article', SEED_FILE, '--out', 's.fcw.json'),
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
      factcheck(
        d,
        'session',
        'new',
        '--title',
        'T',
        '--article',
        SEED_FILE,
        '--out',
        'taken.fcw.json',
      ),
      1,
      /already exists; add --force/,
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
  it('imports a W3C export into a new session: the same annotations, links and selectors come out', () => {
    const d = fresh('import');
    newSeedSession(d);
    writeFileSync(join(d, 'a.jsonld'), renderW3c(buildSeedReview()));
    const r = factcheck(d, 'annotations', 'import', 's.fcw.json', 'a.jsonld');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Imported 5 annotations and 4 links');
    expect(
      factcheck(d, 'export', 's.fcw.json', '--format', 'w3c', '--out', 'again.jsonld').code,
    ).toBe(0);
    const again = JSON.parse(readFileSync(join(d, 'again.jsonld'), 'utf8'));
    expect(again.first.items).toEqual(JSON.parse(renderW3c(buildSeedReview())).first.items);
  });

  it('anchors quote-only annotations in the article named by --article, keeping orphans', () => {
    const d = fresh('import-quote');
    newSeedSession(d);
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
    writeFileSync(join(d, 'q.jsonld'), JSON.stringify(anns));
    expectRefusal(
      factcheck(d, 'annotations', 'import', 's.fcw.json', 'q.jsonld'),
      1,
      /matches no article of this session.*--article/,
    );
    expectRefusal(
      factcheck(d, 'annotations', 'import', 's.fcw.json', 'q.jsonld', '--article', '2'),
      2,
      /the session has 1 article/,
    );
    const r = factcheck(d, 'annotations', 'import', 's.fcw.json', 'q.jsonld', '--article', '1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Imported 2 annotations and 0 links');
    expect(r.stdout).toContain('1 kept as orphans');
    expect(factcheck(d, 'check', 's.fcw.json').stdout).toContain('2 annotations (1 orphaned)');
  });

  it('refuses a malformed W3C file and leaves the session file untouched', () => {
    const d = fresh('import-bad');
    writeFileSync(join(d, 's.fcw.json'), readFileSync(reviewFile));
    const before = readFileSync(join(d, 's.fcw.json'));
    writeFileSync(
      join(d, 'bad.jsonld'),
      '{"type": "AnnotationPage", "items": [{"type": "Annotation"}]}',
    );
    expectRefusal(
      factcheck(d, 'annotations', 'import', 's.fcw.json', 'bad.jsonld'),
      1,
      /Annotation 1 has no target\. Nothing was imported\./,
    );
    writeFileSync(join(d, 'junk.jsonld'), 'not json');
    expectRefusal(
      factcheck(d, 'annotations', 'import', 's.fcw.json', 'junk.jsonld'),
      1,
      /not valid JSON/,
    );
    expect(readFileSync(join(d, 's.fcw.json')).equals(before)).toBe(true);
    expect(readdirSync(d).sort()).toEqual(['bad.jsonld', 'junk.jsonld', 's.fcw.json']);
  });
});

describe('factcheck export', () => {
  const formats: ExportFormat[] = ['html', 'md', 'csv', 'w3c', 'claimreview'];
  it('writes exactly what renderExport returns, for every text format', async () => {
    const d = fresh('export');
    for (const format of formats) {
      const r = factcheck(d, 'export', reviewFile, '--format', format, '--out', `out.${format}`);
      expect(r.code, r.stderr).toBe(0);
      const direct = await renderExport(buildSeedReview(), format, { generatedAt: GENERATED_AT });
      if (!direct.ok) throw new Error(direct.error.message);
      expect(
        readFileSync(join(d, `out.${format}`)).equals(Buffer.from(direct.value.content, 'utf8')),
        format,
      ).toBe(true);
    }
  });

  it('brat writes PATH.txt and PATH.ann', async () => {
    const d = fresh('export-brat');
    const r = factcheck(d, 'export', reviewFile, '--format', 'brat', '--out', 'seed');
    expect(r.code, r.stderr).toBe(0);
    const direct = await renderExport(buildSeedReview(), 'brat', { generatedAt: GENERATED_AT });
    if (!direct.ok) throw new Error(direct.error.message);
    expect(readFileSync(join(d, 'seed.txt'), 'utf8')).toBe(readFileSync(SEED_FILE, 'utf8'));
    expect(readFileSync(join(d, 'seed.ann'), 'utf8')).toBe(direct.value.companions![0]!.content);
    expectRefusal(
      factcheck(d, 'export', reviewFile, '--format', 'brat', '--out', 'seed'),
      1,
      /seed\.txt and .*seed\.ann already exist; add --force/,
    );
  });

  it('ClaimReview takes --org and --base-url, and refuses without them, saying what to set', () => {
    const d = fresh('export-cr');
    const bare = buildSeedReview();
    bare.settings = { ...bare.settings, organisationName: '', publicationBaseUrl: '' };
    writeFileSync(join(d, 'bare.fcw.json'), renderPortableSession(bare, GENERATED_AT));
    expectRefusal(
      factcheck(d, 'export', 'bare.fcw.json', '--format', 'claimreview', '--out', 'cr.jsonld'),
      1,
      /needs the fact-checking organisation’s name .* and the publication base URL/,
    );
    expect(existsSync(join(d, 'cr.jsonld'))).toBe(false);
    const r = factcheck(
      d,
      'export',
      'bare.fcw.json',
      '--format',
      'claimreview',
      '--out',
      'cr.jsonld',
      '--org',
      'Desk',
      '--base-url',
      'https://desk.example/fc/',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(d, 'cr.jsonld'), 'utf8'))[0]).toMatchObject({
      author: { name: 'Desk' },
      url: expect.stringMatching(/^https:\/\/desk\.example\/fc\/0000/),
    });
  });

  it('never replaces a file without --force, and replaces it with --force', () => {
    const d = fresh('export-force');
    writeFileSync(join(d, 'r.md'), 'mine');
    expectRefusal(
      factcheck(d, 'export', reviewFile, '--format', 'md', '--out', 'r.md'),
      1,
      /r\.md already exists; add --force to replace\./,
    );
    expect(readFileSync(join(d, 'r.md'), 'utf8')).toBe('mine');
    expect(
      factcheck(d, 'export', reviewFile, '--format', 'md', '--out', 'r.md', '--force').code,
    ).toBe(0);
    expect(readFileSync(join(d, 'r.md'), 'utf8')).toContain('# Fact check:');
  });

  it('an unwritable export path gives a clear error and leaves nothing behind', () => {
    const d = fresh('export-unwritable');
    expectRefusal(
      factcheck(d, 'export', reviewFile, '--format', 'html', '--out', 'no/such/folder/r.html'),
      1,
      /Cannot write no\/such\/folder\/r\.html: no such file or folder\./,
    );
    writeFileSync(join(d, 'afile'), '');
    expectRefusal(
      factcheck(d, 'export', reviewFile, '--format', 'csv', '--out', 'afile/r.csv'),
      1,
      /Cannot write afile\/r\.csv: a part of the path is not a folder\./,
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
      factcheck(d, 'export', reviewFile, '--format', 'html', '--out', target),
      1,
      /Cannot write .*factcheck-report\.html: permission denied\./,
    );
    expect(existsSync(target)).toBe(false);
    if (locked !== '/sys') expect(readdirSync(locked)).toEqual([]);
    expect(readdirSync(d)).toEqual(['afile']);
  });

  it('refuses bad arguments with one line', () => {
    const d = fresh('export-bad');
    expectRefusal(
      factcheck(d, 'export', reviewFile, '--format', 'docx', '--out', 'x'),
      2,
      /Unknown format "docx"/,
    );
    expectRefusal(factcheck(d, 'export', reviewFile, '--out', 'x'), 2, /needs --format/);
    expectRefusal(
      factcheck(d, 'export', 'missing.fcw.json', '--format', 'md', '--out', 'x'),
      1,
      /Cannot read the session file missing\.fcw\.json: no such file/,
    );
    expectRefusal(factcheck(d), 2, /no command given/);
    expect(readdirSync(d)).toEqual([]);
  });

  it('PDF without Chromium says so', () => {
    const d = fresh('export-nopdf');
    const r = spawnSync(
      process.execPath,
      [BIN, 'export', reviewFile, '--format', 'pdf', '--out', 'r.pdf'],
      {
        cwd: d,
        encoding: 'utf8',
        env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
      },
    );
    expectRefusal(
      { code: r.status, stdout: r.stdout, stderr: r.stderr },
      1,
      /PDF export needs Chromium; none found at \/nonexistent\/chromium/,
    );
    expect(readdirSync(d)).toEqual([]);
  });

  it.skipIf(chromiumMissing !== null || spawnSync('pdftotext', ['-v']).error !== undefined)(
    'PDF with Chromium holds the claim and the verdict',
    () => {
      const d = fresh('export-pdf');
      const r = factcheck(d, 'export', reviewFile, '--format', 'pdf', '--out', 'r.pdf');
      expect(r.code, r.stderr).toBe(0);
      const text = spawnSync('pdftotext', [join(d, 'r.pdf'), '-'], {
        encoding: 'utf8',
      }).stdout.replace(/\s+/g, ' ');
      expect(text).toContain(CLAIM_TEXT);
      expect(text).toContain('Verdict: Mostly true');
    },
  );
});

describe('factcheck check', () => {
  it('reports a good file and never changes it', () => {
    const st = statSync(reviewFile);
    const before = readFileSync(reviewFile);
    const r = factcheck(dir, 'check', reviewFile);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('OK.');
    expect(r.stdout).toContain('5 annotations (0 orphaned), 4 links');
    expect(readFileSync(reviewFile).equals(before)).toBe(true);
    expect(statSync(reviewFile).mtimeMs).toBe(st.mtimeMs);
  });

  it('exits non-zero for a damaged file and lists its problems, without touching it', () => {
    const d = fresh('check-bad');
    const good = JSON.parse(readFileSync(reviewFile, 'utf8'));
    good.session.links[0].to = 'nowhere';
    good.session.annotations[1].target.position.start = 1;
    writeFileSync(join(d, 'bad.fcw.json'), JSON.stringify(good));
    const r = factcheck(d, 'check', 'bad.fcw.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('damaged');
    expect(r.stdout).toMatch(/- annotation .*: its quote is not the text at its position/);
    expect(r.stdout).toMatch(/- link .* joins an annotation that does not exist/);
    writeFileSync(join(d, 'cut.fcw.json'), readFileSync(reviewFile, 'utf8').slice(0, 500));
    expect(factcheck(d, 'check', 'cut.fcw.json').stdout).toMatch(/not valid JSON/);
    expect(readdirSync(d).sort()).toEqual(['bad.fcw.json', 'cut.fcw.json']);
  });

  it('exits non-zero for a file from a newer version', () => {
    const d = fresh('check-newer');
    const good = JSON.parse(readFileSync(reviewFile, 'utf8'));
    writeFileSync(join(d, 'n.fcw.json'), JSON.stringify({ ...good, formatVersion: 9 }));
    const r = factcheck(d, 'check', 'n.fcw.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/written by a newer version/);
  });
});

// Issue 14, attack 4: the contract for special files, with the real command. The logic is
// tested in process in cli-files.test.ts. Before the fix `check /dev/zero` read until the
// kernel killed it, `check` on a FIFO hung, and `--out /dev/full --force` replaced the device.
describe('special files', () => {
  it('check refuses a device and a FIFO with one line and exit 1', () => {
    const d = fresh('special-in');
    expectRefusal(
      factcheck(d, 'check', '/dev/zero'),
      1,
      /^factcheck: Cannot read the session file \/dev\/zero: it is a device, not a regular file\.\n$/,
    );
    execFileSync('mkfifo', [join(d, 'pipe')]);
    expectRefusal(
      factcheck(d, 'check', 'pipe'),
      1,
      /it is a FIFO \(named pipe\), not a regular file/,
    );
  });

  it('export never writes over a device or through a dangling link, even with --force', () => {
    const d = fresh('special-out');
    expectRefusal(
      factcheck(d, 'export', reviewFile, '--format', 'md', '--out', '/dev/full', '--force'),
      1,
      /Will not write \/dev\/full: it is a device; only regular files are ever replaced, even with --force\./,
    );
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    symlinkSync(join(d, 'elsewhere.md'), join(d, 'dangling.md'));
    for (const extra of [[], ['--force']])
      expectRefusal(
        factcheck(d, 'export', reviewFile, '--format', 'md', '--out', 'dangling.md', ...extra),
        1,
        /dangling\.md.*symbolic link/,
      );
    expect(existsSync(join(d, 'elsewhere.md'))).toBe(false);
    expect(readdirSync(d).sort()).toEqual(['dangling.md']);
  });
});
