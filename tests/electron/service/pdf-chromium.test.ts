/**
 * The Chromium PDF printer of browser mode (issue 9, defect 13): a host keeps
 * the browser between exports instead of starting Chromium for each one (the
 * start is most of a PDF's time), runs concurrent jobs one after the other on
 * its one page, and closes the browser when asked. A one-shot printer (the CLI)
 * still starts and closes Chromium per job.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  createChromiumPdfPrinter,
  type ChromiumPdfPrinter,
} from '../../../electron/service/pdf-chromium';
import { chromiumMissing } from '../../helpers/chromium';

if (chromiumMissing) console.warn(`Skipping the PDF printer tests: ${chromiumMissing}`);

const page = (n: number) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><h1>Report ${n}</h1></body></html>`;
const isPdf = (b: Uint8Array) => Buffer.from(b.subarray(0, 5)).toString('latin1') === '%PDF-';

describe.skipIf(chromiumMissing !== null)('Chromium PDF printer', () => {
  let printer: ChromiumPdfPrinter | null = null;
  afterEach(async () => {
    await printer?.close();
    printer = null;
  });

  it('with a keep-alive, starts Chromium once for several exports, warm or not', async () => {
    printer = createChromiumPdfPrinter(undefined, { keepAliveMs: 60_000 });
    printer.warm();
    expect(isPdf(await printer.print(page(1)))).toBe(true);
    expect(isPdf(await printer.print(page(2)))).toBe(true);
    const [a, b] = await Promise.all([printer.print(page(3)), printer.print(page(4))]);
    expect(isPdf(a) && isPdf(b)).toBe(true);
    expect(printer.launches).toBe(1);
    // Closed, it starts again on the next job.
    await printer.close();
    expect(isPdf(await printer.print(page(5)))).toBe(true);
    expect(printer.launches).toBe(2);
  });

  it('without a keep-alive, starts and closes Chromium for each job', async () => {
    printer = createChromiumPdfPrinter();
    expect(isPdf(await printer.print(page(1)))).toBe(true);
    expect(isPdf(await printer.print(page(2)))).toBe(true);
    expect(printer.launches).toBe(2);
  });

  it('a missing browser is a clear error, and the next job tries again', async () => {
    printer = createChromiumPdfPrinter('/nonexistent/chromium', { keepAliveMs: 60_000 });
    printer.warm();
    await expect(printer.print(page(1))).rejects.toThrow('PDF export needs Chromium');
    await expect(printer.print(page(2))).rejects.toThrow('PDF export needs Chromium');
  });
});
