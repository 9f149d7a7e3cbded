/**
 * PDF printing for Node (the CLI and browser mode): the HTML report loaded
 * into the installed Chromium through playwright-core and printed with
 * `page.pdf()`. Nothing is downloaded: the browser is `CHROMIUM_PATH` or
 * `/usr/bin/chromium`, and a missing one is a clear error. Every network
 * request the page might make is aborted (the report's CSP forbids them too).
 *
 * Electron implements the same {@link PdfPrinter} with `webContents.printToPDF`.
 */
import { existsSync } from 'node:fs';
import type { PdfPrinter } from '../../shared/interchange/render-export';

/** Launch flags that work on this project's machines (see ../shared/DESIGN.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Page numbers at the foot of every printed page (Chromium fills in the spans). */
const FOOTER =
  '<div style="width:100%;font:8px Helvetica,Arial,sans-serif;color:#777;text-align:center">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/** The Chromium this process would use: `CHROMIUM_PATH`, else `/usr/bin/chromium`. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium';
}

/** The sentence shown when there is no Chromium to print with. */
export function noChromiumMessage(path: string): string {
  return `PDF export needs Chromium; none found at ${path}. Install it (e.g. apt-get install chromium) or set CHROMIUM_PATH.`;
}

/**
 * A printer that launches Chromium for each job and closes it afterwards.
 * `print` rejects with {@link noChromiumMessage} when the browser is missing.
 */
export function createChromiumPdfPrinter(path: string = chromiumPath()): PdfPrinter {
  return {
    async print(html: string): Promise<Uint8Array> {
      if (!existsSync(path)) throw new Error(noChromiumMessage(path));
      // Loaded on first use: playwright-core is large and most commands never print.
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath: path, args: CHROMIUM_ARGS });
      try {
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        const page = await context.newPage();
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: FOOTER,
        });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        await browser.close();
      }
    },
  };
}
