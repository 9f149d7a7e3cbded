/**
 * The one API contract between the UI and its host.
 *
 * {@link ApiRequests} maps each method name to its request and response
 * types; {@link requestSchemas} holds the zod schema that validates each
 * request at the boundary (Electron IPC and the HTTP host run the same
 * schemas before anything reaches the service). {@link ApiEvents} lists what
 * the host may push to the UI. Every response is an {@link ApiResult}: errors
 * are values with a sentence the UI shows as it is, never exceptions.
 *
 * Transports: Electron IPC (`electron/main/ipc-handlers.ts` + the preload's
 * `call`) and HTTP (`POST /api/<method>` on the loopback host). Both are thin
 * adapters over `electron/service/api-service.ts`.
 */
import { z } from 'zod';
import type { Article, ArticleMeta } from '../model/article';
import type { Session, SessionSummary } from '../model/session';
import type { AnchorStatus } from '../model/vocabulary';
import { sessionOpSchema, type SessionOp } from '../session/op-schema';
import { articleMetaSchema } from '../model/session-schema';
import { MAX_SHORT_TEXT } from '../model/limits';
import { MAX_NOTE_CHARS } from '../model/limits';
import type { AppClaimSuggestion, SimilarClaim, SpeakerSuggestion } from '../suggest';
import { REVIEWER_ROLES } from '../team/reviewer';
import { SESSION_STATUSES } from '../team/team-doc';
import type {
  HostChange,
  ReviewerIdentity,
  TeamConnection,
  TeamHistoryLine,
  TeamSessionEntry,
  TeamSessionInfo,
} from './team-types';

/** Error codes. `message` always says what happened and what to do, in words. */
export type ApiErrorCode =
  | 'invalid-request'
  | 'not-found'
  | 'too-large'
  | 'unsupported'
  | 'damaged'
  | 'read-only'
  | 'conflict'
  | 'locked'
  | 'io'
  | 'refused'
  | 'cancelled'
  | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An article in the library: a shipped seed or an import. */
export interface LibraryEntry {
  id: string;
  origin: 'seed' | 'imported';
  meta: ArticleMeta;
  fileName: string;
  format: Article['source']['format'];
  chars: number;
  paragraphs: number;
  sha256: string;
  importedAt: string;
}

/** Facts about the running host the UI may show. */
export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'browser';
  dataDir: string;
  platform: string;
  limits: {
    maxArticleBytes: number;
    maxNoteChars: number;
    maxAnnotationsPerSession: number;
  };
}

/** What opening a session gives the UI. */
export interface OpenedSession {
  session: Session;
  /** Written by a newer version: shown, never saved. */
  readOnly: boolean;
  /** Something the user must be told (e.g. "restored from backup"). */
  notice: string | null;
  /** Journaled changes from a session that was not closed cleanly, offered back. */
  recovery: { changes: number; lastChangeAt: string } | null;
}

/** A file produced for the user to save. Text is UTF-8; binary content is base64. */
export interface ExportedFile {
  fileName: string;
  mediaType: string;
  encoding: 'utf8' | 'base64';
  content: string;
  /** Extra files that belong with it (brat writes `.txt` and `.ann`). */
  companions?: { fileName: string; mediaType: string; content: string }[];
  /** What the user should be told about this export (e.g. what brat had to leave out). */
  notices?: string[];
}

/** Result of re-importing an updated article text: how many annotations ended in each anchor status. */
export type ReanchorReport = Record<AnchorStatus, number>;

/** The claim suggestions of one article of a session (issue 13), for the text whose hash is `sha256`. */
export interface ArticleSuggestions {
  articleId: string;
  /** The SHA-256 of the text they were computed for; a renderer with another text asks again. */
  sha256: string;
  suggestions: AppClaimSuggestion[];
}

/** An imported fact-check file (File → Import fact-checks…), as listed. */
export interface FactcheckFeed {
  id: string;
  fileName: string;
  importedAt: string;
  /** The publishers named in it (ClaimReview `author`), at most a few. */
  publishers: string[];
  claims: number;
}

