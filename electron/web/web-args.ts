/**
 * The command line of browser mode: `npm run web -- [--data-dir DIR] [--port N] [--new-token]`.
 * Parsed with Node's own `util.parseArgs` (as the CLI is), strictly: an unknown option, a
 * missing value or a stray argument is refused with a one-line reason.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../service/data-dir';

export interface WebArgs {
  dataDir: string;
  port: number;
  /** Replace the kept access token with a new one (open tabs then need the new address). */
  newToken: boolean;
}

const USAGE = 'use --data-dir DIR, --port N, --new-token';

/** Parse `--data-dir DIR`, `--port N` (also `--x=value`) and `--new-token`. Throws with a one-line reason. */
export function parseWebArgs(argv: string[]): WebArgs {
  let values: { 'data-dir'?: string; port?: string; 'new-token'?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        'new-token': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    // parseArgs explains at length; one line naming the argument is enough here.
    const err = e as Error & { code?: string };
    const named = /'([^']+)'/.exec(err.message)?.[1] ?? '';
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new Error(`unknown option ${named} (${USAGE})`);
    if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new Error(`unexpected argument ${named} (${USAGE})`);
    const first = err.message.split('\n')[0]!.replace(/\.$/, '');
    throw new Error(`${first} (${USAGE})`);
  }
  const given = (flag: 'data-dir' | 'port'): string | undefined => {
    const v = values[flag];
    if (v === '') throw new Error(`--${flag} needs a value`);
    return v;
  };
  const dir = given('data-dir');
  const portText = given('port');
  const port = portText === undefined ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('--port must be a number from 0 to 65535');
  return {
    dataDir: dir === undefined ? defaultDataDir() : resolve(dir),
    port,
    newToken: values['new-token'] ?? false,
  };
}
