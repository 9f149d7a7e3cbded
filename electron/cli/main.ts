/**
 * `factcheck`: the command line for newsroom pipelines, built on the same
 * shared/ code as the app, so both write byte-identical exports.
 *
 *   factcheck session new --title T --article FILE [--article FILE …] --out S.fcw.json
 *   factcheck annotations import S.fcw.json ANNOTATIONS.jsonld [--article N]
 *   factcheck export S.fcw.json --format html|pdf|md|csv|w3c|claimreview|brat --out PATH [--org NAME] [--base-url URL]
 *   factcheck check S.fcw.json
 *   factcheck suggest ARTICLE [--json]
 *   factcheck similar "TEXT" --in S1.fcw.json [S2.fcw.json …] [--claimreview F.jsonld …] [--json]
 *   factcheck annotations list | verdict | sync | conflicts | resolve | status | merge  (team review,
 *     team-commands.ts)
 *
 * Every command exits non-zero with a one-line reason on bad input (2 for a
 * usage mistake, 1 otherwise) and never replaces an existing file without
 * `--force`. `bin/factcheck.js` runs this module from its bundle (build/build-node.mjs),
 * which loads each command's code only when that command runs.
 */
import { parseArgs } from 'node:util';
import { CliError } from './cli-error';
import type { CliIo } from './commands';

// Each command's module is imported when that command runs, so `factcheck --help` loads none of
// them, `check` loads only the session validator (zod, the ProseMirror schema), and the report
// renderers, the import pipeline (htmlparser2, markdown-it), the PDF printer and the suggest
// engine (minisearch, stemmer) load only for the commands that use them (issue 11, cli-start:
// start-up within 5× of `node -e 0`).
const commands = () => import('./commands');
const suggestModule = () => import('./suggest-command');
const similarModule = () => import('./similar-command');
const teamCommands = () => import('./team-commands');

export const USAGE = `Usage:
  factcheck session new --title T --article FILE [--article FILE …] --out S.fcw.json [--force]
  factcheck annotations import S.fcw.json ANNOTATIONS.jsonld [--article N]
  factcheck export S.fcw.json --format html|pdf|md|csv|w3c|claimreview|brat --out PATH [--org NAME] [--base-url URL] [--force]
  factcheck check S.fcw.json
  factcheck suggest ARTICLE [--json]
  factcheck similar "TEXT" --in S1.fcw.json [S2.fcw.json …] [--claimreview F.jsonld …] [--json]

Team review:
  factcheck annotations list S.fcw.json [--json]
  factcheck verdict S.fcw.json --claim ID --rating NAME [--rationale TEXT] --reviewer NAME [--editor]
  factcheck sync S.fcw.json --remote URL --reviewer NAME [--credentials-file F] [--allow-insecure-http]
  factcheck conflicts S.fcw.json [--json]
  factcheck resolve S.fcw.json --item ID --field F --value V --reviewer NAME
  factcheck status S.fcw.json [--set draft|in-review|approved|published --reviewer NAME [--editor]]
  factcheck merge A.fcw.json B.fcw.json --out C.fcw.json [--force] [--reviewer NAME]
Sync credentials: FACTCHECK_COUCH_CREDENTIALS=user:password or an owner-only --credentials-file.
Remotes must be https (plain http only to this computer, or with --allow-insecure-http).

Inputs must be regular files. Outputs go to new paths or regular files (--force to replace one),
never over a folder, FIFO or device, and never through a symbolic link unless --follow-symlinks.
Exports stamp the current time; set SOURCE_DATE_EPOCH (seconds) to fix it.
PDF uses Chromium at CHROMIUM_PATH or /usr/bin/chromium.`;

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

