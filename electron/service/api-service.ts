/**
 * The API service: the one implementation of the contract in
 * shared/api/contract.ts. Both transports (Electron IPC in electron/main/,
 * HTTP in electron/web/) call `handle(method, payload)`, which validates the
 * request with the contract's schemas, dispatches, and always resolves to an
 * `ApiResult`: nothing it does throws across the boundary.
 *
 * Never imports `electron`: Electron-only capabilities (printing to PDF) are
 * passed in as plain interfaces.
 */
import type {
  ApiEventName,
  ApiEvents,
  ApiMethod,
  ApiRequest,
  ApiResponses,
  ApiResult,
  AppInfo,
  OpenedSession,
} from '../../shared/api/contract';
import { validateRequest } from '../../shared/api/contract';
import { createSession } from '../../shared/model/session';
import {
  MAX_ANNOTATIONS_PER_SESSION,
  MAX_ARTICLE_BYTES,
  MAX_NOTE_CHARS,
  MAX_SHORT_TEXT,
} from '../../shared/model/limits';
import { openLibrary, type Library } from './library';
import { runImportInWorker, type ImportInput } from './import/import-runner';
import { openSessionStore, type SessionStore } from './store';
import { StoreError, describeCode, diskErrorCode } from './store/store-errors';
import { reanchorAnnotations } from '../../shared/anchoring';
import type { SessionOp } from '../../shared/session/session-ops';
import type { Article } from '../../shared/model/article';
import {
  exportPortableSession,
  renderExport,
  type PdfPrinter,
} from '../../shared/interchange/render-export';
import { planPortableImport } from '../../shared/interchange/portable-session';
import { importW3c } from '../../shared/interchange/w3c-import';
import { nowIso } from '../../shared/model/ids';
import { createSuggestHandlers } from './suggest/suggest-service';
import { openFactcheckStore } from './suggest/factcheck-store';
import { createTeamService } from './team/team-service';
import type { SecretBox } from './team/team-files';
import type { SyncTiming } from './team/session-sync';

/** Prints HTML to PDF bytes (Chromium in Node, `printToPDF` in Electron). */
export type { PdfPrinter };

export interface ApiServiceOptions {
  dataDir: string;
  seedsDir: string;
  host: 'electron' | 'browser';
  version: string;
  pdf?: PdfPrinter;
  /**
   * The service's clock (ISO 8601): it stamps the changes it saves (`updatedAt`, the journal)
   * and the exports it renders. Tests fix it to compare output byte for byte.
   */
  clock?: () => string;
  /** Seals the team server's credentials (the desktop app: Electron's `safeStorage`); else an owner-only file. */
  secrets?: SecretBox;
  /** Team sync timing (tests shorten it). */
  teamTiming?: Partial<SyncTiming>;
}

export interface ApiService {
  /** Validate and run one request. Never throws. */
  handle(method: string, payload: unknown): Promise<ApiResult<unknown>>;
  /** Write every pending change to disk now. */
  flushAll(): Promise<void>;
  /**
   * Listen to the events the service itself pushes (`import.progress`); the
   * transports relay them to the page. Returns a function that unsubscribes.
   */
  subscribe(listener: EventListener): () => void;
  /** Flush and release everything. The service must not be used afterwards. */
  close(): Promise<void>;
}

/** Receives the service's events. */
export type EventListener = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void;

type Handlers = { [M in ApiMethod]: (req: ApiRequest<M>) => Promise<ApiResult<ApiResponses[M]>> };

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
const notFound = (what: string): ApiResult<never> => ({
  ok: false,
  error: { code: 'not-found', message: what },
});

