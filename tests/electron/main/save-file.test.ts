import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../electron-fake'));

const fake = await import('../electron-fake');
const { companionPath, parseExportedFile, safeBaseName, saveExportedFile } =
  await import('../../../electron/main/save-file');

let dir: string;
beforeEach(() => {
  fake.resetFakeElectron();
  dir = mkdtempSync(path.join(tmpdir(), 'fcw-save-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const deps = () => ({ dialog: fake.dialog, defaultDir: dir }) as never;
const win = () => new fake.BrowserWindow() as never;
const choose = (filePath: string) =>
  fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath });

describe('saveExportedFile', () => {
  it('writes the text the user chose to save, where the user chose', async () => {
    const target = path.join(dir, 'my report.html');
    choose(target);
    const result = await saveExportedFile(
      {
        fileName: 'report.html',
        mediaType: 'text/html',
        encoding: 'utf8',
        content: '<h1>Ünïcode</h1>',
      },
      win(),
      deps(),
    );
    expect(result).toEqual({ ok: true, value: { savedTo: target } });
    expect(readFileSync(target, 'utf8')).toBe('<h1>Ünïcode</h1>');
    expect(readdirSync(dir)).toEqual(['my report.html']);
    const options = fake.dialog.showSaveDialog.mock.calls[0]![1] as {
      defaultPath: string;
      filters: { extensions: string[] }[];
    };
    expect(options.defaultPath).toBe(path.join(dir, 'report.html'));
    expect(options.filters[0]!.extensions).toEqual(['html']);
  });

  it('decodes base64 content (PDF)', async () => {
    const target = path.join(dir, 'r.pdf');
    choose(target);
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]);
    await saveExportedFile(
      {
        fileName: 'r.pdf',
        mediaType: 'application/pdf',
        encoding: 'base64',
        content: bytes.toString('base64'),
      },
      win(),
      deps(),
    );
    expect(readFileSync(target)).toEqual(bytes);
  });

  it('writes companions next to the chosen file under the chosen stem (brat)', async () => {
    const target = path.join(dir, 'mine.ann');
    choose(target);
    const result = await saveExportedFile(
      {
        fileName: 'seed-review.ann',
        mediaType: 'text/plain',
        encoding: 'utf8',
        content: 'T1\tClaim 0 5\tHello',
        companions: [
          { fileName: 'seed-review.txt', mediaType: 'text/plain', content: 'Hello world' },
        ],
      },
      win(),
      deps(),
    );
    expect(result.ok).toBe(true);
    expect(readFileSync(path.join(dir, 'mine.txt'), 'utf8')).toBe('Hello world');
    expect(readFileSync(target, 'utf8')).toBe('T1\tClaim 0 5\tHello');
  });

  it('asks before replacing an existing companion, and writes nothing when declined', async () => {
    writeFileSync(path.join(dir, 'mine.txt'), 'keep me');
    choose(path.join(dir, 'mine.ann'));
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    const file = {
      fileName: 'x.ann',
      mediaType: 'text/plain',
      encoding: 'utf8' as const,
      content: 'T1',
      companions: [{ fileName: 'x.txt', mediaType: 'text/plain', content: 'new' }],
    };
    expect(await saveExportedFile(file, win(), deps())).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(readFileSync(path.join(dir, 'mine.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(path.join(dir, 'mine.ann'))).toBe(false);
  });

  it('reports a cancelled dialog as cancelled and writes nothing', async () => {
    const result = await saveExportedFile(
      { fileName: 'a.md', mediaType: 'text/markdown', encoding: 'utf8', content: '# a' },
      win(),
      deps(),
    );
    expect(result).toEqual({ ok: true, value: { cancelled: true } });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves nothing half-written when the final rename fails', async () => {
    // The chosen path is a non-empty folder: the temp file is written, the rename fails.
    const target = path.join(dir, 'r.csv');
    mkdirSync(target);
    writeFileSync(path.join(target, 'inside'), 'x');
    choose(target);
    const result = await saveExportedFile(
      { fileName: 'r.csv', mediaType: 'text/csv', encoding: 'utf8', content: 'new' },
      win(),
      deps(),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(readdirSync(dir)).toEqual(['r.csv']);
    expect(readdirSync(target)).toEqual(['inside']);
  });

  it('does not write the chosen file when a companion cannot be written', async () => {
    mkdirSync(path.join(dir, 'mine.txt'));
    writeFileSync(path.join(dir, 'mine.txt', 'inside'), 'x');
    choose(path.join(dir, 'mine.ann'));
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    const result = await saveExportedFile(
      {
        fileName: 'x.ann',
        mediaType: 'text/plain',
        encoding: 'utf8',
        content: 'T1',
        companions: [{ fileName: 'x.txt', mediaType: 'text/plain', content: 'text' }],
      },
      win(),
      deps(),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(readdirSync(dir)).toEqual(['mine.txt']);
  });

  it('reports a folder that does not exist as an error, not an exception', async () => {
    choose(path.join(dir, 'missing', 'r.csv'));
    const result = await saveExportedFile(
      { fileName: 'r.csv', mediaType: 'text/csv', encoding: 'utf8', content: 'new' },
      win(),
      deps(),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a malformed file before showing any dialog', async () => {
    for (const bad of [
      null,
      'text',
      { fileName: '', mediaType: 'x', encoding: 'utf8', content: '' },
      { fileName: 'a', mediaType: 'x', encoding: 'hex', content: '' },
      { fileName: 'a.pdf', mediaType: 'x', encoding: 'base64', content: 'not base64!' },
    ]) {
      const result = await saveExportedFile(bad, win(), deps());
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(fake.dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('file names from the page', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\win.ini', 'win.ini'],
    ['/abs/path/report.html', 'report.html'],
    ['.hidden', 'hidden'],
    ['a\u0000b<c>.csv', 'a_b_c_.csv'],
    ['..', 'export'],
    ['', 'export'],
  ])('%j becomes %j', (name, expected) => {
    expect(safeBaseName(name)).toBe(expected);
  });

  it('are reduced to base names in parseExportedFile', () => {
    const parsed = parseExportedFile({
      fileName: '../x.ann',
      mediaType: 't',
      encoding: 'utf8',
      content: '',
      companions: [{ fileName: '/etc/x.txt', mediaType: 't', content: '' }],
    });
    expect(parsed.ok && [parsed.file.fileName, parsed.file.companions![0]!.fileName]).toEqual([
      'x.ann',
      'x.txt',
    ]);
  });

  it('companionPath keeps the chosen folder and stem', () => {
    expect(companionPath('/d/mine.ann', 'seed.ann', 'seed.txt')).toBe(path.join('/d', 'mine.txt'));
    expect(companionPath('/d/mine', 'seed.ann', 'seed.txt')).toBe(path.join('/d', 'mine.txt'));
    expect(companionPath('/d/s.fcw.json', 'a.fcw.json', 'a.notes.txt')).toBe(
      path.join('/d', 's.notes.txt'),
    );
  });
});
