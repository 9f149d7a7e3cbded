/**
 * PDF export in Electron: the HTML report is loaded into a hidden window and
 * printed with `webContents.printToPDF`.
 *
 * The window is as closed as a window can be: sandboxed, context-isolated, no
 * preload, JavaScript off, in its own in-memory session that is offline
 * (network emulation), cancels every request except the one report URL, and
 * denies every permission. The report is served from `app://report/<token>`
 * by that session's own protocol handler, so it is never written to disk and
 * never limited by data-URL length. Jobs run one at a time.
 */
import { randomUUID } from 'node:crypto';
import type { BrowserWindow as BrowserWindowType, Session } from 'electron';
import { BrowserWindow, session as electronSession } from 'electron';
import type { PdfPrinter } from '../service/api-service';

/** Partition of the PDF windows: in memory (no `persist:` prefix). */
export const PDF_PARTITION = 'factcheck-pdf-export';
/** The report's origin inside the PDF session. */
export const PDF_REPORT_ORIGIN = 'app://report';
/** The CSP the report is served with: no script at all, only inline styles and data images. */
export const PDF_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

export interface PdfPrinterOptions {
  /** Longest a job may take before it fails (load + print). */
  timeoutMs?: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s.`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Set up the offline PDF session once: report-only protocol handler, request filter, no permissions. */
function preparePdfSession(jobs: Map<string, string>): Session {
  const ses = electronSession.fromPartition(PDF_PARTITION, { cache: false });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
  ses.enableNetworkEmulation({ offline: true });
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !jobs.has(details.url) }),
  );
  ses.protocol.handle('app', (request) => {
    const html = jobs.get(request.url);
    if (html === undefined) return new Response('not found', { status: 404 });
    return new Response(html, {
      status: 200,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': PDF_CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
  return ses;
}

/**
 * A {@link PdfPrinter} for `createApiService`. `print(html)` resolves with the
 * PDF bytes (A4, backgrounds printed, tagged, with an outline) or rejects with
 * a sentence when loading or printing fails or times out. Call only after the
 * app is ready.
 */
export function createPdfPrinter(options: PdfPrinterOptions = {}): PdfPrinter {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const jobs = new Map<string, string>();
  let prepared = false;
  let queue: Promise<unknown> = Promise.resolve();

  const printOne = async (html: string): Promise<Uint8Array> => {
    if (!prepared) {
      preparePdfSession(jobs);
      prepared = true;
    }
    const url = `${PDF_REPORT_ORIGIN}/${randomUUID()}.html`;
    jobs.set(url, html);
    let win: BrowserWindowType | null = null;
    try {
      win = new BrowserWindow({
        show: false,
        width: 1000,
        height: 1400,
        webPreferences: {
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webviewTag: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          experimentalFeatures: false,
          navigateOnDragDrop: false,
          safeDialogs: true,
          spellcheck: false,
          disableBlinkFeatures: 'Auxclick',
          // The report is static HTML: no script runs in this window at all.
          javascript: false,
          partition: PDF_PARTITION,
          devTools: false,
        },
      });
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      win.webContents.on('will-navigate', (event) => event.preventDefault());
      await withTimeout(win.loadURL(url), timeoutMs, 'Loading the report for PDF');
      const data = await withTimeout(
        win.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          generateTaggedPDF: true,
          generateDocumentOutline: true,
          margins: { marginType: 'default' },
        }),
        timeoutMs,
        'Printing the report to PDF',
      );
      return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    } finally {
      jobs.delete(url);
      if (win && !win.isDestroyed()) win.destroy();
    }
  };

  return {
    print(html: string): Promise<Uint8Array> {
      const run = queue.then(() => printOne(html));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
