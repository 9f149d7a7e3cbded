/** The session store: see `session-store.ts`. This module only re-exports. */
export { openSessionStore, type SessionStore, type SessionStoreOptions } from './session-store';
export { acquireDataDirLock, LockedError, LOCK_FILE_NAME, type DataDirLock } from './data-dir-lock';
export { StoreError } from './store-errors';
export { MIGRATIONS, migrateToCurrent, type Migration } from './migrations';
export { writeFileDurable, type DurableWriteOptions, type WriteFs } from './durable-write';
