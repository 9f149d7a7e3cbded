/**
 * The local CouchDB-compatible server (`npm run couch`, bin/couch.js) for
 * tests: started as a child process on a free port of 127.0.0.1 with its own
 * data folder, so a test can stop it, SIGKILL it and start it again on the
 * same port and data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './shared-material';

export const COUCH_ADMIN = { user: 'admin', password: 'admin-secret-for-tests' };

export interface CouchServer {
  url: string;
  port: number;
  dataDir: string;
  /** The server's process id (for the record; use kill/stop to end it). */
  pid: () => number | undefined;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
  /** SIGKILL and wait: no chance to flush or close. */
  kill(): Promise<void>;
  /** Start again on the same port and data folder. */
  restart(): Promise<void>;
  /** An admin request: `PUT /db`, users, security. Throws on an error status. */
  admin(method: string, path: string, body?: unknown): Promise<unknown>;
}

const START_TIMEOUT_MS = 60_000;

function launch(port: number, dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(REPO_ROOT, 'bin', 'couch.js'), '--port', String(port), '--data-dir', dataDir],
      {
        env: {
          ...process.env,
          FACTCHECK_COUCH_ADMIN: `${COUCH_ADMIN.user}:${COUCH_ADMIN.password}`,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the couch server did not start in time: ${err}`));
    }, START_TIMEOUT_MS);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /COUCH_URL http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the couch server exited (${code}): ${err}`));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

/** Start a server on a free port (or `port`) with a fresh data folder (or `dataDir`). */
export async function startCouchServer(
  opts: { port?: number; dataDir?: string } = {},
): Promise<CouchServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'fcw-couch-'));
  let { child, port } = await launch(opts.port ?? 0, dataDir);
  const url = `http://127.0.0.1:${port}`;
  const auth = `Basic ${Buffer.from(`${COUCH_ADMIN.user}:${COUCH_ADMIN.password}`).toString('base64')}`;
  return {
    url,
    port,
    dataDir,
    pid: () => child.pid,
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async restart() {
      // The port may take a moment to be free again after a kill.
      for (let i = 0; ; i++) {
        try {
          ({ child, port } = await launch(port, dataDir));
          return;
        } catch (e) {
          if (i >= 20) throw e;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    },
    async admin(method, path, body) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json: unknown = await res.json();
      if (res.status >= 400)
        throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    },
  };
}

/** Create a user with roles on the server. */
export async function addCouchUser(
  server: CouchServer,
  name: string,
  password: string,
  roles: string[] = ['reviewer'],
): Promise<void> {
  await server.admin('PUT', `/_users/org.couchdb.user:${encodeURIComponent(name)}`, {
    name,
    password,
    roles,
    type: 'user',
  });
}
