import { describe, expect, it } from 'vitest';
import { BACKGROUND_LIMIT, createHttpClient } from '../../../renderer/api/http-client';
import { takeToken } from '../../../renderer/api/token';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('createHttpClient', () => {
  it('posts the request with the bearer token and returns the ApiResult', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const client = createHttpClient({
      token: 'tok',
      baseUrl: 'http://127.0.0.1:9',
      fetch: (async (url: string, init: RequestInit) => {
        seen.push({ url, init });
        return jsonResponse({ ok: true, value: { revision: 3 } });
      }) as typeof fetch,
    });
    const r = await client.call('sessions.flush', { id: 's1' });
    expect(r).toEqual({ ok: true, value: { revision: 3 } });
    expect(seen[0]!.url).toBe('http://127.0.0.1:9/api/sessions.flush');
    expect((seen[0]!.init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(JSON.parse(seen[0]!.init.body as string)).toEqual({ id: 's1' });
  });

  it('turns a refused token and a dead host into error values with sentences', async () => {
    const refused = createHttpClient({
      token: 't',
      fetch: (async () => new Response('nope', { status: 401 })) as unknown as typeof fetch,
    });
    const r1 = await refused.call('app.info', {});
    expect(r1.ok === false && r1.error.code).toBe('refused');
    const dead = createHttpClient({
      token: 't',
      fetch: (async () => {
        throw new TypeError('failed to fetch');
      }) as unknown as typeof fetch,
    });
    const r2 = await dead.call('app.info', {});
    expect(r2.ok === false && r2.error.message).toMatch(/not answering/);
    // A 401 that carries an ApiResult passes through as it is.
    const typed = createHttpClient({
      token: 't',
      fetch: (async () =>
        jsonResponse(
          { ok: false, error: { code: 'refused', message: 'Bad token.' } },
          401,
        )) as unknown as typeof fetch,
    });
    const r3 = await typed.call('app.info', {});
    expect(r3.ok === false && r3.error.message).toBe('Bad token.');
  });

  it('sends at most BACKGROUND_LIMIT suggestion requests at once, in order, and never holds a save behind them', async () => {
    const sent: string[] = [];
    const held: (() => void)[] = [];
    const client = createHttpClient({
      token: 't',
      fetch: (async (url: string, init: RequestInit) => {
        const method = url.slice(url.lastIndexOf('/') + 1);
        sent.push(`${method} ${JSON.parse(init.body as string).start ?? ''}`.trim());
        // Suggestions wait until released (a long analysis); anything else answers at once.
        if (method.startsWith('suggest.')) await new Promise<void>((r) => held.push(r));
        return jsonResponse({ ok: true, value: method });
      }) as typeof fetch,
    });
    const speakers = [1, 2, 3, 4, 5].map((start) =>
      client.call('suggest.speakers', { id: 's', articleId: 'a', start, end: start + 1 }),
    );
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual(['suggest.speakers 1', 'suggest.speakers 2']);
    expect(BACKGROUND_LIMIT).toBe(2);
    // A save goes out at once while the suggestions wait.
    const saved = await client.call('sessions.apply', { id: 's', baseRevision: 0, ops: [] });
    expect(saved).toEqual({ ok: true, value: 'sessions.apply' });
    expect(sent.at(-1)).toBe('sessions.apply');
    // Each answer lets the next one go, first come first sent.
    held.shift()!();
    await speakers[0];
    await new Promise((r) => setTimeout(r, 0));
    expect(sent.filter((x) => x.startsWith('suggest'))).toEqual([
      'suggest.speakers 1',
      'suggest.speakers 2',
      'suggest.speakers 3',
    ]);
    while (held.length || sent.length < 6) {
      held.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect((await Promise.all(speakers)).every((r) => r.ok)).toBe(true);
    expect(sent.filter((x) => x.startsWith('suggest'))).toHaveLength(5);
  });

  it('reads events from a text/event-stream split at any point', async () => {
    const chunks = [
      'event: menu\ndata: {"comm',
      'and":"export.html"}\n\n: keep-alive\n\nevent: before-quit\r\n',
      'data: {}\r\n\r\n',
    ];
    const client = createHttpClient({
      token: 't',
      fetch: (async () =>
        new Response(
          new ReadableStream({
            start(c) {
              for (const x of chunks) c.enqueue(new TextEncoder().encode(x));
              c.close();
            },
          }),
          {
            headers: { 'Content-Type': 'text/event-stream' },
          },
        )) as unknown as typeof fetch,
    });
    const got: unknown[] = [];
    const done = new Promise<void>((resolve) => {
      client.on('menu', (p) => got.push(p));
      client.on('before-quit', (p) => {
        got.push(p);
        resolve();
      });
    });
    await done;
    client.close();
    expect(got).toEqual([{ command: 'export.html' }, {}]);
  });
});

describe('takeToken', () => {
  it('takes the token from the hash, stores it and removes it from the address', () => {
    const store = new Map<string, string>();
    const replaced: string[] = [];
    const env = {
      location: { hash: '#token=abc123', pathname: '/', search: '' },
      history: {
        state: null,
        replaceState: (_s: unknown, _t: string, url?: string | URL | null) =>
          void replaced.push(String(url)),
      },
      storage: {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => void store.set(k, v),
      },
    };
    expect(takeToken(env)).toBe('abc123');
    expect(replaced).toEqual(['/']);
    // After a reload the hash is gone; the token comes from this tab's storage.
    expect(takeToken({ ...env, location: { hash: '', pathname: '/', search: '' } })).toBe('abc123');
    expect(
      takeToken({
        ...env,
        location: { hash: '', pathname: '/', search: '' },
        storage: { getItem: () => null, setItem: () => {} },
      }),
    ).toBeNull();
  });
});
