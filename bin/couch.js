#!/usr/bin/env node
// `npm run couch -- --port N --data-dir DIR`: a CouchDB-compatible server on 127.0.0.1 for
// development and tests (express-pouchdb over LevelDB, from pouchdb-server's own packages).
// Production is Apache CouchDB 3.x (docs/team.md); this is the stand-in that needs nothing
// but npm.
//
// - The admin comes from FACTCHECK_COUCH_ADMIN=user:password (required). It is written into the
//   server's config through its own `PUT /_config/admins/NAME`, so it is stored hashed.
// - require_valid_user: every request must carry HTTP Basic credentials; a request without them
//   gets 401 here, and wrong ones get 401 from the server's own authentication. (express-pouchdb
//   has no require_valid_user of its own; cookie sessions are not accepted on their own.)
// - Prints `COUCH_URL http://127.0.0.1:PORT` (never with credentials) once it answers, and stops
//   on SIGTERM/SIGINT. `--port 0` picks a free port.
//
// `startCouch()` is exported for the test helper and the simulation, which run it in a child
// process so it can be SIGKILLed.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
// express-pouchdb 4.2 expects the PouchDB 7 that pouchdb-server brings along.
const serverRequire = createRequire(require.resolve('pouchdb-server/package.json'));

/** Parse `user:password`; null when malformed. */
export function parseUserPassword(value) {
  if (typeof value !== 'string') return null;
  const i = value.indexOf(':');
  if (i <= 0 || i === value.length - 1) return null;
  return { user: value.slice(0, i), password: value.slice(i + 1) };
}

/**
 * Start the server. Resolves with `{ url, port, close() }` once it listens and the admin is set.
 */
export async function startCouch({ port, dataDir, admin, quiet = false }) {
  const express = serverRequire('express');
  const PouchDB = serverRequire('pouchdb-core')
    .plugin(serverRequire('pouchdb-adapter-http'))
    .plugin(serverRequire('pouchdb-replication'))
    .plugin(serverRequire('pouchdb-mapreduce'))
    .plugin(serverRequire('pouchdb-adapter-leveldb'));
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const Pouch = PouchDB.defaults({ prefix: `${dir}${path.sep}` });
  const pouchApp = require('express-pouchdb')(Pouch, {
    configPath: path.join(dir, 'config.json'),
    logPath: path.join(dir, 'log.txt'),
    mode: 'fullCouchDB',
  });
  const app = express();
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    const auth = req.headers.authorization;
    if (typeof auth === 'string' && /^Basic\s+\S+/i.test(auth)) return next();
    res.status(401);
    res.set('WWW-Authenticate', 'Basic realm="server"');
    res.json({ error: 'unauthorized', reason: 'Authentication required.' });
  });
  // express-pouchdb has no `_selector` filter, and asking for one crashes it with an unhandled
  // error event: answer 400 instead, as a server without the feature would.
  app.use((req, res, next) => {
    if (/\/_changes$/.test(req.path) && req.query.filter === '_selector') {
      res.status(400).json({ error: 'bad_request', reason: '_selector filters are not supported' });
      return;
    }
    next();
  });
  app.use(pouchApp);
  // Admin: set through the server's config (hashed on write). The config is first written
  // before any request can arrive. On a restart express-pouchdb also rewrites the existing file
  // as it starts, through the same temporary name: when the two writes cross, one rename finds
  // no file (ENOENT). Both write the same settings, so that write is simply made again.
  const setConfig = async (section, key, value) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await new Promise((resolve, reject) =>
          pouchApp.couchConfig.set(section, key, value, (err) => (err ? reject(err) : resolve())),
        );
        return;
      } catch (err) {
        if (err?.code !== 'ENOENT' || attempt >= 10) throw err;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  };
  await setConfig('admins', admin.user, admin.password);
  await setConfig('couch_httpd_auth', 'require_valid_user', true);
  const server = await new Promise((resolve, reject) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const actual = server.address().port;
  const url = `http://127.0.0.1:${actual}`;
  if (!quiet) process.stdout.write(`COUCH_URL ${url}\n`);
  return {
    url,
    port: actual,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(
      `couch: ${err.message}\nUsage: npm run couch -- --port N --data-dir DIR\n`,
    );
    process.exit(2);
  }
  const port = Number(values.port ?? '5984');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write('couch: --port must be a port number (0 picks a free one).\n');
    process.exit(2);
  }
  if (!values['data-dir']) {
    process.stderr.write('couch: --data-dir DIR is required.\n');
    process.exit(2);
  }
  const admin = parseUserPassword(process.env.FACTCHECK_COUCH_ADMIN);
  if (!admin) {
    process.stderr.write('couch: set FACTCHECK_COUCH_ADMIN=user:password for the admin.\n');
    process.exit(2);
  }
  try {
    const couch = await startCouch({ port, dataDir: values['data-dir'], admin });
    const stop = () => couch.close().then(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  } catch (err) {
    process.stderr.write(`couch: cannot start: ${err.message}\n`);
    process.exit(1);
  }
}
