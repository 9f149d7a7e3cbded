// Bundles the Node entry points that run outside Electron, with esbuild:
//   electron/cli/main.ts → out/node/factcheck.js   (the `factcheck` command)
//   electron/web/main.ts → out/node/web.js         (browser mode's loopback host)
//   electron/service/import/import-worker.ts → out/node/import-worker.js (the import's worker
//                          thread; import-runner.ts finds it beside the module that runs it, so
//                          chunks sit beside the entries, not in a folder of their own)
//   electron/service/suggest/suggest-worker.ts → out/node/suggest-worker.js (the suggestion
//                          analysis's worker thread, found the same way)
// ES modules with code splitting and npm packages left external, so a command
// loads only the chunks (and packages) it reaches: `factcheck --help` never
// loads jsdom. Nothing runs TypeScript at run time, so tsx does not ship.
//
// `ensureNodeBuilt()` is what bin/factcheck.js and bin/web.js call: it
// rebuilds only when a source file is newer than the last build's stamp, so a
// fresh clone works without a build step and a built tree starts at once.
// Every output file is written to a temporary name and renamed into place, so
// two processes building at the same moment (two e2e workers) never see a
// half-written file.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_OUT = path.join(root, 'out', 'node');
/** Folders whose files end up in the bundles; a newer file in any of them means a rebuild. */
const SOURCES = ['shared', 'electron/service', 'electron/cli', 'electron/web'];
const STAMP = '.built';

export const ENTRIES = {
  factcheck: 'electron/cli/main.ts',
  web: 'electron/web/main.ts',
  'import-worker': 'electron/service/import/import-worker.ts',
  'suggest-worker': 'electron/service/suggest/suggest-worker.ts',
};

/** Build every entry into `outDir`. Resolves with the path of each entry's output. */
export async function buildNode({ outDir = DEFAULT_OUT } = {}) {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(
      Object.entries(ENTRIES).map(([name, file]) => [name, path.join(root, file)]),
    ),
    outdir: outDir,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  for (const file of result.outputFiles) {
    mkdirSync(path.dirname(file.path), { recursive: true });
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
  const tmpStamp = path.join(outDir, `${STAMP}.${process.pid}.tmp`);
  writeFileSync(tmpStamp, new Date().toISOString());
  renameSync(tmpStamp, path.join(outDir, STAMP));
  return Object.fromEntries(Object.keys(ENTRIES).map((n) => [n, path.join(outDir, `${n}.js`)]));
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The path of `name`'s bundle, rebuilt first if any source is newer than the
 * last build. Where the sources are absent (an installed package), the
 * shipped bundle is used as it is.
 */
export async function ensureNodeBuilt(name) {
  const out = path.join(DEFAULT_OUT, `${name}.js`);
  const stamp = path.join(DEFAULT_OUT, STAMP);
  const present = SOURCES.map((s) => path.join(root, s)).filter((s) => existsSync(s));
  if (present.length === 0) return out;
  const built = existsSync(stamp) && existsSync(out) ? statSync(stamp).mtimeMs : 0;
  if (built > Math.max(...present.map(newestMtime))) return out;
  await buildNode();
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outputs = await buildNode();
  console.log(
    `Built ${Object.values(outputs)
      .map((p) => path.relative(root, p))
      .join(' and ')}`,
  );
}
