/**
 * Structural types of what the shell needs from the API service
 * (`electron/service/api-service.ts`). Kept structural so the shell's tests
 * and the service evolve independently; `main.ts` passes the real service.
 */
import type { ApiResult } from '../../shared/api/contract';

/** The API service as the shell uses it. `handle` never throws. */
export interface ShellApiService {
  handle(method: string, payload: unknown): Promise<ApiResult<unknown>>;
  flushAll(): Promise<void>;
  close(): Promise<void>;
}

/** Renders an HTML report to PDF bytes (implemented with `webContents.printToPDF`). */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
}

/** Options the shell passes to `createApiService`. */
export interface ShellServiceOptions {
  dataDir: string;
  seedsDir: string;
  host: 'electron' | 'browser';
  version: string;
  pdf?: PdfPrinter;
}
