import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import {
  CSV_COLUMNS,
  csvRows,
  formulaSafe,
  readCsvCell,
  renderCsv,
} from '../../../shared/interchange/csv-export';
import { buildSeedReview } from '../../helpers/seed-review';
import { buildStressReview } from '../../helpers/session-variants';

describe('CSV export', () => {
  const session = buildStressReview();
  const csv = renderCsv(session);

  it('is UTF-8 with a BOM, CRLF between rows, one row per annotation', () => {
    expect(csv.startsWith('\ufeffid,article,kind,quote,start,end,')).toBe(true);
    const records = parse(csv, { bom: true, record_delimiter: '\r\n' }) as string[][];
    expect(records[0]).toEqual([...CSV_COLUMNS]);
    expect(records).toHaveLength(session.annotations.length + 1);
    // Row ends are CRLF; the LFs left are inside quoted fields only.
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('round-trips every field through a real CSV parser: quotes, newlines, commas, emoji, formula starts', () => {
    const records = parse(csv, { bom: true, relax_column_count: false }) as string[][];
    const expected = csvRows(session);
    expect(records.map((r) => r.map(readCsvCell))).toEqual(expected);
    // The stress review really has the hard cases in it.
    const flat = expected.flat().join('\u0000');
    for (const s of [
      '"',
      '\n',
      ',',
      '🇺🇸',
      '🧪',
      '=HYPERLINK',
      '@SUM',
      '+tag',
      '-leading',
      "'quoted",
    ])
      expect(flat).toContain(s);
  });

  it('prefixes cells that a spreadsheet would run as formulas, and the prefix is reversible', () => {
    for (const v of ['=1+1', '+1', '-1', '@x', '\tx', '\rx', "'x"]) {
      expect(formulaSafe(v)).toBe(`'${v}`);
      expect(readCsvCell(formulaSafe(v))).toBe(v);
    }
    for (const v of ['plain', 'a=b', '1-2', '']) expect(formulaSafe(v)).toBe(v);
    const records = parse(csv, { bom: true }) as string[][];
    for (const cell of records.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('lists links in both directions with their relation', () => {
    const seed = buildSeedReview();
    const rows = parse(renderCsv(seed), { bom: true, columns: true }) as Record<string, string>[];
    const claim = rows.find((r) => r.kind === 'Claim')!;
    expect(claim.links!.split('; ')).toEqual(
      seed.links.map((l) => `← ${l.relation.replace('-', ' ')} ${l.from}`),
    );
    const denial = rows.find((r) => r.quote === 'The story is false')!;
    expect(denial).toMatchObject({
      links: `→ contradicts ${claim.id}`,
      speaker: 'H R McMaster',
      kind: 'Counter-statement',
      start: '1335',
      end: '1353',
    });
    expect(claim).toMatchObject({
      verdict: 'Mostly true',
      tags: 'national security; intelligence',
      reviewer: 'Maya Okafor',
    });
  });
});
