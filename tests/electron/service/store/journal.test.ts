// Issue 14, attack 3, the logic: appends with an injected filesystem that writes short and then
// fills up. Before the fix `append` ignored the byte count of a short write, acknowledged the
// edit, and the next append landed after the partial record; recovery then lost the edits after it.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FileHandle } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import {
  JournalWriter,
  journalLine,
  nodeJournalIo,
  parseJournal,
  type JournalEntry,
  type JournalIo,
} from '../../../../electron/service/store/journal';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function journalFile(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'fcw-journal-'));
  dirs.push(d);
  return path.join(d, 's.journal');
}

const entry = (rev: number): JournalEntry => ({
  rev,
  at: '2024-01-01T00:00:00.000Z',
  ops: [{ op: 'session.rename', name: `Name ${rev} ${'x'.repeat(rev * 7)}` }],
});

/** A disk with `free` bytes left, whose writes stop short at the limit (as Linux does when full). */
function fillingDisk(free: { bytes: number }, maxChunk = Infinity): Partial<JournalIo> {
  return {
    async write(handle: FileHandle, data: Uint8Array) {
      if (free.bytes <= 0) {
        const e = new Error('ENOSPC: no space left on device') as NodeJS.ErrnoException;
        e.code = 'ENOSPC';
        throw e;
      }
      const n = Math.min(data.length, free.bytes, maxChunk);
      const written = await nodeJournalIo.write(handle, data.subarray(0, n));
      free.bytes -= written;
      return written;
    },
  };
}

describe('JournalWriter.append', () => {
  it('completes short writes: every byte of the record is written before it resolves', async () => {
    const file = journalFile();
    const w = await JournalWriter.open(file, 0, fillingDisk({ bytes: Infinity }, 7));
    for (let rev = 1; rev <= 5; rev++) await w.append(journalLine(entry(rev)));
    await w.close();
    const scan = parseJournal(readFileSync(file));
    expect(scan.entries.map((e) => e.rev)).toEqual([1, 2, 3, 4, 5]);
    expect(scan.damaged).toBe(0);
    expect(w.bytes).toBe(statSync(file).size);
  });

  it('on a full disk rejects and rolls back to the last good record; later appends are whole', async () => {
    const file = journalFile();
    const free = { bytes: journalLine(entry(1)).length + journalLine(entry(2)).length + 20 };
    const w = await JournalWriter.open(file, 0, fillingDisk(free));
    const acknowledged: number[] = [];
    const refused: string[] = [];
    for (let rev = 1; rev <= 4; rev++) {
      try {
        await w.append(journalLine(entry(rev)));
        acknowledged.push(rev);
      } catch (e) {
        refused.push((e as NodeJS.ErrnoException).code ?? '');
      }
    }
    expect(acknowledged).toEqual([1, 2]);
    expect(refused).toEqual(['ENOSPC', 'ENOSPC']);
    // Rolled back: nothing after the last good record, no NUL padding.
    expect(statSync(file).size).toBe(w.bytes);
    expect(readFileSync(file).includes(0)).toBe(false);
    free.bytes = Infinity; // space freed
    for (let rev = 3; rev <= 5; rev++) {
      await w.append(journalLine(entry(rev)));
      acknowledged.push(rev);
    }
    await w.close();
    const scan = parseJournal(readFileSync(file));
    expect(scan.entries.map((e) => e.rev)).toEqual(acknowledged);
    expect(scan.damaged).toBe(0);
  });

  it('when even the rollback fails, cuts the partial record before the next append', async () => {
    const file = journalFile();
    const free = { bytes: journalLine(entry(1)).length + 10 };
    let failTruncate = true;
    const w = await JournalWriter.open(file, 0, {
      ...fillingDisk(free),
      truncate: async (h, n) => {
        if (failTruncate) throw Object.assign(new Error('EIO'), { code: 'EIO' });
        await h.truncate(n);
      },
    });
    await w.append(journalLine(entry(1)));
    await expect(w.append(journalLine(entry(2)))).rejects.toThrow();
    expect(statSync(file).size).toBeGreaterThan(w.bytes); // the partial record is still there
    failTruncate = false;
    free.bytes = Infinity;
    await w.append(journalLine(entry(2)));
    await w.close();
    expect(parseJournal(readFileSync(file)).entries.map((e) => e.rev)).toEqual([1, 2]);
    expect(statSync(file).size).toBe(w.bytes);
  });
});

describe('journal records', () => {
  it('are framed and checksummed: a damaged record is skipped and the ones after it replay', () => {
    const lines = [1, 2, 3, 4].map((r) => journalLine(entry(r)));
    const flipped = lines[1]!.replace('Name 2', 'Name 9'); // same length, wrong checksum
    const cut = lines[2]!.slice(0, 30); // a write cut short, no newline, then the next record
    const text = lines[0]! + flipped + cut + lines[3]!;
    const scan = parseJournal(text);
    expect(scan.entries.map((e) => e.rev)).toEqual([1, 4]);
    expect(scan.damaged).toBe(1);
    expect(scan.badLine).toBe(2);
    const nuls = parseJournal(
      Buffer.concat([Buffer.from(lines[0]!), Buffer.alloc(300), Buffer.from(`\n${lines[3]}`)]),
    );
    expect(nuls.entries.map((e) => e.rev)).toEqual([1, 4]);
  });

  it('journals written before framing (bare JSON lines) are still read, also mixed with framed ones', () => {
    const old = `${JSON.stringify(entry(1))}\n${JSON.stringify(entry(2))}\n`;
    expect(parseJournal(old).entries.map((e) => e.rev)).toEqual([1, 2]);
    const file = journalFile();
    writeFileSync(file, old + journalLine(entry(3)));
    expect(parseJournal(readFileSync(file)).entries.map((e) => e.rev)).toEqual([1, 2, 3]);
  });
});
