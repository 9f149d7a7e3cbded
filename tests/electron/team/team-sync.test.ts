/**
 * Team review against the real local server (bin/couch.js: express-pouchdb
 * over LevelDB, in a child process on a free port): two reviewers with their
 * own session files, the `factcheck` commands, and the service's sync when
 * the server is SIGKILLed in the middle.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { renderPortableSession } from '../../../shared/interchange/portable-session';
import type { Session } from '../../../shared/model/session';
import { makeReviewer } from '../../../shared/team/reviewer';
import { recordSession } from '../../../shared/team/record-changes';
import { syncTeamState, type SyncProgress } from '../../../electron/service/team/team-sync';
import {
  annotateQuote,
  buildSeedArticle,
  buildSeedReview,
  CLAIM_ID,
} from '../../helpers/seed-review';
import { makeSession } from '../../helpers/session-fixtures';
import { addCouchUser, startCouchServer, type CouchServer } from '../../helpers/couch-server';

const PASSWORDS = { alice: 'alice-pw-1', bob: 'bob-pw-2', carol: 'carol-pw-3' };

let server: CouchServer;
let dir: string;
let remote: string;

interface Run {
  code: number;
  out: string;
  err: string;
}

async function factcheck(creds: string | null, ...args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void) =>
    ({ write: (s: string) => (f(s), true) }) as unknown as NodeJS.WritableStream;
  const env: NodeJS.ProcessEnv = { SOURCE_DATE_EPOCH: '' };
  if (creds) env.FACTCHECK_COUCH_CREDENTIALS = creds;
  const code = await main(args, {
    stdout: sink((s) => (out += s)),
    stderr: sink((s) => (err += s)),
    env,
  });
  return { code, out, err };
}

const alice = () => `alice:${PASSWORDS.alice}`;
const bob = () => `bob:${PASSWORDS.bob}`;

function readSession(path: string): Session {
  return (JSON.parse(readFileSync(path, 'utf8')) as { session: Session }).session;
}

/** Change a file's session the way the app does (the sync records it for the reviewer). */
function editFile(path: string, change: (s: Session) => Session): void {
  const file = JSON.parse(readFileSync(path, 'utf8')) as { session: Session };
  file.session = change(file.session);
  writeFileSync(path, JSON.stringify(file, null, 2));
}

async function sync(creds: string, path: string, reviewer: string): Promise<Run> {
  const r = await factcheck(creds, 'sync', path, '--remote', remote, '--reviewer', reviewer);
  if (r.code !== 0) throw new Error(`sync failed: ${r.err}`);
  return r;
}

