import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../electron-fake'));

const fake = await import('../electron-fake');
const { createPdfPrinter, PDF_CONTENT_SECURITY_POLICY, PDF_PARTITION } =
  await import('../../../electron/main/pdf-printer');
const { SECURE_WEB_PREFERENCES } = await import('../../../electron/main/main-window');

beforeEach(() => fake.resetFakeElectron());

const REPORT = '<!doctype html><meta charset="utf-8"><title>Report</title><h1>Claims</h1>';

describe('createPdfPrinter', () => {
  it('prints the report in a hidden, sandboxed window with JavaScript off', async () => {
    const bytes = await createPdfPrinter().print(REPORT);
    expect(new TextDecoder().decode(bytes)).toMatch(/^%PDF-1\.7/);
    const [win] = fake.BrowserWindow.instances;
    expect(win!.options.show).toBe(false);
    expect(win!.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      javascript: false,
      partition: PDF_PARTITION,
    });
    expect(win!.options.webPreferences).not.toHaveProperty('preload');
    expect(win!.options.webPreferences).toMatchObject(SECURE_WEB_PREFERENCES);
    expect(win!.webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ printBackground: true, pageSize: 'A4' }),
    );
    expect(win!.destroyed).toBe(true);
  });

  it('serves the report only at its one-time URL, offline, with a script-free CSP', async () => {
    const printer = createPdfPrinter();
    let served: Response | undefined;
    let other: Response | undefined;
    let decisions: Record<string, boolean | undefined> = {};
    const original = fake.BrowserWindow.prototype.loadURL;
    vi.spyOn(fake.BrowserWindow.prototype, 'loadURL').mockImplementation(async function (
      this: InstanceType<typeof fake.BrowserWindow>,
      url: string,
    ) {
      const ses = fake.session.fromPartition.mock.results[0]!.value as InstanceType<
        typeof fake.FakeSession
      >;
      const handler = ses.protocolHandlers.get('app')!;
      served = await handler(new Request(url));
      other = await handler(new Request('app://report/other.html'));
      const decide = (u: string) => {
        let cancel: boolean | undefined;
        ses.beforeRequest!({ url: u }, (r) => (cancel = r.cancel));
        return cancel;
      };
      decisions = {
        report: decide(url),
        remote: decide('https://example.com/x.png'),
        app: decide('app://workbench/index.html'),
      };
      expect(ses.networkEmulation).toEqual({ offline: true });
      const cb = vi.fn();
      ses.permissionRequestHandler!({}, 'media', cb);
      expect(cb).toHaveBeenCalledWith(false);
      return original.call(this, url);
    });
    await printer.print(REPORT);
    expect(fake.BrowserWindow.instances[0]!.loaded[0]).toMatch(
      /^app:\/\/report\/[0-9a-f-]{36}\.html$/,
    );
    expect(served!.status).toBe(200);
    expect(await served!.text()).toBe(REPORT);
    expect(served!.headers.get('content-security-policy')).toBe(PDF_CONTENT_SECURITY_POLICY);
    expect(PDF_CONTENT_SECURITY_POLICY).not.toMatch(/script-src/);
    expect(PDF_CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(other!.status).toBe(404);
    expect(decisions).toEqual({ report: false, remote: true, app: true });
    vi.restoreAllMocks();
  });

  it('forgets the report once printed and fails with a sentence when loading hangs', async () => {
    const printer = createPdfPrinter({ timeoutMs: 50 });
    vi.spyOn(fake.BrowserWindow.prototype, 'loadURL').mockImplementation(
      () => new Promise<void>(() => {}),
    );
    await expect(printer.print(REPORT)).rejects.toThrow(
      /Loading the report for PDF took longer than/,
    );
    expect(fake.BrowserWindow.instances[0]!.destroyed).toBe(true);
    vi.restoreAllMocks();
    // The queue keeps working after a failure.
    await expect(printer.print(REPORT)).resolves.toBeInstanceOf(Uint8Array);
  });
});
