/**
 * Entry of the Electron main process (bundled to out/electron/main/main.js by
 * build/build-electron.mjs). Everything here runs synchronously before the
 * `ready` event; see app-lifecycle.ts for the sequence.
 */
import { createApiService } from '../service/api-service';
import { startApp } from './app-lifecycle';

startApp({ createService: createApiService });