/** Result of importing a fact-check file: the feed and what had to be skipped, in words. */
export interface FactcheckImport {
  feed: FactcheckFeed;
  problems: string[];
}

/** Result of importing W3C annotations into a session. */
export interface AnnotationImportReport {
  annotations: number;
  links: number;
  orphaned: number;
  problems: string[];
}

export const EXPORT_FORMATS = ['html', 'pdf', 'md', 'csv', 'w3c', 'claimreview', 'brat'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An uploaded file: its name and its bytes as base64. */
const fileUpload = z.object({
  fileName: z.string().min(1).max(1024),
  /** Base64 of the file's bytes. The service enforces the size limit after decoding. */
  base64: z.string().max(32 * 1024 * 1024),
});

const pasted = z.object({
  /** Pasted plain text or HTML (HTML is sanitised like an imported file). */
  kind: z.enum(['text', 'html']),
  content: z.string().max(24 * 1024 * 1024),
  label: z.string().max(MAX_SHORT_TEXT).optional(),
});

const id = z.string().min(1).max(200);

/** Names one import so its progress events can be told apart and it can be cancelled. */
const importId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,100}$/)
  .optional();

/** Request schemas, one per method. */
export const requestSchemas = {
  'app.info': z.object({}),
  'library.list': z.object({}),
  'library.get': z.object({ id }),
  'library.importFile': fileUpload.extend({ importId }),
  'library.importPasted': pasted.extend({ importId }),
  /**
   * Stop an import (by the `importId` its request carried); it answers `cancelled`. An id not
   * running yet is remembered, so a cancel sent while the file is still being uploaded stops it
   * when it arrives.
   */
  'library.cancelImport': z.object({ importId: z.string().min(1).max(100) }),
  'sessions.list': z.object({}),
  'sessions.create': z.object({
    name: z.string().max(MAX_SHORT_TEXT).optional(),
    articleIds: z.array(id).min(1).max(200),
    /** The reviewer's name, recorded in the settings and on every annotation they make. */
    reviewer: z.string().max(MAX_SHORT_TEXT).optional(),
    /** Metadata the reviewer confirmed or filled in when starting, by article id (replaces the library's). */
    articleMeta: z.record(id, articleMetaSchema).optional(),
  }),
  'sessions.open': z.object({ id }),
  'sessions.rename': z.object({ id, name: z.string().trim().min(1).max(MAX_SHORT_TEXT) }),
  'sessions.delete': z.object({ id }),
  'sessions.apply': z.object({
    id,
    baseRevision: z.number().int().nonnegative(),
    ops: z.array(sessionOpSchema).min(1).max(20_000),
  }),
  'sessions.flush': z.object({ id }),
  'sessions.recover': z.object({ id, action: z.enum(['restore', 'discard']) }),
  'sessions.restoreBackup': z.object({ id }),
  'sessions.addArticle': z.object({ id, articleId: id }),
  'sessions.reimportArticle': z.object({ id, articleId: id, file: fileUpload }),
  'sessions.exportPortable': z.object({ id }),
  'sessions.importPortable': z.object({
    fileName: z.string().max(1024),
    content: z.string().max(96 * 1024 * 1024),
    onConflict: z.enum(['ask', 'copy', 'replace']),
  }),
  'sessions.importAnnotations': z.object({
    id,
    content: z.string().max(96 * 1024 * 1024),
    articleId: id.optional(),
  }),
  /** The claim suggestions of an article of a session, computed by the host and cached per text. */
  'suggest.claims': z.object({ id, articleId: id }),
  /**
   * Speaker suggestions for a marked span (code points, as W3C TextPositionSelector): whom the
   * text attributes it to, then the article's names, then the session's speakers.
   */
  'suggest.speakers': z.object({
    id,
    articleId: id,
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  }),
  /**
   * "Seen before": reviewed claims like `text` in every session of the library (but
   * `excludeSessionId`) and in the imported fact-check files, best first.
   */
  'suggest.similar': z.object({
    text: z.string().min(1).max(MAX_NOTE_CHARS),
    excludeSessionId: id.optional(),
    limit: z.number().int().min(1).max(50).optional(),
  }),
  /** File → Import fact-checks…: a ClaimReview JSON-LD file (our export or a published feed). */
  'factchecks.import': fileUpload,
  'factchecks.list': z.object({}),
  'factchecks.remove': z.object({ id }),
  /** This installation's reviewer (created with a fresh id and no name on first use). */
  'team.identity': z.object({}),
  'team.setIdentity': z.object({
    name: z.string().trim().min(1).max(MAX_SHORT_TEXT),
    role: z.enum(REVIEWER_ROLES),
  }),
  /** The team database the app is connected to, or null. */
  'team.connection': z.object({}),
  /**
   * Connect to a team database: the server is asked first (CouchDB? credentials? may this user
   * read it?); the credentials are then kept by the host (owner-only, never in session files).
   */
  'team.connect': z.object({
    url: z.string().min(1).max(2048),
    user: z.string().min(1).max(200),
    password: z.string().min(1).max(1000),
    allowInsecureHttp: z.boolean().optional(),
  }),
  'team.disconnect': z.object({}),
  /** The sessions in the team database. */
  'team.list': z.object({}),
  /** Share a local session to the team database; it then syncs live. */
  'team.share': z.object({ id }),
  /** Open a team session: copied into the library on first open, then synced live. */
  'team.open': z.object({ sessionId: id }),
  /** The team side of a local session (sync state, status, disagreements). */
  'team.session': z.object({ id }),
  /** Sync now (after an error, or to see colleagues' changes at once). */
  'team.sync': z.object({ id }),
  /** Settle a disagreement with one of the values in dispute (by its place in `values`). */
  'team.resolve': z.object({
    id,
    docId: z.string().min(1).max(600),
    field: z.string().min(1).max(40),
    choice: z.number().int().min(0).max(100),
  }),
  /** Move the session to another status (approving and publishing are an editor's). */
  'team.setStatus': z.object({ id, status: z.enum(SESSION_STATUSES) }),
  /** An item's history: who marked, re-attributed, changed the verdict, when. */
  'team.history': z.object({ id, itemId: id }),
  /** File → Merge session file…: a colleague's `.fcw.json` of the same session, merged offline. */
  'sessions.mergeFile': z.object({
    id,
    fileName: z.string().max(1024),
    content: z.string().max(96 * 1024 * 1024),
  }),
  'export.render': z.object({
    id,
    format: z.enum(EXPORT_FORMATS),
    org: z.string().max(MAX_SHORT_TEXT).optional(),
    baseUrl: z.string().max(2048).optional(),
  }),
} satisfies Record<string, z.ZodType>;

