/**
 * What the UI needs from its host besides the API: saving a produced file
 * and opening a link outside the app. Electron's preload offers both; in
 * browser mode a file is a download and a link opens in a new tab after the
 * reader confirms.
 *
 * Browser mode also keeps a tab working across host restarts: a new address
 * pasted into the tab (`#token=…`, a hashchange) switches the client to the
 * new token and retries unsaved edits; leaving the page while edits are
 * unsaved asks first (beforeunload); and unacknowledged edits are kept in
 * localStorage per data directory (`keptEdits`).
 */
import type { ApiClient, ApiMethod, ApiRequest, ExportedFile } from '../../shared/api/contract';
import type { FactcheckBridge } from '../../shared/api/bridge';
import { safeLinkHref } from '../../shared/article/safe-url';
import { createHttpClient, type HttpApiClient } from './http-client';
import { takeToken } from './token';
import { KeptEditsStore } from '../state/kept-edits';

export interface HostPlatform {
  kind: 'electron' | 'browser';
  /** Save a produced file (and its companions). Resolves to a sentence for the notice area, or null if cancelled. */
  saveFile(file: ExportedFile): Promise<string | null>;
  /** Open an http(s) or mailto link outside the app, after the reader confirms. */
  openExternal(url: string): Promise<void>;
  /** Send pending edits while the page unloads, if the transport can. */
  callOnUnload?<M extends ApiMethod>(method: M, request: ApiRequest<M>): void;
  /** Call `listener` when the way to the host changed (a new token was pasted): retry saving now. Returns the unsubscribe. */
  onReconnect?(listener: () => void): () => void;
  /** While `unsaved()` answers true, leaving the page asks first. Returns the unsubscribe. */
  watchUnsaved?(unsaved: () => boolean): () => void;
  /** Where edits the host has not acknowledged are kept for a data directory, or null when the browser keeps nothing. */
  keptEdits?(dataDir: string): KeptEditsStore | null;
}

export type Host =
  { ok: true; client: ApiClient; platform: HostPlatform } | { ok: false; message: string };

/** Decode a file's content to bytes for a download. */
function fileBlob(f: { content: string; mediaType: string; encoding?: 'utf8' | 'base64' }): Blob {
  if (f.encoding === 'base64') {
    const bin = atob(f.content);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Blob([bytes], { type: f.mediaType });
  }
  return new Blob([f.content], { type: f.mediaType });
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The browser platform: downloads, confirmed new tabs, new tokens from the address, the leave guard. */
export function browserPlatform(client: HttpApiClient): HostPlatform {
  const reconnect = new Set<() => void>();
  const unsaved = new Set<() => boolean>();
  window.addEventListener('hashchange', () => {
    const token = takeToken({
      location: window.location,
      history: window.history,
      storage: window.sessionStorage,
    });
    if (!token || token === client.token) return;
    client.setToken(token);
    // An open session retries its save with the new token; with none open, start afresh.
    if (reconnect.size) for (const l of [...reconnect]) l();
    else window.location.reload();
  });
  window.addEventListener('beforeunload', (e) => {
    if (![...unsaved].some((f) => f())) return;
    e.preventDefault();
    // Older browsers need returnValue set to ask.
    e.returnValue = '';
  });
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null; // disabled: nothing is kept beyond this page
  }
  return {
    kind: 'browser',
    async saveFile(file) {
      download(file.fileName, fileBlob(file));
      for (const c of file.companions ?? []) download(c.fileName, fileBlob(c));
      const names = [file.fileName, ...(file.companions ?? []).map((c) => c.fileName)];
      return `Downloaded ${names.join(' and ')}. Your browser saves it in its downloads folder.`;
    },
    async openExternal(url) {
      const safe = safeLinkHref(url);
      if (!safe) return;
      if (window.confirm(`Open this link in a new browser tab?\n\n${safe}`))
        window.open(safe, '_blank', 'noopener');
    },
    callOnUnload(method, request) {
      void client.callKeepalive(method, request);
    },
    onReconnect(listener) {
      reconnect.add(listener);
      return () => void reconnect.delete(listener);
    },
    watchUnsaved(fn) {
      unsaved.add(fn);
      return () => void unsaved.delete(fn);
    },
    keptEdits: (dataDir) => (storage ? new KeptEditsStore(storage, dataDir) : null),
  };
}

/** Pick the host: the Electron bridge when present, else the loopback host with the page's token. */
export function connectHost(): Host {
  const bridge = (window as unknown as { factcheck?: FactcheckBridge }).factcheck;
  if (bridge && typeof bridge.call === 'function') {
    return {
      ok: true,
      client: { call: (m, r) => bridge.call(m, r), on: (e, l) => bridge.on(e, l) },
      platform: {
        kind: 'electron',
        async saveFile(file) {
          const r = await bridge.saveFile(file);
          if (!r.ok) throw new Error(r.error.message);
          return 'savedTo' in r.value ? `Saved ${r.value.savedTo}.` : null;
        },
        async openExternal(url) {
          // The main process checks the address and asks the reader before opening it.
          const r = await bridge.openExternal(url);
          if (!r.ok) throw new Error(r.error.message);
        },
      },
    };
  }
  const token = takeToken({
    location: window.location,
    history: window.history,
    storage: window.sessionStorage,
  });
  if (!token) {
    return {
      ok: false,
      message:
        'This page needs the address printed by the host, which carries an access token. Start it with `npm run web` and open the http://127.0.0.1 address it prints.',
    };
  }
  const client = createHttpClient({ token });
  return { ok: true, client, platform: browserPlatform(client) };
}
