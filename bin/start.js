#!/usr/bin/env node
// `npm start`: the desktop app when the Electron binary is installed, browser mode otherwise.
//
// With the binary: rebuild what is stale (the renderer into dist/renderer, the main and
// preload bundles into out/), then launch Electron on this folder. `--data-dir DIR` is
// passed to Electron as FACTCHECK_DATA_DIR.
// Without it (`require('electron')` throws "Electron failed to install correctly"): print
// one line saying so and start browser mode with bin/web.js's `runWeb`, which builds the
// renderer if needed, starts the loopback host and prints the URL to open. The command-line
// arguments (`--data-dir DIR`, `--port N`) go to browser mode unchanged; FACTCHECK_DATA_DIR
// becomes `--data-dir` when that is not given, so the variable works in both modes.
//
// FACTCHECK_TRY_ELECTRON_INSTALL=1 makes one attempt to run the electron package's own
// install.js (a binary download, bounded by a timeout) before falling back. It is opt-in
// because the project deliberately keeps that install script disabled (package.json
// allowScripts): downloading a browser runtime is the user's decision, not a side effect.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const INSTALL_TIMEOUT_MS = 120_000;

/** The Electron binary's path, or null when the package has no binary. */
function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** One bounded attempt at electron's own install.js; true when a binary exists afterwards. */
function tryInstallElectron() {
  const script = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  const result = spawnSync(process.execPath, [script], {
    stdio: 'inherit',
    timeout: INSTALL_TIMEOUT_MS,
  });
  if (result.error || result.status !== 0) return false;
  delete require.cache[require.resolve('electron')];
  return electronBinary() !== null;
}

/** Newest modification time (ms) of the files under the given folders. */
function newestMtime(dirs) {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  return newest;
}

/** True when `output` is missing or older than any file under `sources`. */
function isStale(output, sources) {
  const out = path.join(root, output);
  return !existsSync(out) || statSync(out).mtimeMs < newestMtime(sources);
}

function run(script) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', script], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error(`"npm run ${script}" failed; the app was not started.`);
    process.exit(result.status ?? 1);
  }
}

/** `--data-dir DIR` (or `--data-dir=DIR`) from the command line; the rest is for the app. */
function dataDirArg() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { 'data-dir': { type: 'string' } },
    strict: false,
  });
  return typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;
}

async function main() {
  let binary = electronBinary();
  if (!binary && process.env.FACTCHECK_TRY_ELECTRON_INSTALL === '1' && tryInstallElectron())
    binary = electronBinary();

  if (!binary) {
    console.log(
      'Electron is not installed on this machine (its binary was not downloaded); starting browser mode instead.',
    );
    const web = path.join(root, 'bin', 'web.js');
    if (!existsSync(web)) {
      console.error('Browser mode is not available either: bin/web.js is missing.');
      process.exit(1);
    }
    const argv = process.argv.slice(2);
    const envDataDir = process.env.FACTCHECK_DATA_DIR?.trim();
    // The web host parses the arguments (electron/web/web-args.ts); here only: is a directory given?
    const given = argv.some((a) => a === '--data-dir' || a.startsWith('--data-dir='));
    if (envDataDir && !given) argv.push('--data-dir', envDataDir);
    const { runWeb } = await import(pathToFileURL(web).href);
    await runWeb(argv);
    return;
  }

  const web = path.join(root, 'bin', 'web.js');
  if (existsSync(web)) (await import(pathToFileURL(web).href)).ensureRendererBuilt();
  else if (isStale('dist/renderer/index.html', ['renderer', 'shared'])) run('build:renderer');
  if (
    isStale('out/electron/main/main.js', ['electron', 'shared']) ||
    isStale('out/electron/preload/preload.cjs', ['electron/preload', 'shared'])
  ) {
    run('build:electron');
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const dataDir = dataDirArg();
  if (dataDir) env.FACTCHECK_DATA_DIR = path.resolve(dataDir);
  const child = spawn(binary, [root], { stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

await main();