export type ApiMethod = keyof typeof requestSchemas;
export type ApiRequest<M extends ApiMethod> = z.infer<(typeof requestSchemas)[M]>;

/** The response type of each method. */
export interface ApiResponses {
  'app.info': AppInfo;
  'library.list': LibraryEntry[];
  'library.get': Article;
  'library.importFile': LibraryEntry;
  'library.importPasted': LibraryEntry;
  /** `cancelled` is false when no import with that id was running (it had already ended). */
  'library.cancelImport': { cancelled: boolean };
  'sessions.list': SessionSummary[];
  'sessions.create': OpenedSession;
  'sessions.open': OpenedSession;
  'sessions.rename': SessionSummary;
  'sessions.delete': { archivedAs: string };
  'sessions.apply': { revision: number };
  'sessions.flush': { revision: number };
  'sessions.recover': OpenedSession;
  'sessions.restoreBackup': OpenedSession;
  'sessions.addArticle': { ops: SessionOp[] };
  'sessions.reimportArticle': { ops: SessionOp[]; report: ReanchorReport };
  'sessions.exportPortable': ExportedFile;
  'sessions.importPortable':
    { conflict: true; existingName: string } | { conflict: false; opened: OpenedSession };
  'sessions.importAnnotations': { ops: SessionOp[]; report: AnnotationImportReport };
  'suggest.claims': ArticleSuggestions;
  'suggest.speakers': SpeakerSuggestion[];
  'suggest.similar': SimilarClaim[];
  'factchecks.import': FactcheckImport;
  'factchecks.list': FactcheckFeed[];
  'factchecks.remove': { removed: boolean };
  'export.render': ExportedFile;
  'team.identity': ReviewerIdentity;
  'team.setIdentity': ReviewerIdentity;
  'team.connection': TeamConnection | null;
  'team.connect': TeamConnection;
  'team.disconnect': { disconnected: boolean };
  'team.list': TeamSessionEntry[];
  'team.share': TeamSessionInfo;
  'team.open': OpenedSession;
  'team.session': TeamSessionInfo;
  'team.sync': TeamSessionInfo;
  /** The ops the resolution made to the session (applied by the host already; empty when the value shown was chosen). */
  'team.resolve': HostChange & { info: TeamSessionInfo };
  'team.setStatus': TeamSessionInfo;
  'team.history': TeamHistoryLine[];
  'sessions.mergeFile': HostChange & { info: TeamSessionInfo };
}

