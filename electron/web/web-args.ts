/** The command line of browser mode: `npm run web -- [--data-dir DIR] [--port N] [--new-token]`. */
import { resolve } from 'node:path';
import { defaultDataDir } from '../service/data-dir';

export interface WebArgs {
  dataDir: string;
  port: number;
  /** Replace the kept access token with a new one (open tabs then need the new address). */
  newToken: boolean;
}

/** Parse `--data-dir DIR`, `--port N` (also `--x=value`) and `--new-token`. Throws with a one-line reason. */
export function parseWebArgs(argv: string[]): WebArgs {
  const out: WebArgs = { dataDir: defaultDataDir(), port: 0, newToken: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--new-token' && inline === undefined) out.newToken = true;
    else if (flag === '--data-dir') out.dataDir = resolve(value());
    else if (flag === '--port') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 65535)
        throw new Error('--port must be a number from 0 to 65535');
      out.port = n;
    } else throw new Error(`unknown option ${flag} (use --data-dir DIR, --port N, --new-token)`);
  }
  return out;
}
