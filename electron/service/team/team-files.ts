/**
 * What the team layer keeps in the data directory, under `team/`:
 *
 * - `reviewer.json`: this installation's reviewer (name, stable random id, role);
 * - `connection.json`: the team database's URL (without credentials), the user name, the server;
 * - `credentials`: `user:password`, owner-only (mode 600), read back with the same checks as
 *   the CLI's `--credentials-file` (owner, mode). When the host gives a {@link SecretBox} (the
 *   desktop app: Electron's `safeStorage`), `credentials.sealed` holds them encrypted instead;
 * - `sessions/<id>.json`: each tracked session's team section (the shared documents, which are
 *   dirty, the remote shown without credentials), as in a portable file.
 *
 * Credentials go nowhere else: not into session files, exports, logs or messages.
 */
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ReviewerIdentity, TeamConnection } from '../../../shared/api/team-types';
import { makeReviewer, REVIEWER_ROLES, REVIEWER_ID_RE } from '../../../shared/team/reviewer';
import type { Session } from '../../../shared/model/session';
import { packTeamState, unpackTeamState, type TeamFileInfo } from '../../../shared/team/team-file';
import type { TeamState } from '../../../shared/team/team-state';
import { writeFileDurable } from '../store/durable-write';
import { isSafeSessionId } from '../store/store-layout';
import { loadCredentials, parseCredentials, type CouchCredentials } from './couch-access';

/** Encrypts secrets with the operating system's keychain (Electron's `safeStorage`). */
export interface SecretBox {
  seal(text: string): Buffer;
  open(sealed: Buffer): string;
}

export interface StoredConnection extends TeamConnection {
  allowInsecureHttp: boolean;
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await fsp.readFile(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if (err instanceof SyntaxError) return null;
    throw err;
  }
}

export class TeamFiles {
  readonly dir: string;
  constructor(
    dataDir: string,
    private readonly secrets?: SecretBox,
  ) {
    this.dir = join(dataDir, 'team');
  }

  private async ensure(): Promise<void> {
    await fsp.mkdir(join(this.dir, 'sessions'), { recursive: true, mode: 0o700 });
  }

  private async write(name: string, data: string | Uint8Array): Promise<void> {
    await this.ensure();
    await writeFileDurable(join(this.dir, name), data);
  }

  /** The reviewer, created (random id, no name yet) on first use. */
  async identity(): Promise<ReviewerIdentity> {
    const raw = (await readJson(
      join(this.dir, 'reviewer.json'),
    )) as Partial<ReviewerIdentity> | null;
    if (
      raw &&
      typeof raw.id === 'string' &&
      REVIEWER_ID_RE.test(raw.id) &&
      typeof raw.name === 'string' &&
      REVIEWER_ROLES.includes(raw.role as never)
    )
      return { id: raw.id, name: raw.name, role: raw.role! };
    const fresh: ReviewerIdentity = { id: randomUUID(), name: '', role: 'reviewer' };
    await this.write('reviewer.json', JSON.stringify(fresh, null, 2));
    return fresh;
  }

  /** Rename the reviewer or change the role; the id stays. Returns a sentence when refused. */
  async setIdentity(
    name: string,
    role: ReviewerIdentity['role'],
  ): Promise<ReviewerIdentity | string> {
    const old = await this.identity();
    const r = makeReviewer(name, role, old.id);
    if (typeof r === 'string') return r;
    await this.write('reviewer.json', JSON.stringify(r, null, 2));
    return r;
  }

  async connection(): Promise<StoredConnection | null> {
    const raw = (await readJson(join(this.dir, 'connection.json'))) as StoredConnection | null;
    if (!raw || typeof raw.url !== 'string' || typeof raw.user !== 'string') return null;
    return {
      url: raw.url,
      user: raw.user,
      server: typeof raw.server === 'string' ? raw.server : '',
      allowInsecureHttp: raw.allowInsecureHttp === true,
    };
  }

  /** Keep the connection and its credentials (owner-only, or sealed). */
  async saveConnection(c: StoredConnection, credentials: CouchCredentials): Promise<void> {
    const secret = `${credentials.user}:${credentials.password}`;
    if (this.secrets) {
      await this.write('credentials.sealed', this.secrets.seal(secret));
      await fsp.rm(join(this.dir, 'credentials'), { force: true });
    } else await this.write('credentials', `${secret}\n`);
    await this.write('connection.json', JSON.stringify(c, null, 2));
  }

  async forgetConnection(): Promise<boolean> {
    const had = (await this.connection()) !== null;
    for (const f of ['connection.json', 'credentials', 'credentials.sealed'])
      await fsp.rm(join(this.dir, f), { force: true });
    return had;
  }

  /** The kept credentials; throws a TeamSyncError (in words, never quoting them) when unusable. */
  async credentials(): Promise<CouchCredentials> {
    if (this.secrets) {
      const sealed = await fsp.readFile(join(this.dir, 'credentials.sealed')).catch(() => null);
      const c = sealed ? parseCredentials(this.secrets.open(sealed)) : null;
      if (c) return c;
    }
    return loadCredentials({}, join(this.dir, 'credentials'));
  }

  private sessionFile(id: string): string {
    if (!isSafeSessionId(id)) throw new Error('unsafe session id');
    return join(this.dir, 'sessions', `${id}.json`);
  }

  /** The tracked session's team state, or null (never tracked). Throws with a sentence when damaged. */
  async readState(session: Session): Promise<{ state: TeamState; info: TeamFileInfo } | null> {
    const raw = await readJson(this.sessionFile(session.id));
    if (raw === null) return null;
    const r = unpackTeamState(raw, session);
    if (!r.ok) throw new Error(`The team copy of “${session.name}” is damaged: ${r.problems[0]}`);
    return { state: r.state, info: r.info };
  }

  async writeState(state: TeamState, session: Session, info: TeamFileInfo): Promise<void> {
    await this.ensure();
    await writeFileDurable(
      this.sessionFile(state.sessionId),
      JSON.stringify(packTeamState(state, session, info)),
    );
  }

  /** The ids of every tracked session (those with a team file). */
  async trackedIds(): Promise<string[]> {
    const names = await fsp.readdir(join(this.dir, 'sessions')).catch(() => [] as string[]);
    return names
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -'.json'.length))
      .filter(isSafeSessionId);
  }

  async hasState(id: string): Promise<boolean> {
    return fsp
      .access(this.sessionFile(id))
      .then(() => true)
      .catch(() => false);
  }
}
