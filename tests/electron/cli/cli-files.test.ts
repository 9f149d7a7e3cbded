/**
 * Issue 14, attack 4: the CLI and special files, in process (the contract, exit codes and
 * messages of the real command, is in cli.test.ts). Before the fix `readInput` stat'ed and then
 * read without limit (`/dev/zero` ran until the kernel killed it; a FIFO hung), and
 * `writeOutputs` renamed over whatever the path named, devices and dangling links included.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CliError,
  checkOutputPath,
  decodeUtf8,
  readInput,
  writeOutputs,
} from '../../../electron/cli/cli-files';

const dir = mkdtempSync(join(tmpdir(), 'fcw-cli-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    const message = (e as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a refusal');
}

const fifo = join(dir, 'pipe');
execFileSync('mkfifo', [fifo]);

describe('inputs', () => {
  it('refuses a FIFO without waiting for a writer', () => {
    expect(refusal(() => readInput(fifo, 'session file', 1024))).toBe(
      `Cannot read the session file ${fifo}: it is a FIFO (named pipe), not a regular file.`,
    );
  });

  it('refuses a device (/dev/zero would never end)', () => {
    expect(refusal(() => readInput('/dev/zero', 'session file', 1024))).toBe(
      'Cannot read the session file /dev/zero: it is a device, not a regular file.',
    );
  });

  it('refuses a folder', () => {
    expect(refusal(() => readInput(dir, 'article', 1024))).toMatch(/it is a folder/);
  });

  it('reads a regular file (also through a symbolic link) and refuses one over the cap', () => {
    const f = join(dir, 'in.txt');
    writeFileSync(f, 'hello');
    const link = join(dir, 'in-link.txt');
    symlinkSync(f, link);
    expect(readInput(f, 'article', 5).toString()).toBe('hello');
    expect(readInput(link, 'article', 5).toString()).toBe('hello');
    expect(refusal(() => readInput(f, 'article', 4))).toBe(
      `The article ${f} is 5 bytes; the limit is 4 bytes.`,
    );
    const big = join(dir, 'big.txt');
    writeFileSync(big, Buffer.alloc(16 * 1024 * 1024 + 1, 0x61));
    expect(refusal(() => readInput(big, 'article', 16 * 1024 * 1024))).toBe(
      `The article ${big} is 16,777,217 bytes; the limit is 16,777,216 bytes (16 MB).`,
    );
  });

  it('decodes UTF-16 with a byte-order mark', () => {
    const text = '{"a":"café"}';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeUtf8(le, 'x', 'session file')).toBe(text);
  });
});

describe('outputs', () => {
  it('never writes over a device, FIFO or folder, even with --force', () => {
    for (const [path, kind] of [
      ['/dev/full', 'a device'],
      [fifo, 'a FIFO (named pipe)'],
      [dir, 'a folder'],
    ] as const) {
      for (const force of [false, true]) {
        const m = refusal(() => writeOutputs([{ path, data: 'x' }], force));
        if (force || kind !== 'a folder') expect(m).toContain(`it is ${kind}`);
      }
    }
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('never follows a dangling symbolic link, with or without --force or --follow-symlinks', () => {
    const link = join(dir, 'dangling.html');
    const target = join(dir, 'nowhere', 'x.html');
    symlinkSync(target, link);
    const cases: [boolean, boolean][] = [
      [false, false],
      [true, false],
      [true, true],
    ];
    for (const [force, follow] of cases)
      expect(refusal(() => writeOutputs([{ path: link, data: 'x' }], force, follow))).toMatch(
        /symbolic link/,
      );
    expect(readlinkSync(link)).toBe(target);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it('writes through a symbolic link to a regular file only when asked', () => {
    const real = join(dir, 'real.md');
    writeFileSync(real, 'old');
    const link = join(dir, 'link.md');
    symlinkSync(real, link);
    expect(refusal(() => writeOutputs([{ path: link, data: 'new' }], true))).toMatch(
      /symbolic link.*--follow-symlinks/,
    );
    writeOutputs([{ path: link, data: 'new' }], true, true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  it('writes new paths, and regular files only with --force', () => {
    const sub = join(dir, 'out');
    mkdirSync(sub);
    const f = join(sub, 'a.csv');
    expect(checkOutputPath(f, false)).toBe(f);
    writeOutputs([{ path: f, data: '1' }], false);
    expect(refusal(() => writeOutputs([{ path: f, data: '2' }], false))).toMatch(/--force/);
    writeOutputs([{ path: f, data: '2' }], true);
    expect(readFileSync(f, 'utf8')).toBe('2');
  });
});
