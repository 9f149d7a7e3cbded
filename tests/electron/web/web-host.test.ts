// The loopback host, for real: a service over a temp data directory, served
// on 127.0.0.1, spoken to with raw HTTP requests (so the Host header and the
// token can be wrong on purpose).
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiService, type ApiService } from '../../../electron/service/api-service';
import { startWebHost, type WebHost } from '../../../electron/web/web-host';

const seedsDir = join(process.cwd(), 'seeds');

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function http(
  host: WebHost,
  opts: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string;
    address?: string;
  },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: opts.address ?? '127.0.0.1',
        port: host.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: opts.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const api = (
  host: WebHost,
  method: string,
  payload: unknown,
  token = host.token,
  extra: Record<string, string> = {},
) =>
  http(host, {
    method: 'POST',
    path: `/api/${method}`,
    headers: {
      Host: `127.0.0.1:${host.port}`,
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      ...extra,
    },
    body: JSON.stringify(payload),
  });

let dataDir: string;
let staticDir: string;
let service: ApiService;
let host: WebHost;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fcw-host-'));
  staticDir = join(dataDir, 'static');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  service = await createApiService({
    dataDir: join(dataDir, 'data'),
    seedsDir,
    host: 'browser',
    version: 'test',
  });
  host = await startWebHost({ service, staticDir });
});

