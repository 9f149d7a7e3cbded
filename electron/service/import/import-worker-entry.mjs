// Entry of the import worker when the app runs from source (tsx, vitest): the
// worker thread registers tsx itself, then loads the TypeScript body. The
// desktop build bundles import-worker.ts instead (build/build-electron.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