function parse(args: string[], options: Options, positionals: number, usage: string) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new CliError(
      `${err instanceof Error ? err.message.split('\n')[0] : String(err)} (usage: ${usage})`,
      2,
    );
  }
  if (parsed.positionals.length !== positionals) {
    throw new CliError(
      `expected ${positionals} file argument${positionals === 1 ? '' : 's'} (usage: ${usage})`,
      2,
    );
  }
  return parsed as {
    values: Record<string, string | string[] | boolean | undefined>;
    positionals: string[];
  };
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (!command) throw new CliError('no command given (try factcheck --help)', 2);
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (command === 'session' && sub === 'new') {
    const { values } = parse(
      rest,
      {
        title: { type: 'string' },
        article: { type: 'string', multiple: true },
        out: { type: 'string' },
        force: { type: 'boolean' },
        'follow-symlinks': { type: 'boolean' },
      },
      0,
      'factcheck session new --title T --article FILE … --out S.fcw.json',
    );
    const { sessionNew } = await commands();
    await sessionNew(values as Parameters<typeof sessionNew>[0], io);
    return 0;
  }
  if (command === 'annotations' && sub === 'import') {
    const { values, positionals } = parse(
      rest,
      { article: { type: 'string' }, 'follow-symlinks': { type: 'boolean' } },
      2,
      'factcheck annotations import S.fcw.json ANNOTATIONS.jsonld [--article N]',
    );
    const { annotationsImport } = await commands();
    await annotationsImport(
      positionals[0]!,
      positionals[1]!,
      values as { article?: string; 'follow-symlinks'?: boolean },
      io,
    );
    return 0;
  }
  if (command === 'annotations' && sub === 'list') {
    const { values, positionals } = parse(
      rest,
      { json: { type: 'boolean' } },
      1,
      'factcheck annotations list S.fcw.json [--json]',
    );
    const { annotationsList } = await teamCommands();
    annotationsList(positionals[0]!, values as { json?: boolean }, io);
    return 0;
  }
  const args = sub === undefined ? [] : [sub, ...rest];
  if (command === 'verdict') {
    const { values, positionals } = parse(
      args,
      {
        claim: { type: 'string' },
        rating: { type: 'string' },
        rationale: { type: 'string' },
        reviewer: { type: 'string' },
        editor: { type: 'boolean' },
      },
      1,
      'factcheck verdict S.fcw.json --claim ID --rating NAME [--rationale TEXT] --reviewer NAME',
    );
    const { verdictCommand } = await teamCommands();
    verdictCommand(positionals[0]!, values as Parameters<typeof verdictCommand>[1], io);
    return 0;
  }
  if (command === 'sync') {
    const { values, positionals } = parse(
      args,
      {
        remote: { type: 'string' },
        reviewer: { type: 'string' },
        'credentials-file': { type: 'string' },
        'allow-insecure-http': { type: 'boolean' },
      },
      1,
      'factcheck sync S.fcw.json --remote URL --reviewer NAME',
    );
    const { syncCommand } = await teamCommands();
    await syncCommand(positionals[0]!, values as Parameters<typeof syncCommand>[1], io);
    return 0;
  }
  if (command === 'conflicts') {
    const { values, positionals } = parse(
      args,
      { json: { type: 'boolean' } },
      1,
      'factcheck conflicts S.fcw.json [--json]',
    );
    const { conflictsCommand } = await teamCommands();
    conflictsCommand(positionals[0]!, values as { json?: boolean }, io);
    return 0;
  }
  if (command === 'resolve') {
    const { values, positionals } = parse(
      args,
      {
        item: { type: 'string' },
        field: { type: 'string' },
        value: { type: 'string' },
        reviewer: { type: 'string' },
      },
      1,
      'factcheck resolve S.fcw.json --item ID --field F --value V --reviewer NAME',
    );
    const { resolveCommand } = await teamCommands();
    resolveCommand(positionals[0]!, values as Parameters<typeof resolveCommand>[1], io);
    return 0;
  }
  if (command === 'status') {
    const { values, positionals } = parse(
      args,
      { set: { type: 'string' }, reviewer: { type: 'string' }, editor: { type: 'boolean' } },
      1,
      'factcheck status S.fcw.json [--set STATUS --reviewer NAME [--editor]]',
    );
    const { statusCommand } = await teamCommands();
    statusCommand(positionals[0]!, values as Parameters<typeof statusCommand>[1], io);
    return 0;
  }
  if (command === 'merge') {
    const { values, positionals } = parse(
      args,
      { out: { type: 'string' }, force: { type: 'boolean' }, reviewer: { type: 'string' } },
      2,
      'factcheck merge A.fcw.json B.fcw.json --out C.fcw.json',
    );
    const { mergeCommand } = await teamCommands();
    mergeCommand(
      positionals[0]!,
      positionals[1]!,
      values as Parameters<typeof mergeCommand>[2],
      io,
    );
    return 0;
  }
  if (command === 'export') {
    const { values, positionals } = parse(
      sub === undefined ? [] : [sub, ...rest],
      {
        format: { type: 'string' },
        out: { type: 'string' },
        org: { type: 'string' },
        'base-url': { type: 'string' },
        force: { type: 'boolean' },
        'follow-symlinks': { type: 'boolean' },
      },
      1,
      'factcheck export S.fcw.json --format F --out PATH',
    );
    const { exportCommand } = await commands();
    await exportCommand(positionals[0]!, values as Parameters<typeof exportCommand>[1], io);
    return 0;
  }
  if (command === 'check') {
    const { positionals } = parse(
      sub === undefined ? [] : [sub, ...rest],
      {},
      1,
      'factcheck check S.fcw.json',
    );
    const { checkCommand } = await commands();
    return checkCommand(positionals[0]!, io);
  }
  if (command === 'suggest') {
    const { values, positionals } = parse(
      sub === undefined ? [] : [sub, ...rest],
      { json: { type: 'boolean' } },
      1,
      'factcheck suggest ARTICLE [--json]',
    );
    const { suggestCommand } = await suggestModule();
    await suggestCommand(positionals[0]!, values as { json?: boolean }, io);
    return 0;
  }
  if (command === 'similar') {
    const { similarCommand } = await similarModule();
    similarCommand(sub === undefined ? [] : [sub, ...rest], io);
    return 0;
  }
  throw new CliError(
    `unknown command "${[command, sub].filter(Boolean).join(' ').slice(0, 60)}" (try factcheck --help)`,
    2,
  );
}

/**
 * Run the CLI. Returns the exit code; messages go to `stdout`, the one-line
 * reason for a failure to `stderr` as `factcheck: <reason>`.
 */
export async function main(
  argv: string[],
  streams: {
    stdout: NodeJS.WritableStream;
    stderr: NodeJS.WritableStream;
    env: NodeJS.ProcessEnv;
  } = process,
): Promise<number> {
  const io: CliIo = { out: (line) => streams.stdout.write(`${line}\n`), env: streams.env };
  try {
    return await dispatch(argv, io);
  } catch (err) {
    const reason =
      err instanceof CliError
        ? err.message
        : `unexpected error: ${err instanceof Error ? err.message : String(err)}`;
    streams.stderr.write(`factcheck: ${reason.replace(/\s*\n\s*/g, ' ')}\n`);
    return err instanceof CliError ? err.exitCode : 1;
  }
}