beforeAll(async () => {
  server = await startCouchServer();
  remote = `${server.url}/newsroom`;
  await server.admin('PUT', '/newsroom');
  await server.admin('PUT', '/locked');
  for (const [name, pw] of Object.entries(PASSWORDS)) await addCouchUser(server, name, pw);
  await server.admin('PUT', '/newsroom/_security', {
    members: { names: ['alice', 'bob'], roles: [] },
    admins: { names: [], roles: [] },
  });
  await server.admin('PUT', '/locked/_security', { members: { names: ['alice'], roles: [] } });
  dir = mkdtempSync(join(tmpdir(), 'fcw-team-'));
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('two reviewers through the team server', () => {
  let a: string;
  let b: string;
  const added = () =>
    annotateQuote(buildSeedArticle(), 'McMaster', { id: 'added-by-bob', kind: 'evidence' });

  it('shares a session, merges offline work and keeps a verdict disagreement with who said what', async () => {
    a = join(dir, 'alice.fcw.json');
    b = join(dir, 'bob.fcw.json');
    writeFileSync(a, renderPortableSession(buildSeedReview(), '2024-01-01T00:00:00.000Z'));
    const first = await sync(alice(), a, 'Alice');
    expect(first.out).toMatch(/^pushed [1-9]\d*, pulled 0, disagreements 0$/m);
    copyFileSync(a, b); // Bob gets Alice's shared file

    // Offline, apart: different verdicts on the claim, and Bob adds an annotation.
    expect(
      (
        await factcheck(
          null,
          'verdict',
          a,
          '--claim',
          CLAIM_ID,
          '--rating',
          'False',
          '--reviewer',
          'Alice',
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await factcheck(
          null,
          'verdict',
          b,
          '--claim',
          CLAIM_ID,
          '--rating',
          'Misleading',
          '--rationale',
          'Pieces true',
          '--reviewer',
          'Bob',
        )
      ).code,
    ).toBe(0);
    editFile(b, (s) => ({ ...s, annotations: [...s.annotations, added()] }));

    expect((await sync(alice(), a, 'Alice')).out).toMatch(/^pushed 2, pulled 0, disagreements 0$/m);
    const bobSync = await sync(bob(), b, 'Bob');
    expect(bobSync.out).toMatch(/disagreements 1$/m);
    expect((await sync(alice(), a, 'Alice')).out).toMatch(/pulled [1-9]\d*, disagreements 1$/m);

    for (const file of [a, b]) {
      expect(readSession(file).annotations.map((x) => x.id)).toContain('added-by-bob');
      const c = await factcheck(null, 'conflicts', file);
      expect(c.code).toBe(0);
      const lines = c.out.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(CLAIM_ID);
      expect(lines[0]).toContain('verdict');
      expect(lines[0]).toContain('Alice: False');
      expect(lines[0]).toContain('Bob: Misleading');
    }
    const list = JSON.parse((await factcheck(null, 'annotations', 'list', a, '--json')).out) as {
      id: string;
      reviewerVerdicts: { reviewer: string; rating: string }[];
      disagreements: { field: string }[];
    }[];
    const claim = list.find((x) => x.id === CLAIM_ID)!;
    expect(claim.reviewerVerdicts.map((v) => `${v.reviewer}:${v.rating}`).sort()).toEqual([
      'Alice:False',
      'Bob:Misleading',
    ]);
    expect(claim.disagreements.map((d) => d.field)).toEqual(['verdict']);
    expect(list.find((x) => x.id === 'added-by-bob')).toBeTruthy();
  }, 120_000);

  it('resolves the disagreement as an ordinary change that reaches the other reviewer', async () => {
    const r = await factcheck(
      null,
      'resolve',
      a,
      '--item',
      CLAIM_ID,
      '--field',
      'verdict',
      '--value',
      'Misleading',
      '--reviewer',
      'Alice',
    );
    expect(r.code).toBe(0);
    expect((await factcheck(null, 'conflicts', a)).out).toBe('');
    await sync(alice(), a, 'Alice');
    expect((await sync(bob(), b, 'Bob')).out).toMatch(/disagreements 0$/m);
    expect(readSession(b).annotations.find((x) => x.id === CLAIM_ID)!.verdict?.stepId).toBe(
      'misleading',
    );
  }, 120_000);

  it('brings back an item one reviewer edited while the other deleted it, flagged in both', async () => {
    const target = buildSeedReview().annotations[2]!.id;
    editFile(a, (s) => ({
      ...s,
      annotations: s.annotations.filter((x) => x.id !== target),
      links: s.links.filter((l) => l.from !== target && l.to !== target),
    }));
    editFile(b, (s) => ({
      ...s,
      annotations: s.annotations.map((x) =>
        x.id === target ? { ...x, note: 'Bob checked the transcript' } : x,
      ),
    }));
    await sync(alice(), a, 'Alice');
    await sync(bob(), b, 'Bob');
    await sync(alice(), a, 'Alice');
    for (const file of [a, b]) {
      const back = readSession(file).annotations.find((x) => x.id === target);
      expect(back?.note).toBe('Bob checked the transcript');
      const c = (await factcheck(null, 'conflicts', file)).out;
      expect(c).toContain(target);
      expect(c).toContain('Alice: deleted');
      expect(c).toContain('Bob: edited');
    }
  }, 120_000);
});

describe('refusals leave the file byte-identical', () => {
  let file: string;
  beforeAll(() => {
    file = join(dir, 'refusals.fcw.json');
    writeFileSync(file, renderPortableSession(buildSeedReview(), '2024-01-01T00:00:00.000Z'));
  });

  async function refused(creds: string | null, url: string, ...extra: string[]): Promise<Run> {
    const before = readFileSync(file);
    const r = await factcheck(
      creds,
      'sync',
      file,
      '--remote',
      url,
      '--reviewer',
      'Alice',
      ...extra,
    );
    expect(r.code).not.toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);
    for (const pw of Object.values(PASSWORDS)) expect(r.err + r.out).not.toContain(pw);
    return r;
  }

  it('wrong credentials', async () => {
    const r = await refused('alice:not-her-password', remote);
    expect(r.err).toMatch(/refused the user name or password/);
  }, 60_000);

  it('a database the user may not read', async () => {
    const r = await refused(bob(), `${server.url}/locked`);
    expect(r.err).toMatch(/may not read the team database/);
  }, 60_000);

  it('no credentials at all', async () => {
    const r = await refused(null, remote);
    expect(r.err).toMatch(/FACTCHECK_COUCH_CREDENTIALS/);
  }, 60_000);

  it('a server that is not CouchDB', async () => {
    const web: Server = createServer((_, res) => res.end('<html>hello</html>'));
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', () => r()));
    const port = (web.address() as { port: number }).port;
    try {
      const r = await refused(alice(), `http://127.0.0.1:${port}/newsroom`);
      expect(r.err).toMatch(/is not a CouchDB server/);
    } finally {
      web.close();
    }
  }, 60_000);

  it('plain http to another machine, and credentials in the URL', async () => {
    expect((await refused(alice(), 'http://couch.example.org/newsroom')).err).toMatch(/use https/);
    expect(
      (await refused(null, `http://alice:${PASSWORDS.alice}@127.0.0.1:${server.port}/newsroom`))
        .err,
    ).toMatch(/no user name or password in the URL/);
  }, 60_000);

  it('a credentials file others can read', async () => {
    const cred = join(dir, 'creds.txt');
    writeFileSync(cred, alice(), { mode: 0o644 });
    const r = await refused(null, remote, '--credentials-file', cred);
    expect(r.err).toMatch(/owner-only/);
  }, 60_000);
});

describe('what arrives from the server is validated', () => {
  it('refuses and reports hostile documents, and applies the rest', async () => {
    const file = join(dir, 'hostile.fcw.json');
    const session = buildSeedReview();
    session.id = '00000001-0000-4000-8000-00000000beef';
    writeFileSync(file, renderPortableSession(session, '2024-01-01T00:00:00.000Z'));
    await sync(alice(), file, 'Alice');
    const copy = join(dir, 'hostile-copy.fcw.json');
    copyFileSync(file, copy);
    const prefix = `fcw:${session.id}:`;
    // A new document with a kind not in the vocabulary and a script in its note…
    const good = JSON.parse(readFileSync(file, 'utf8')).team.docs.find(
      (d: { _id: string }) => d._id === `${prefix}annotation:${CLAIM_ID}`,
    );
    const evil = JSON.parse(JSON.stringify(good));
    evil._id = `${prefix}annotation:evil`;
    evil.id = 'evil';
    delete evil._rev;
    evil.fields.kind.heads[0].v = 'rumour';
    evil.fields.note.heads[0].v = '<script>alert(1)</script>';
    await server.admin('PUT', `/newsroom/${encodeURIComponent(evil._id)}`, evil);
    // …and a malformed new revision of the real claim (a note far over the limit).
    const current = (await server.admin(
      'GET',
      `/newsroom/${encodeURIComponent(good._id)}`,
    )) as Record<string, unknown>;
    const bad = JSON.parse(JSON.stringify(current));
    bad.fields.note.heads[0].v = 'x'.repeat(30_000);
    await server.admin('PUT', `/newsroom/${encodeURIComponent(good._id)}`, bad);
    // A legitimate change from Alice arrives in the same sync.
    expect(
      (
        await factcheck(
          null,
          'verdict',
          file,
          '--claim',
          CLAIM_ID,
          '--rating',
          'True',
          '--reviewer',
          'Alice',
        )
      ).code,
    ).toBe(0);

    const r = await sync(bob(), copy, 'Bob');
    expect(r.out).toMatch(/Refused 2 documents/);
    expect(r.out).toContain(`${prefix}annotation:evil: kind`);
    expect(r.out).toContain(`${prefix}annotation:${CLAIM_ID}: note`);
    const text = readFileSync(copy, 'utf8');
    expect(text).not.toContain('rumour');
    expect(text).not.toContain('alert(1)');
    expect(text).not.toContain('x'.repeat(30_000));
    expect(readSession(copy).annotations.some((x) => x.id === 'evil')).toBe(false);
    // Alice's verdict is pushed only now; Bob pulls it on his next sync.
    await sync(alice(), file, 'Alice');
    const r2 = await sync(bob(), copy, 'Bob');
    expect(r2.out).toMatch(/Refused/);
    expect(readSession(copy).annotations.find((x) => x.id === CLAIM_ID)!.verdict?.stepId).toBe(
      'true',
    );
  }, 120_000);
});

describe('the offline file merge', () => {
  it('merges two copies with the same rules and shows the same disagreement', async () => {
    const a = join(dir, 'm-a.fcw.json');
    const b = join(dir, 'm-b.fcw.json');
    const c = join(dir, 'm-c.fcw.json');
    writeFileSync(a, renderPortableSession(buildSeedReview(), '2024-01-01T00:00:00.000Z'));
    expect(
      (
        await factcheck(
          null,
          'verdict',
          a,
          '--claim',
          CLAIM_ID,
          '--rating',
          'Mixed',
          '--reviewer',
          'Alice',
        )
      ).code,
    ).toBe(0);
    copyFileSync(a, b);
    expect(
      (
        await factcheck(
          null,
          'verdict',
          a,
          '--claim',
          CLAIM_ID,
          '--rating',
          'False',
          '--reviewer',
          'Alice',
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await factcheck(
          null,
          'verdict',
          b,
          '--claim',
          CLAIM_ID,
          '--rating',
          'True',
          '--reviewer',
          'Bob',
        )
      ).code,
    ).toBe(0);
    editFile(b, (s) => ({
      ...s,
      annotations: [
        ...s.annotations,
        annotateQuote(buildSeedArticle(), 'Tillerson', { id: 'bob-offline', kind: 'context' }),
      ],
    }));
    const m = await factcheck(null, 'merge', a, b, '--out', c, '--reviewer', 'Bob');
    expect(m.code).toBe(0);
    expect(m.out).toMatch(/disagreements 1/);
    expect(readSession(c).annotations.map((x) => x.id)).toContain('bob-offline');
    const json = JSON.parse((await factcheck(null, 'conflicts', c, '--json')).out) as {
      field: string;
      values: { reviewer: string; label: string }[];
    }[];
    expect(json).toHaveLength(1);
    expect(json[0]!.values.map((v) => `${v.reviewer}: ${v.label}`).sort()).toEqual([
      'Alice: False',
      'Bob: True',
    ]);
    // Merging again changes nothing; the output is never written over without --force.
    const again = await factcheck(null, 'merge', a, b, '--out', c);
    expect(again.code).not.toBe(0);
  }, 60_000);
});

describe('a server killed in the middle of a sync', () => {
  it('resumes when the server is back, and nothing is lost', async () => {
    const session = makeSession({ annotations: 400, links: 50, name: 'Large' });
    const reviewer = makeReviewer('Alice');
    if (typeof reviewer === 'string') throw new Error(reviewer);
    const rec = recordSession(null, session, { reviewer, now: '2024-01-01T00:00:00.000Z' });
    if (!rec.ok) throw new Error(rec.problem);
    const phases: SyncProgress[] = [];
    let killed: Promise<void> | null = null;
    const out = await syncTeamState(rec.state, {
      remote: new URL(remote),
      credentials: { user: 'alice', password: PASSWORDS.alice },
      batchSize: 20,
      retry: { attempts: 120, baseDelayMs: 100, maxDelayMs: 1_000 },
      onProgress: (p) => {
        phases.push(p);
        if (!killed && p.phase === 'push' && (p.docsWritten ?? 0) > 0)
          killed = server.kill().then(() => server.restart());
      },
    });
    expect(killed).not.toBeNull();
    await killed;
    expect(phases.some((p) => p.phase === 'retry')).toBe(true);
    expect(out.refused).toEqual([]);
    // Every document is on the server with the content and revision this copy holds.
    const all = (await server.admin(
      'GET',
      `/newsroom/_all_docs?include_docs=true&startkey=${encodeURIComponent(JSON.stringify(`fcw:${session.id}:`))}&endkey=${encodeURIComponent(JSON.stringify(`fcw:${session.id}:\ufff0`))}`,
    )) as { rows: { id: string; doc: Record<string, unknown> }[] };
    expect(all.rows.length).toBe(rec.state.docs.size);
    for (const row of all.rows) {
      const mine = out.state.docs.get(row.id)!;
      expect(row.doc._rev).toBe(mine._rev);
      expect(row.doc.fields).toEqual(mine.fields);
    }
  }, 180_000);
});

describe('what one sync costs on the wire', () => {
  it('sends one edited document and pulls only what changed since the last sync', async () => {
    const reviewer = makeReviewer('Alice');
    if (typeof reviewer === 'string') throw new Error(reviewer);
    const creds = { user: 'alice', password: PASSWORDS.alice };
    const session = makeSession({ annotations: 300, links: 20, name: 'Incremental' });
    const rec = recordSession(null, session, { reviewer, now: '2024-01-02T00:00:00.000Z' });
    if (!rec.ok) throw new Error(rec.problem);
    const first = await syncTeamState(rec.state, { remote: new URL(remote), credentials: creds });
    expect(first.pushed).toBe(rec.state.docs.size);
    const seq = async () =>
      Number.parseInt(
        String(((await server.admin('GET', '/newsroom')) as { update_seq: unknown }).update_seq),
        10,
      );
    const before = await seq();
    // One note changed: one document goes, and nothing comes back but what is new.
    const edited = {
      ...session,
      annotations: session.annotations.map((x, i) => (i === 7 ? { ...x, note: 'One edit.' } : x)),
    };
    const rec2 = recordSession(first.state, edited, {
      reviewer,
      now: '2024-01-02T00:01:00.000Z',
    });
    if (!rec2.ok) throw new Error(rec2.problem);
    expect(rec2.state.dirty.size).toBe(1);
    const second = await syncTeamState(rec2.state, {
      remote: new URL(remote),
      credentials: creds,
      since: first.since,
    });
    expect([second.pushed, second.pulled]).toEqual([1, 0]);
    expect((await seq()) - before).toBeGreaterThanOrEqual(1);
    expect((await seq()) - before).toBeLessThanOrEqual(2);
    // A colleague's copy that starts from the same point pulls just that document.
    const third = await syncTeamState(first.state, {
      remote: new URL(remote),
      credentials: creds,
      since: first.since,
    });
    expect(third.pulled).toBe(1);
    const id = [...rec2.state.dirty][0]!;
    expect(third.state.docs.get(id)!.fields).toEqual(second.state.docs.get(id)!.fields);
    expect(third.state.docs.get(id)!._rev).toBe(second.state.docs.get(id)!._rev);
  }, 120_000);
});

describe('the team’s sessions', () => {
  it('lists every session in the database, reading the ids page by page', async () => {
    const reviewer = makeReviewer('Alice');
    if (typeof reviewer === 'string') throw new Error(reviewer);
    const creds = { user: 'alice', password: PASSWORDS.alice };
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const s = makeSession({ annotations: 4 + i, name: `Listed ${i}` });
      const rec = recordSession(null, s, { reviewer, now: `2024-01-03T00:00:0${i}.000Z` });
      if (!rec.ok) throw new Error(rec.problem);
      await syncTeamState(rec.state, { remote: new URL(remote), credentials: creds });
      made.push(s.id);
    }
    const { listTeamSessions } = await import('../../../electron/service/team/team-remote');
    const all = await listTeamSessions(new URL(remote), creds, () => false);
    for (const id of made) expect(all.map((e) => e.id)).toContain(id);
    // Pages of 3 ids: every session still listed once, in the same order.
    const paged = await listTeamSessions(new URL(remote), creds, () => false, 3);
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(new Set(paged.map((e) => e.id)).size).toBe(paged.length);
    expect(all.find((e) => e.id === made[4])!.name).toBe('Listed 4');
  }, 120_000);
});

describe('a first pull', () => {
  it('reads a session into an empty copy, and leaves conflicts to the replication that joins them', async () => {
    const reviewer = makeReviewer('Alice');
    if (typeof reviewer === 'string') throw new Error(reviewer);
    const creds = { user: 'alice', password: PASSWORDS.alice };
    const session = makeSession({ annotations: 30, links: 5, name: 'First pull' });
    const rec = recordSession(null, session, { reviewer, now: '2024-01-04T00:00:00.000Z' });
    if (!rec.ok) throw new Error(rec.problem);
    const shared = await syncTeamState(rec.state, { remote: new URL(remote), credentials: creds });
    const empty = { sessionId: session.id, docs: new Map(), dirty: new Set<string>() };
    const first = await syncTeamState(empty, { remote: new URL(remote), credentials: creds });
    expect(first.state.docs.size).toBe(rec.state.docs.size);
    for (const [id, doc] of shared.state.docs) {
      expect(first.state.docs.get(id)!._rev).toBe(doc._rev);
      expect(first.state.docs.get(id)!.fields).toEqual(doc.fields);
    }
    // Two concurrent revisions of one document on the server (as two reviewers leave them).
    const id = [...shared.state.docs.keys()].find((k) => k.includes(':annotation:'))!;
    const doc = (await server.admin('GET', `/newsroom/${encodeURIComponent(id)}`)) as Record<
      string,
      unknown
    >;
    const [gen] = String(doc._rev).split('-');
    const child = (hash: string) => ({
      ...doc,
      _rev: `${Number(gen) + 1}-${hash}`,
      _revisions: { start: Number(gen) + 1, ids: [hash, String(doc._rev).split('-')[1]] },
    });
    await server.admin('POST', '/newsroom/_bulk_docs', {
      new_edits: false,
      docs: [child('a'.repeat(32)), child('b'.repeat(32))],
    });
    const conflicted = async () =>
      (
        (await server.admin('GET', `/newsroom/${encodeURIComponent(id)}?conflicts=true`)) as {
          _conflicts?: string[];
        }
      )._conflicts ?? [];
    expect(await conflicted()).toHaveLength(1);
    const again = await syncTeamState(empty, { remote: new URL(remote), credentials: creds });
    expect(again.state.docs.size).toBe(rec.state.docs.size);
    expect(again.state.docs.get(id)!.fields).toEqual(doc.fields);
    // The conflict was joined and closed on the server: the replication path ran.
    expect(await conflicted()).toEqual([]);
  }, 120_000);
});
