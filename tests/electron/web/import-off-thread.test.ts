// Issue 14, attack 1, with the real host: an import runs off the thread that
// answers requests, reports progress over the event stream, and can be
// cancelled. These are ordering checks, not timings: the long import is
// started, the test waits until the worker reports progress, then another
// request must be answered while the import is still running.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiService, type ApiService } from '../../../electron/service/api-service';
import { startWebHost, type WebHost } from '../../../electron/web/web-host';
import type { ApiEvents } from '../../../shared/api/contract';
import { newsPage } from '../../helpers/hostile-inputs';

type Progress = ApiEvents['import.progress'];

let dir: string;
let service: ApiService;
let host: WebHost;
/** A large page: seconds of work for the import worker, milliseconds for any other request. */
const bigPage = Buffer.from(newsPage(8 * 1024 * 1024)).toString('base64');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw JSON answers, checked by each test
function post(method: string, payload: unknown): Promise<any> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(payload);
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: `/api/${method}`,
        headers: {
          Host: `127.0.0.1:${host.port}`,
          'Content-Type': 'application/json',
          Authorization: `Bearer ${host.token}`,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Reads the host's event stream; `next(pred)` resolves with the first matching progress event. */
function openEvents(): Promise<{
  next(pred: (p: Progress) => boolean): Promise<Progress>;
  close(): void;
}> {
  return new Promise((resolve, reject) => {
    const waiters: { pred: (p: Progress) => boolean; done: (p: Progress) => void }[] = [];
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: '/api/events',
        headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}` },
      },
      (res: IncomingMessage) => {
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buf += chunk;
          let cut: number;
          while ((cut = buf.indexOf('\n\n')) !== -1) {
            const block = buf.slice(0, cut);
            buf = buf.slice(cut + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event !== 'import.progress' || !data) continue;
            const p = JSON.parse(data) as Progress;
            for (const w of waiters.splice(0)) {
              if (w.pred(p)) w.done(p);
              else waiters.push(w);
            }
          }
        });
        resolve({
          next: (pred) => new Promise((done) => waiters.push({ pred, done })),
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fcw-import-'));
  await mkdir(join(dir, 'static'));
  await writeFile(join(dir, 'static', 'index.html'), '<!doctype html><title>app</title>');
  service = await createApiService({
    dataDir: join(dir, 'data'),
    seedsDir: join(process.cwd(), 'seeds'),
    host: 'browser',
    version: 'test',
  });
  host = await startWebHost({ service, staticDir: join(dir, 'static') });
});

afterAll(async () => {
  await host?.close();
  await service?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a long import', () => {
  it('does not hold up other requests: they are answered while it runs', async () => {
    const events = await openEvents();
    const order: string[] = [];
    const started = events.next(
      (p) => p.importId === 'long-1' && p.fraction > 0 && p.fraction < 0.9,
    );
    const imported = post('library.importFile', {
      fileName: 'big-page.html',
      base64: bigPage,
      importId: 'long-1',
    }).then((r) => {
      order.push('import');
      return r;
    });
    await started; // the worker is parsing
    const created = await post('sessions.create', {
      name: 'During an import',
      articleIds: [(await post('library.list', {})).value[0].id],
    });
    order.push('other requests');
    expect(created.ok).toBe(true);
    const result = await imported;
    events.close();
    expect(order).toEqual(['other requests', 'import']);
    expect(result.ok).toBe(true);
  }, 180_000);

  it('can be cancelled: it answers “cancelled” and adds nothing to the library', async () => {
    const before = (await post('library.list', {})).value.length;
    const events = await openEvents();
    const started = events.next(
      (p) => p.importId === 'long-2' && p.fraction > 0 && p.fraction < 0.9,
    );
    const imported = post('library.importFile', {
      fileName: 'big-page.html',
      base64: bigPage,
      importId: 'long-2',
    });
    await started;
    const cancel = await post('library.cancelImport', { importId: 'long-2' });
    expect(cancel).toEqual({ ok: true, value: { cancelled: true } });
    const result = await imported;
    events.close();
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('cancelled');
    expect(result.error?.message).toMatch(/big-page\.html.*cancelled/);
    expect((await post('library.list', {})).value.length).toBe(before);
    expect(await post('library.cancelImport', { importId: 'long-2' })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  }, 180_000);

  it('a cancel sent before the import arrives (during the upload) stops it when it comes', async () => {
    expect(await post('library.cancelImport', { importId: 'early-1' })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
    const result = await post('library.importFile', {
      fileName: 'small.html',
      base64: Buffer.from('<p>Small page.</p>').toString('base64'),
      importId: 'early-1',
    });
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('cancelled');
  }, 180_000);
});
