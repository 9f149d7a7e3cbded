/**
 * Browser mode: `npm run web -- [--data-dir DIR] [--port N]`.
 *
 * Takes the data directory's lock (a second host on the same directory
 * refuses with a clear message), opens the API service, serves it on
 * 127.0.0.1 and prints ONE line with the URL to open, token included.
 * Scripts find that line by its `http://127.0.0.1:` prefix.
 * Ctrl+C (SIGINT) or SIGTERM flushes every session and releases the lock.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiService } from '../service/api-service';
import { defaultDataDir } from '../service/data-dir';
import { acquireDataDirLock } from '../service/store';
import { startWebHost } from './web-host';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface WebArgs {
  dataDir: string;
  port: number;
}

/** Parse `--data-dir DIR` and `--port N` (also `--x=value`). Throws with a one-line reason. */
export function parseWebArgs(argv: string[]): WebArgs {
  const out: WebArgs = { dataDir: defaultDataDir(), port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--data-dir') out.dataDir = resolve(value());
    else if (flag === '--port') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 65535)
        throw new Error('--port must be a number from 0 to 65535');
      out.port = n;
    } else throw new Error(`unknown option ${flag} (use --data-dir DIR and --port N)`);
  }
  return out;
}

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
  });
  console.log(`Factcheck Workbench (browser mode) is running. Open ${host.url}`);
  console.log(`Sessions are kept in ${args.dataDir}. Press Ctrl+C to stop.`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    host.broadcast('before-quit', {});
    await service.close();
    await host.close();
    await lock.release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
