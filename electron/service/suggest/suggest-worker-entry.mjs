// Entry of the suggestion worker when the app runs from source (tsx, vitest):
// the worker thread registers tsx itself, then loads the TypeScript body. The
// builds bundle suggest-worker.ts instead (build/build-electron.mjs, build-node.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./suggest-worker.ts');
