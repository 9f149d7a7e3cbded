/**
 * The browser-mode API client: `POST /api/<method>` with the bearer token,
 * and the host's events read from `GET /api/events` as a text/event-stream
 * over fetch: the browser's EventSource cannot send the Authorization header,
 * and the token must not travel in the URL. The stream's framing (fields,
 * comments, CRLF, events split across chunks) is parsed by eventsource-parser;
 * only the reconnection (a fixed delay, and at once with a new token) is ours,
 * because it must reopen the request with the current token, which neither
 * EventSource nor the parser does.
 *
 * Every outcome is an `ApiResult`: network failures and non-JSON answers
 * become `io` errors with a sentence, never exceptions.
 *
 * A browser opens at most six HTTP/1.1 connections to one host, and a request
 * beyond them waits for one to come free. The suggestion methods can each wait
 * many seconds on an article's analysis (a 1 MB report after a host restart),
 * and the page asks for them on its own (each annotation opened asks for
 * speaker suggestions). So at most {@link BACKGROUND_LIMIT} of them are sent at
 * a time and the rest wait here, in order: with the event stream that leaves
 * connections free, and a save never queues behind suggestions.
 */
import { createParser } from 'eventsource-parser';
import type {
  ApiClient,
  ApiEventName,
  ApiEvents,
  ApiMethod,
  ApiRequest,
  ApiResponses,
  ApiResult,
} from '../../shared/api/contract';

export interface HttpClientOptions {
  token: string;
  /** Origin and path prefix, default: this page's origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

/** An ApiClient that can also send one request that survives page unload. */
export interface HttpApiClient extends ApiClient {
  /** Like `call`, with `keepalive` so it completes while the page unloads (body ≤ 64 KB). */
  callKeepalive<M extends ApiMethod>(
    method: M,
    request: ApiRequest<M>,
  ): Promise<ApiResult<ApiResponses[M]>>;
  /** The token requests carry now. */
  readonly token: string;
  /** Use a new token from now on (the reader pasted a new address); the event stream reconnects with it. */
  setToken(token: string): void;
  close(): void;
}

type Listener = (payload: unknown) => void;

/** Methods the page asks on its own whose answer may wait on a long analysis. */
const BACKGROUND: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'suggest.claims',
  'suggest.speakers',
  'suggest.similar',
]);
/** Background requests sent at once (the rest wait their turn). */
export const BACKGROUND_LIMIT = 2;

export function createHttpClient(options: HttpClientOptions): HttpApiClient {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  let token = options.token;
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const listeners = new Map<string, Set<Listener>>();
  let stream: AbortController | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  let backgroundSent = 0;
  const backgroundWaiting: (() => void)[] = [];

  /** Run `task` in the background lane: at most BACKGROUND_LIMIT at once, first come first sent. */
  async function inBackground<T>(task: () => Promise<T>): Promise<T> {
    if (backgroundSent >= BACKGROUND_LIMIT)
      await new Promise<void>((r) => backgroundWaiting.push(r));
    else backgroundSent++;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next in line, or give it back.
      const next = backgroundWaiting.shift();
      if (next) next();
      else backgroundSent--;
    }
  }

  async function send<M extends ApiMethod>(
    method: M,
    request: ApiRequest<M>,
    keepalive: boolean,
  ): Promise<ApiResult<ApiResponses[M]>> {
    let res: Response;
    try {
      res = await doFetch(`${base}/api/${method}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(request),
        keepalive,
        credentials: 'omit',
      });
    } catch {
      return {
        ok: false,
        error: {
          code: 'io',
          message:
            'The app’s host is not answering. Is `npm run web` still running? Your edits stay in this window and are saved when it answers again.',
        },
      };
    }
    try {
      const body = (await res.json()) as ApiResult<ApiResponses[M]>;
      if (body && typeof body === 'object' && 'ok' in body) return body;
    } catch {
      // fall through
    }
    if (res.status === 401)
      return {
        ok: false,
        error: {
          code: 'refused',
          message:
            'This page’s access token was not accepted. Open the address the host printed (it carries a fresh token).',
        },
      };
    return {
      ok: false,
      error: {
        code: 'io',
        message: `The host answered with an unexpected response (HTTP ${res.status}).`,
      },
    };
  }

  function emit(name: string, data: string): void {
    const set = listeners.get(name);
    if (!set?.size) return;
    let payload: unknown = {};
    try {
      payload = data ? JSON.parse(data) : {};
    } catch {
      return;
    }
    for (const l of set) l(payload);
  }

  async function readEvents(): Promise<void> {
    if (closed || stream) return;
    const ctrl = new AbortController();
    stream = ctrl;
    try {
      const res = await doFetch(`${base}/api/events`, {
        headers: { Authorization: headers.Authorization, Accept: 'text/event-stream' },
        signal: ctrl.signal,
        credentials: 'omit',
      });
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      const parser = createParser({ onEvent: (e) => emit(e.event ?? 'message', e.data) });
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
    } catch {
      // Reconnect below.
    } finally {
      stream = null;
    }
    if (!closed && [...listeners.values()].some((s) => s.size)) {
      retryTimer = setTimeout(() => {
        retryTimer = null;
        void readEvents();
      }, 2000);
    }
  }

  return {
    call: (method, request) =>
      BACKGROUND.has(method)
        ? inBackground(() => send(method, request, false))
        : send(method, request, false),
    callKeepalive: (method, request) => send(method, request, true),
    on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as Listener);
      void readEvents();
      return () => {
        set!.delete(listener as Listener);
      };
    },
    get token() {
      return token;
    },
    setToken(next) {
      if (next === token) return;
      token = next;
      headers.Authorization = `Bearer ${next}`;
      // Reconnect the event stream with the new token (now, not after the retry delay).
      stream?.abort();
      if (retryTimer) {
        clearTimeout(retryTimer);
        retryTimer = null;
        void readEvents();
      }
    },
    close() {
      closed = true;
      stream?.abort();
      if (retryTimer) clearTimeout(retryTimer);
    },
  };
}