/** The typed request/response map. */
export type ApiRequests = {
  [M in ApiMethod]: { request: ApiRequest<M>; response: ApiResponses[M] };
};

/** Commands the host pushes to the UI (from the Electron menu, or a second launch). */
export const MENU_COMMANDS = [
  'session.new',
  'session.openFile',
  'session.saveAs',
  'article.import',
  'article.reimport',
  'factchecks.import',
  'session.mergeFile',
  'edit.undo',
  'edit.redo',
  'view.help',
  'view.library',
  'export.html',
  'export.pdf',
  'export.md',
  'export.csv',
  'export.w3c',
  'export.claimreview',
  'export.brat',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Events the host may push. */
export interface ApiEvents {
  /** A menu item or accelerator in the desktop shell. */
  menu: { command: MenuCommand };
  /** The host is about to quit: flush pending edits now. */
  'before-quit': Record<string, never>;
  /**
   * An import is running (it runs off the request thread; see `library.cancelImport`).
   * `fraction` goes from 0 to 1; `name` is the file's name or what was pasted.
   */
  'import.progress': { importId: string; name: string; fraction: number };
  /** The team side of a session changed (sync state, status, disagreements). */
  'team.session': { id: string; info: TeamSessionInfo };
  /**
   * The host changed a session itself (a sync brought colleagues' changes): the page applies the
   * ops to its copy; its own edits made meanwhile still save (see the store's host revisions).
   */
  'session.changed': { id: string } & HostChange;
}
export type ApiEventName = keyof ApiEvents;

/**
 * Every event name, once. The mapped type makes the compiler reject a list
 * that misses or invents an event, so `ApiEvents` stays the one declaration.
 */
const EVENT_NAME_SET: { readonly [E in ApiEventName]: true } = {
  menu: true,
  'before-quit': true,
  'import.progress': true,
  'team.session': true,
  'session.changed': true,
};
export const API_EVENT_NAMES = Object.freeze(Object.keys(EVENT_NAME_SET) as ApiEventName[]);

/** Validate a request for a method. Unknown methods and bad payloads become an `invalid-request` error. */
export function validateRequest<M extends ApiMethod>(
  method: string,
  payload: unknown,
): ApiResult<ApiRequest<M>> {
  if (!Object.prototype.hasOwnProperty.call(requestSchemas, method)) {
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: `Unknown request "${String(method).slice(0, 60)}".`,
      },
    };
  }
  const schema = requestSchemas[method as ApiMethod];
  const parsed = schema.safeParse(payload ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length ? ` (${first.path.join('.')})` : '';
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: `The request was not valid${where}: ${first?.message ?? 'bad input'}.`,
      },
    };
  }
  return { ok: true, value: parsed.data as ApiRequest<M> };
}

/**
 * The client the renderer uses. One implementation per transport; the UI
 * never knows which host it runs in.
 */
export interface ApiClient {
  call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResult<ApiResponses[M]>>;
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}
