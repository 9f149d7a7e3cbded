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
import type { Browser, Page } from 'playwright-core';
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

/** Options of {@link createChromiumPdfPrinter}. */
export interface ChromiumPdfOptions {
  /**
   * Keep the browser (and its page) open between jobs, closing it after this
   * many idle milliseconds; 0 (the default) launches Chromium for each job and
   * closes it after, as a one-shot command wants. A long-running host passes a
   * keep-alive and calls `close()` when it stops.
   */
  keepAliveMs?: number;
}

/** A Chromium printer; `launches` counts browser starts (for tests and measurements). */
export interface ChromiumPdfPrinter extends PdfPrinter {
  readonly launches: number;
  /** Start the browser now (for example while the report's map is laid out). Never rejects. */
  warm(): void;
  /** Close the browser if it is open. Safe to call twice. */
  close(): Promise<void>;
}

interface Open {
  browser: Browser;
  page: Page;
}

/**
 * A printer over the installed Chromium. `print` rejects with
 * {@link noChromiumMessage} when the browser is missing. Where it goes, time
 * goes to starting Chromium and its first page (most of it, seconds on a busy
 * machine), then loading and printing the report (under a second): so a
 * host keeps the browser warm between jobs ({@link ChromiumPdfOptions}) and
 * starts it while the report is still being laid out ({@link ChromiumPdfPrinter.warm}).
 * Jobs run one at a time on the one page.
 */
export function createChromiumPdfPrinter(
  path: string = chromiumPath(),
  options: ChromiumPdfOptions = {},
): ChromiumPdfPrinter {
  const keepAliveMs = options.keepAliveMs ?? 0;
  let launches = 0;
  let opening: Promise<Open> | null = null;
  let idle: ReturnType<typeof setTimeout> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const open = (): Promise<Open> => {
    if (!opening) {
      opening = (async () => {
        if (!existsSync(path)) throw new Error(noChromiumMessage(path));
        // Loaded on first use: playwright-core is large and most commands never print.
        const { chromium } = await import('playwright-core');
        launches++;
        // Our own shutdown closes the browser: Playwright must not take over SIGINT/SIGTERM
        // (its handlers exit the process, which could cut a host's final save short).
        const browser = await chromium.launch({
          executablePath: path,
          args: CHROMIUM_ARGS,
          handleSIGINT: false,
          handleSIGTERM: false,
          handleSIGHUP: false,
        });
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        const page = await context.newPage();
        await page.route('**/*', (route) => route.abort());
        await page.emulateMedia({ media: 'print' });
        return { browser, page };
      })();
      // A failed start is not kept: the next job tries again (and says why it failed).
      opening.catch(() => (opening = null));
    }
    return opening;
  };

  const shut = async (): Promise<void> => {
    if (idle) clearTimeout(idle);
    idle = null;
    const was = opening;
    opening = null;
    if (!was) return;
    try {
      await (await was).browser.close();
    } catch {
      // it never opened, or is already gone
    }
  };

  const job = async (html: string): Promise<Uint8Array> => {
    if (idle) clearTimeout(idle);
    idle = null;
    try {
      const { page } = await open();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } catch (e) {
      // A browser that failed mid-job is not reused.
      await shut();
      throw e;
    } finally {
      if (keepAliveMs <= 0) await shut();
      else if (opening) idle = setTimeout(() => void shut(), keepAliveMs);
    }
  };

  return {
    get launches() {
      return launches;
    },
    warm() {
      if (keepAliveMs > 0 && existsSync(path)) open().catch(() => undefined);
    },
    print(html: string): Promise<Uint8Array> {
      const run = queue.then(() => job(html));
      queue = run.catch(() => undefined);
      return run;
    },
    close: () => queue.then(shut),
  };
}