afterAll(async () => {
  await host?.close();
  await service?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the loopback host', () => {
  it('prints a URL on 127.0.0.1 with the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers an API request with the token', async () => {
    const r = await api(host, 'library.list', {});
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body);
    expect(body.ok).toBe(true);
    expect(body.value[0].meta.date).toBe('2017-05-17');
  });

  it('refuses an API request without a token (401)', async () => {
    const r = await http(host, {
      method: 'POST',
      path: '/api/library.list',
      headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body).ok).toBe(false);
  });

  it('refuses a wrong token (401), including one that differs only at the end', async () => {
    expect((await api(host, 'library.list', {}, 'nope')).status).toBe(401);
    const almost = host.token.slice(0, -1) + (host.token.endsWith('A') ? 'B' : 'A');
    expect((await api(host, 'library.list', {}, almost)).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    const r = await api(host, 'library.list', {}, host.token, { Host: `evil.test:${host.port}` });
    expect(r.status).toBe(421);
    const page = await http(host, { path: '/', headers: { Host: 'evil.test' } });
    expect(page.status).toBe(421);
  });

  it('sends no CORS headers, even to a cross-origin request', async () => {
    const r = await api(host, 'library.list', {}, host.token, { Origin: 'https://evil.test' });
    expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    const pre = await http(host, {
      method: 'OPTIONS',
      path: '/api/library.list',
      headers: {
        Host: `127.0.0.1:${host.port}`,
        Origin: 'https://evil.test',
        'Access-Control-Request-Method': 'POST',
      },
    });
    expect(pre.status).not.toBe(200);
    expect(Object.keys(pre.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('is bound to loopback only', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) {
      console.warn(
        'skipped the non-loopback connection check: this machine has no non-loopback IPv4 address',
      );
    } else {
      await expect(
        http(host, {
          path: '/',
          address: external.address,
          headers: { Host: `127.0.0.1:${host.port}` },
        }),
      ).rejects.toThrow(/ECONNREFUSED|EHOSTUNREACH|ENETUNREACH/);
    }
    expect(host.url.startsWith('http://127.0.0.1:')).toBe(true);
  });

  it('returns validation errors as values, in words', async () => {
    const r = JSON.parse((await api(host, 'sessions.open', { id: 42 })).body);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(r.error.message).toMatch(/not valid/);
    const unknown = JSON.parse((await api(host, 'sessions.explode', {})).body);
    expect(unknown.error.message).toMatch(/Unknown request/);
  });

  it('refuses bodies that are not JSON', async () => {
    const r = await http(host, {
      method: 'POST',
      path: '/api/library.list',
      headers: {
        Host: `127.0.0.1:${host.port}`,
        'Content-Type': 'application/json',
        Authorization: `Bearer ${host.token}`,
      },
      body: '{nope',
    });
    expect(r.status).toBe(400);
  });

  it('serves the app with a strict CSP and refuses path traversal', async () => {
    const page = await http(host, { path: '/', headers: { Host: `localhost:${host.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    for (const p of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2e%2e%2fpackage.json',
      '/..%5cpackage.json',
    ]) {
      const r = await http(host, { path: p, headers: { Host: `127.0.0.1:${host.port}` } });
      expect(r.status, p).toBeGreaterThanOrEqual(400);
      expect(r.body).not.toMatch(/factcheck-workbench/);
    }
  });

  it('creates, lists and reopens a session through HTTP', async () => {
    const lib = JSON.parse((await api(host, 'library.list', {})).body).value;
    const created = JSON.parse(
      (await api(host, 'sessions.create', { articleIds: [lib[0].id] })).body,
    );
    expect(created.ok).toBe(true);
    const list = JSON.parse((await api(host, 'sessions.list', {})).body);
    expect(list.value.map((s: { id: string }) => s.id)).toContain(created.value.session.id);
    const opened = JSON.parse(
      (await api(host, 'sessions.open', { id: created.value.session.id })).body,
    );
    expect(opened.value.session.articles[0].text).toBe(created.value.session.articles[0].text);
  });

  it('queues two concurrent saves to one session and keeps both', async () => {
    const lib = JSON.parse((await api(host, 'library.list', {})).body).value;
    const created = JSON.parse(
      (await api(host, 'sessions.create', { articleIds: [lib[0].id] })).body,
    ).value.session;
    const rename = (name: string, rev: number) =>
      api(host, 'sessions.apply', {
        id: created.id,
        baseRevision: rev,
        ops: [{ op: 'session.rename', name }],
      });
    const [a, b] = await Promise.all([
      rename('First', created.revision),
      rename('Second', created.revision),
    ]);
    const results = [JSON.parse(a.body), JSON.parse(b.body)];
    // Both requests reach the store in order: the first applies, the second is told the session moved on.
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser.error.code).toBe('conflict');
    const settings = {
      op: 'settings.put',
      settings: {
        reviewer: 'Ana',
        organisationName: '',
        organisationUrl: '',
        publicationBaseUrl: '',
        methodology: 'm',
      },
    };
    const [c, d] = await Promise.all([
      api(host, 'sessions.apply', {
        id: created.id,
        baseRevision: created.revision + 1,
        ops: [{ op: 'session.rename', name: 'Third' }],
      }),
      api(host, 'sessions.apply', {
        id: created.id,
        baseRevision: created.revision + 2,
        ops: [settings],
      }),
    ]);
    expect(JSON.parse(c.body).ok).toBe(true);
    expect(JSON.parse(d.body).ok).toBe(true);
    await api(host, 'sessions.flush', { id: created.id });
    const opened = JSON.parse((await api(host, 'sessions.open', { id: created.id })).body).value
      .session;
    expect(opened.name).toBe('Third');
    expect(opened.settings.reviewer).toBe('Ana');
  });
});

describe('stopping', () => {
  it('quiesce refuses new API requests (io: the page keeps its edits) and waits for those under way', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inHandle = new Promise<void>((r) => (entered = r));
    const slow = {
      ...service,
      handle: async (method: string, payload: unknown) => {
        entered();
        await gate;
        return service.handle(method, payload);
      },
    } as ApiService;
    const h = await startWebHost({ service: slow, staticDir });
    try {
      const first = api(h, 'sessions.list', {});
      await inHandle; // the first request is under way
      let quiet = false;
      const quiesced = h.quiesce().then(() => (quiet = true));
      const refused = await api(h, 'sessions.list', {});
      expect(refused.status).toBe(503);
      expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'io' } });
      expect(quiet).toBe(false);
      release();
      const answered = await first;
      expect(answered.status).toBe(200);
      expect(JSON.parse(answered.body).ok).toBe(true);
      await quiesced;
      expect(quiet).toBe(true);
    } finally {
      release();
      await h.close();
    }
  });

  it('a suggestion request under way does not hold the stop: it is answered "stopping" at once, a save under way is waited for', async () => {
    let releaseSave!: () => void;
    const saveGate = new Promise<void>((r) => (releaseSave = r));
    const entered = new Set<string>();
    let bothIn!: () => void;
    const inHandle = new Promise<void>((r) => (bothIn = r));
    const held = {
      ...service,
      handle: async (method: string, payload: unknown) => {
        entered.add(method);
        if (entered.size === 2) bothIn();
        if (method === 'suggest.claims') await new Promise(() => {}); // an analysis that never ends
        await saveGate;
        return service.handle(method, payload);
      },
    } as ApiService;
    const h = await startWebHost({ service: held, staticDir });
    try {
      const suggestion = api(h, 'suggest.claims', { id: 'x', articleId: 'y' });
      const save = api(h, 'sessions.list', {});
      await inHandle;
      let quiet = false;
      const quiesced = h.quiesce().then(() => (quiet = true));
      const stopped = await suggestion;
      expect(stopped.status).toBe(503);
      expect(JSON.parse(stopped.body)).toMatchObject({
        ok: false,
        error: { code: 'io', message: expect.stringContaining('stopping') },
      });
      expect(quiet).toBe(false);
      releaseSave();
      expect((await save).status).toBe(200);
      await quiesced;
      expect(quiet).toBe(true);
    } finally {
      releaseSave();
      await h.close();
    }
  });
});
