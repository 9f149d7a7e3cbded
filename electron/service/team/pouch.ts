/**
 * PouchDB for the team sync: the core with the HTTP adapter (the team
 * server), the memory adapter (the working copy of one sync) and the
 * replication plugin. Nothing else is loaded.
 *
 * Remote databases get their credentials through a `fetch` wrapper that adds
 * the `Authorization` header to each request, so the URL PouchDB holds, and
 * any error that quotes it, never contains them.
 */
import PouchDBCore from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { randomBytes } from 'node:crypto';
import { basicAuth, type CouchCredentials } from './couch-access';

/** A stored document as PouchDB returns it. */
export interface PouchDoc {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  [key: string]: unknown;
}

export interface ReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  errors: unknown[];
  /** The source's update sequence the replication reached (a pull's checkpoint). */
  last_seq?: number | string;
}

export interface ReplicationOptions {
  filter?: string | ((doc: PouchDoc) => boolean);
  selector?: Record<string, unknown>;
  batch_size?: number;
  batches_limit?: number;
  live?: boolean;
  retry?: boolean;
  back_off_function?: (delay: number) => number;
  /** Start from this update sequence of the source. */
  since?: number | string;
  /** Where checkpoints are written: both (default), only the source or the target, or none. */
  checkpoint?: boolean | 'source' | 'target';
}

/** A cancellable, awaitable replication. */
export interface Replication extends PromiseLike<ReplicationResult> {
  cancel(): void;
  on(event: 'change', fn: (info: { docs_written: number; docs_read: number }) => void): Replication;
  on(event: string, fn: (info: unknown) => void): Replication;
}

export interface BulkResult {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: string;
  reason?: string;
}

export interface PouchDatabase {
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
  get(id: string, opts?: { rev?: string; conflicts?: boolean }): Promise<PouchDoc>;
  get(id: string, opts: { open_revs: 'all' }): Promise<({ ok: PouchDoc } | { missing: string })[]>;
  put(doc: Record<string, unknown>): Promise<{ ok: boolean; id: string; rev: string }>;
  bulkDocs(docs: Record<string, unknown>[], opts?: { new_edits?: boolean }): Promise<BulkResult[]>;
  allDocs(opts?: {
    include_docs?: boolean;
    conflicts?: boolean;
    limit?: number;
    skip?: number;
    keys?: string[];
    startkey?: string;
    endkey?: string;
  }): Promise<{
    rows: {
      id: string;
      key: string;
      value: { rev: string; deleted?: boolean };
      doc?: PouchDoc;
      error?: string;
    }[];
  }>;
  changes(opts: {
    since: number | string;
    limit?: number;
  }): Promise<{ results: { id: string }[]; last_seq: number | string }>;
  destroy(): Promise<unknown>;
  close(): Promise<unknown>;
  replicate: {
    to(target: PouchDatabase, opts?: ReplicationOptions): Replication;
    from(source: PouchDatabase, opts?: ReplicationOptions): Replication;
  };
}

type FetchFn = (
  url: string | URL,
  init: { headers: Headers } & Record<string, unknown>,
) => Promise<Response>;

export interface PouchStatic {
  new (name: string, opts?: Record<string, unknown>): PouchDatabase;
  plugin(p: unknown): PouchStatic;
  fetch: FetchFn;
}

let configured: PouchStatic | null = null;

/** The PouchDB class with the team plugins. */
export function pouch(): PouchStatic {
  configured ??= (PouchDBCore as PouchStatic)
    .plugin(httpAdapter)
    .plugin(memoryAdapter)
    .plugin(replication);
  return configured;
}

/** A fresh in-memory database for one sync's working copy (destroy it after). */
export function memoryDatabase(): PouchDatabase {
  const P = pouch();
  return new P(`fcw-team-${randomBytes(8).toString('hex')}`, { adapter: 'memory' });
}

/** The team database at `url` (no credentials in it), authenticating each request. */
export function remoteDatabase(url: URL, credentials: CouchCredentials): PouchDatabase {
  const P = pouch();
  const auth = basicAuth(credentials);
  const db = new P(`${url.origin}${url.pathname}`, {
    skip_setup: true,
    fetch: (u: string | URL, init: { headers: Headers } & Record<string, unknown>) => {
      init.headers.set('Authorization', auth);
      return P.fetch(u, init);
    },
  });
  // PouchDB 9's replication asks the source for `info()` after each batch only to count
  // progress, and leaves that promise without a rejection handler: a server that goes away
  // mid-pull would end the whole process with an unhandled rejection. Remote progress counts
  // are not worth that, so a failed `info()` answers zeros; replication itself still fails and
  // is retried (its own requests reject as usual).
  const info = db.info.bind(db);
  db.info = () =>
    info().catch(() => ({ update_seq: 0, doc_count: 0, db_name: url.pathname.slice(1) }));
  return db;
}
