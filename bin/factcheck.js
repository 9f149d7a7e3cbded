#!/usr/bin/env node
// `npx factcheck …`: the command line (electron/cli/main.ts), run through tsx
// so it works from a clone after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