/** Open the library and the session store for a data directory and serve the API over them. */
export async function createApiService(opts: ApiServiceOptions): Promise<ApiService> {
  const library: Library = await openLibrary({ seedsDir: opts.seedsDir, dataDir: opts.dataDir });
  /** The service's one clock: it stamps every batch the store applies, and every export. */
  const clock = opts.clock ?? nowIso;
  const store: SessionStore = await openSessionStore({ dataDir: opts.dataDir, clock });
  // Suggestions, "seen before" and imported fact-checks (issue 13).
  const suggest = createSuggestHandlers({
    store,
    factchecks: await openFactcheckStore(opts.dataDir),
  });
  const listeners = new Set<EventListener>();
  const emit: EventListener = (event, payload) => {
    for (const l of listeners) l(event, payload);
  };
  // Team review (issue 10): identity, team database, live sync of tracked sessions.
  const team = createTeamService({
    dataDir: opts.dataDir,
    store,
    clock,
    secrets: opts.secrets,
    timing: opts.teamTiming,
    onInfo: (id, info) => emit('team.session', { id, info }),
    onHostChange: (id, revision, ops) => emit('session.changed', { id, revision, ops }),
  });
  /** Running imports by id, to cancel them. */
  const imports = new Map<string, AbortController>();
  let importCount = 0;
  /** Ids cancelled before their import arrived (a cancel sent during the upload); a few kept. */
  const cancelledEarly = new Set<string>();

  /**
   * Run one import in a worker, with progress events and cancellation under `importId`, then
   * `keep` the article (add it to the library). A cancel that arrives before `keep` starts
   * wins, even when the worker had already finished.
   */
  const runImport = async <T>(
    input: ImportInput,
    name: string,
    requestedId: string | undefined,
    keep: (article: Article) => Promise<ApiResult<T>> | ApiResult<T>,
  ): Promise<ApiResult<T>> => {
    const importId = requestedId ?? `import-${++importCount}`;
    if (imports.has(importId))
      return {
        ok: false,
        error: { code: 'conflict', message: 'An import with that id is already running.' },
      };
    const ctrl = new AbortController();
    if (cancelledEarly.delete(importId)) ctrl.abort(); // cancelled while it was being sent
    imports.set(importId, ctrl);
    emit('import.progress', { importId, name, fraction: 0 });
    try {
      const res = await runImportInWorker(input, {
        signal: ctrl.signal,
        onProgress: (fraction) => emit('import.progress', { importId, name, fraction }),
      });
      if (!res.ok) return res;
      if (ctrl.signal.aborted)
        return {
          ok: false,
          error: { code: 'cancelled', message: `The import of “${name}” was cancelled.` },
        };
      imports.delete(importId); // from here on it is being saved: too late to cancel
      return await keep(res.value);
    } finally {
      imports.delete(importId);
      emit('import.progress', { importId, name, fraction: 1 });
    }
  };

  const info: AppInfo = {
    name: 'Factcheck Workbench',
    version: opts.version,
    host: opts.host,
    dataDir: opts.dataDir,
    platform: process.platform,
    limits: {
      maxArticleBytes: MAX_ARTICLE_BYTES,
      maxNoteChars: MAX_NOTE_CHARS,
      maxAnnotationsPerSession: MAX_ANNOTATIONS_PER_SESSION,
    },
  };

  const handlers: Handlers = {
    ...suggest,
    ...team.handlers,
    'app.info': async () => ok(info),
    'library.list': async () => ok(library.list()),
    'library.get': async ({ id }) => {
      const a = library.get(id);
      return a ? ok(a) : notFound('That article is not in the library.');
    },
    'library.importFile': async ({ fileName, base64, importId }) =>
      // Decoded in the worker: for a 16 MB file that alone is a second of work.
      runImport({ kind: 'upload', fileName, base64 }, fileName, importId, (a) => library.add(a)),
    'library.importPasted': async ({ kind, content, label, importId }) => {
      const name = label?.trim() || (kind === 'html' ? 'the pasted page' : 'the pasted text');
      return runImport({ kind: 'pasted', pasteKind: kind, content, label }, name, importId, (a) =>
        library.add(a),
      );
    },
    'library.cancelImport': async ({ importId }) => {
      const ctrl = imports.get(importId);
      ctrl?.abort();
      if (!ctrl) {
        cancelledEarly.add(importId);
        if (cancelledEarly.size > 100) cancelledEarly.delete(cancelledEarly.values().next().value!);
      }
      return ok({ cancelled: !!ctrl });
    },
    'sessions.list': async () => ok(await store.list()),
    'sessions.create': async ({ name, articleIds, reviewer, articleMeta }) => {
      const articles = [];
      for (const id of articleIds) {
        const a = library.get(id);
        if (!a) return notFound('One of the chosen articles is no longer in the library.');
        const meta = articleMeta?.[id];
        articles.push(meta ? { ...a, meta: { ...meta } } : a);
      }
      const title = name?.trim() || `Review: ${articles[0]!.meta.title}`.slice(0, MAX_SHORT_TEXT);
      return store.create(createSession(title, articles, reviewer?.trim() ?? '', clock()));
    },
    'sessions.open': async ({ id }) => store.open(id),
    'sessions.rename': async ({ id, name }) => {
      const r = await store.rename(id, name);
      if (r.ok) team.edited(id);
      return r;
    },
    'sessions.delete': async ({ id }) => store.archive(id),
    'sessions.apply': async ({ id, baseRevision, ops }) => {
      const r = await store.apply(id, baseRevision, ops);
      if (r.ok) team.edited(id);
      return r;
    },
    'sessions.flush': async ({ id }) => {
      await store.flush(id);
      const opened = await store.open(id);
      return opened.ok ? ok({ revision: opened.value.session.revision }) : opened;
    },
    'sessions.recover': async ({ id, action }) => store.recover(id, action),
    'sessions.restoreBackup': async ({ id }) => store.restoreBackup(id),
    'sessions.addArticle': async ({ id, articleId }) => {
      const a = library.get(articleId);
      if (!a) return notFound('That article is not in the library.');
      const opened: ApiResult<OpenedSession> = await store.open(id);
      if (!opened.ok) return opened;
      if (opened.value.session.articles.some((x) => x.id === a.id)) {
        return {
          ok: false,
          error: { code: 'conflict', message: 'That article is already in this session.' },
        };
      }
      return ok({ ops: [{ op: 'article.put' as const, article: a }] });
    },
    'sessions.reimportArticle': async ({ id, articleId, file }) => {
      const opened = await store.open(id);
      if (!opened.ok) return opened;
      const old = opened.value.session.articles.find((a) => a.id === articleId);
      if (!old) return notFound('That article is not in this session.');
      const parsed = await runImport(
        { kind: 'upload', fileName: file.fileName, base64: file.base64 },
        file.fileName,
        undefined,
        (a) => ok(a),
      );
      if (!parsed.ok) return parsed;
      // The updated text replaces the old one under the same id; the journalist's metadata is kept,
      // filling only what the old snapshot lacked.
      const meta = { ...old.meta };
      for (const k of Object.keys(meta) as (keyof typeof meta)[])
        if (!meta[k]) meta[k] = parsed.value.meta[k];
      const article = { ...parsed.value, id: old.id, meta };
      const mine = opened.value.session.annotations.filter((a) => a.target.articleId === old.id);
      const { annotations, report } = reanchorAnnotations(old.text, article.text, mine);
      const ops: SessionOp[] = [{ op: 'article.put', article }];
      for (const a of annotations) ops.push({ op: 'annotation.put', annotation: a });
      return ok({ ops, report });
    },
    'sessions.exportPortable': async ({ id }) => {
      const opened = await store.open(id);
      return opened.ok ? ok(exportPortableSession(opened.value.session, clock())) : opened;
    },
    'sessions.importPortable': async ({ content, onConflict }) => {
      const planned = planPortableImport(content, (sid) => store.has(sid), onConflict);
      if (!planned.ok) {
        const detail = planned.problems.length
          ? ` (${planned.problems.slice(0, 3).join('; ')})`
          : '';
        return {
          ok: false,
          error: { ...planned.error, message: `${planned.error.message}${detail}` },
        };
      }
      const plan = planned.plan;
      if (plan.action === 'ask') {
        const existing = (await store.list()).find((x) => x.id === plan.existingId);
        return ok({
          conflict: true as const,
          existingName: existing?.name ?? 'an existing session',
        });
      }
      const result =
        plan.action === 'replace'
          ? await store.replace(plan.session)
          : await store.create(plan.session);
      return result.ok ? ok({ conflict: false as const, opened: result.value }) : result;
    },
    'sessions.importAnnotations': async ({ id, content, articleId }) => {
      const opened = await store.open(id);
      if (!opened.ok) return opened;
      const session = opened.value.session;
      return importW3c(session, content, {
        fallbackArticleId: articleId,
        reviewer: session.settings.reviewer,
        now: clock(),
      });
    },
    'export.render': async ({ id, format, org, baseUrl }) => {
      const opened = await store.open(id);
      if (!opened.ok) return opened;
      if (format === 'pdf' && !opts.pdf) {
        return {
          ok: false,
          error: {
            code: 'unsupported',
            message:
              'PDF export is not available in this host; export HTML and print it from the browser.',
          },
        };
      }
      return renderExport(opened.value.session, format, {
        org,
        baseUrl,
        pdf: opts.pdf,
        generatedAt: clock(),
        // A shared session's status, reviewers, approval and who made what (issue 10).
        team: await team.exportInfo(id).catch(() => null),
      });
    },
  };

  return {
    async handle(method, payload) {
      const valid = validateRequest(method, payload);
      if (!valid.ok) return valid;
      const handler = handlers[method as ApiMethod] as
        ((req: unknown) => Promise<ApiResult<unknown>>) | undefined;
      if (!handler) {
        return {
          ok: false,
          error: { code: 'unsupported', message: `“${method}” is not available in this version.` },
        };
      }
      try {
        return await handler(valid.value);
      } catch (e) {
        // A disk failure says what happened in words ("the disk is full"), not "internal".
        if (e instanceof StoreError) return { ok: false, error: e.error };
        if (diskErrorCode(e))
          return {
            ok: false,
            error: {
              code: 'io',
              message: `The request could not be completed: ${describeCode(diskErrorCode(e))}. Your saved work is unchanged.`,
            },
          };
        return {
          ok: false,
          error: {
            code: 'internal',
            message: `Something went wrong: ${(e as Error).message}. Your saved work is unchanged.`,
          },
        };
      }
    },
    flushAll: () => store.flush(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      for (const ctrl of imports.values()) ctrl.abort();
      await team.close();
      await store.close();
      await opts.pdf?.close?.();
    },
  };
}
