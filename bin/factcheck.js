#!/usr/bin/env node
// `npx factcheck …`: the command line (electron/cli/main.ts), bundled to
// out/node/factcheck.js by build/build-node.mjs (rebuilt here first when a
// source is newer than the bundle, so a fresh clone needs no build step).
import { pathToFileURL } from 'node:url';
import { ensureNodeBuilt } from '../build/build-node.mjs';

const { main } = await import(pathToFileURL(await ensureNodeBuilt('factcheck')).href);
process.exitCode = await main(process.argv.slice(2));
