/**
 * Browser mode: `npm run web -- [--data-dir DIR] [--port N] [--new-token]`.
 *
 * Takes the data directory's lock (a second host on the same directory
 * refuses with a clear message), opens the API service, serves it on
 * 127.0.0.1 and prints ONE line with the URL to open, token included. The
 * token is kept in the data directory (owner-only, see `host-token.ts`), so a
 * restart on the same directory and port leaves open tabs working;
 * `--new-token` makes a fresh one.
 * Scripts find that line by its `http://127.0.0.1:` prefix.
 * Ctrl+C (SIGINT) or SIGTERM flushes every session and releases the lock.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiService } from '../service/api-service';
import { acquireDataDirLock } from '../service/store';
import { startWebHost } from './web-host';
import { loadOrCreateToken } from './host-token';
import { parseWebArgs, type WebArgs } from './web-args';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  let args: WebArgs;
  try {
    args = parseWebArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`factcheck web: ${(e as Error).message}`);
    process.exit(2);
  }
  const version = (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
  ).version;
  let lock;
  try {
    lock = await acquireDataDirLock(args.dataDir);
  } catch (e) {
    console.error(`factcheck web: ${(e as Error).message}`);
    process.exit(1);
  }
  let token: string;
  try {
    const kept = await loadOrCreateToken(args.dataDir, { fresh: args.newToken });
    if (kept.renewed) console.error(`factcheck web: ${kept.renewed}`);
    token = kept.token;
  } catch (e) {
    console.error(`factcheck web: the access token could not be kept: ${(e as Error).message}`);
    await lock.release();
    process.exit(1);
  }
  const { createChromiumPdfPrinter } = await import('../service/pdf-chromium');
  const service = await createApiService({
    dataDir: args.dataDir,
    seedsDir: join(root, 'seeds'),
    host: 'browser',
    version,
    // Kept warm between exports (closed with the service): a PDF then takes about a second.
    pdf: createChromiumPdfPrinter(undefined, { keepAliveMs: 5 * 60_000 }),
  });
  const host = await startWebHost({
    service,
    staticDir: join(root, 'dist', 'renderer'),
    port: args.port,
    token,
  });
  console.log(`Factcheck Workbench (browser mode) is running. Open ${host.url}`);
  console.log(`Sessions are kept in ${args.dataDir}. Press Ctrl+C to stop.`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    host.broadcast('before-quit', {});
    // No change may reach the store after its last save: stop taking requests first
    // (pages keep their edits and retry), then close the service.
    await host.quiesce();
    await service.close();
    await host.close();
    await lock.release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
