/**
 * Team review through the API service (what the app uses), against the real
 * local server (bin/couch.js in a child process on a free port): two
 * services with their own data directories, each with its own reviewer,
 * connected to one team database. Sharing, listing, opening, live sync of
 * edits as `session.changed` events, a verdict disagreement made while the
 * server was down (offline state with changes waiting, then both values with
 * who set them), its resolution, history, the report of the approved session,
 * the offline file merge, and where the credentials are (and are not) kept.
 * Changes arrive through the server's live changes feed: the safety-net poll
 * is set far beyond the tests' waits.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiService, type ApiService } from '../../../electron/service/api-service';
import type {
  ApiEventName,
  ApiEvents,
  ApiMethod,
  ApiRequest,
  ApiResponses,
  ApiResult,
} from '../../../shared/api/contract';
import type { TeamSessionInfo } from '../../../shared/api/team-types';
import { renderPortableSession } from '../../../shared/interchange/portable-session';
import type { Annotation } from '../../../shared/model/session';
import {
  annotateQuote,
  buildSeedArticle,
  buildSeedReview,
  CLAIM_ID,
} from '../../helpers/seed-review';
import { addCouchUser, startCouchServer, type CouchServer } from '../../helpers/couch-server';

const PASSWORDS = { alice: 'alice-pw-service-1', bob: 'bob-pw-service-2' };
const TIMING = {
  debounceMs: 50,
  // The poll is only a safety net: these tests see every change through the live feed.
  pollMs: 600_000,
  backoffMs: 100,
  maxBackoffMs: 400,
  retry: { attempts: 1, baseDelayMs: 50, maxDelayMs: 50 },
};
// Waits end a hung test only: at least 5× the longest wait seen on a busy machine (a server restart and a backoff).
const WAIT_MS = 120_000;

let server: CouchServer;
let remote: string;

interface Host {
  dataDir: string;
  service: ApiService;
  events: { event: ApiEventName; payload: unknown }[];
  call<M extends ApiMethod>(m: M, req: ApiRequest<M>): Promise<ApiResponses[M]>;
  raw<M extends ApiMethod>(m: M, req: ApiRequest<M>): Promise<ApiResult<ApiResponses[M]>>;
}

const hosts: Host[] = [];

async function host(): Promise<Host> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fcw-team-service-'));
  const service = await createApiService({
    dataDir,
    seedsDir: join(process.cwd(), 'seeds'),
    host: 'browser',
    version: 'test',
    teamTiming: TIMING,
  });
  const events: Host['events'] = [];
  service.subscribe((event, payload) => void events.push({ event, payload }));
  const raw = ((m: string, req: unknown) => service.handle(m, req)) as Host['raw'];
  const call = (async (m: ApiMethod, req: unknown) => {
    const r = await service.handle(m, req);
    if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
    return r.value;
  }) as Host['call'];
  const h = { dataDir, service, events, call, raw };
  hosts.push(h);
  return h;
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
): Promise<T> {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function allFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...allFiles(p));
    else out.push(p);
  }
  return out;
}

const claimOf = async (h: Host, id: string): Promise<Annotation> =>
  (await h.call('sessions.open', { id })).session.annotations.find((a) => a.id === CLAIM_ID)!;

async function setVerdict(h: Host, id: string, stepId: string): Promise<void> {
  const opened = await h.call('sessions.open', { id });
  const claim = opened.session.annotations.find((a) => a.id === CLAIM_ID)!;
  await h.call('sessions.apply', {
    id,
    baseRevision: opened.session.revision,
    ops: [{ op: 'annotation.put', annotation: { ...claim, verdict: { stepId, rationale: '' } } }],
  });
}

beforeAll(async () => {
  server = await startCouchServer();
  remote = `${server.url}/desk`;
  await server.admin('PUT', '/desk');
  for (const [name, pw] of Object.entries(PASSWORDS)) await addCouchUser(server, name, pw);
  await server.admin('PUT', '/desk/_security', {
    members: { names: ['alice', 'bob'], roles: [] },
    admins: { names: [], roles: [] },
  });
}, 120_000);

afterAll(async () => {
  for (const h of hosts) await h.service.close();
  await server?.stop();
});

describe('team review through the API service', () => {
  let a: Host;
  let b: Host;
  const sid = buildSeedReview().id;

  it('keeps a reviewer identity with a stable id', async () => {
    a = await host();
    b = await host();
    const first = await a.call('team.identity', {});
    expect(first.name).toBe('');
    const named = await a.call('team.setIdentity', { name: 'Alice Ames', role: 'editor' });
    expect(named).toEqual({ id: first.id, name: 'Alice Ames', role: 'editor' });
    expect((await a.call('team.identity', {})).id).toBe(first.id);
    await b.call('team.setIdentity', { name: 'Bob Brown', role: 'reviewer' });
    expect((await b.call('team.identity', {})).id).not.toBe(first.id);
  });

  it('refuses wrong credentials and insecure remotes, then connects and keeps the password owner-only', async () => {
    const wrong = await a.raw('team.connect', { url: remote, user: 'alice', password: 'nope' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toMatch(/refused the user name or password/);
    expect(await a.call('team.connection', {})).toBeNull();
    const insecure = await a.raw('team.connect', {
      url: 'http://couch.example.org/desk',
      user: 'alice',
      password: PASSWORDS.alice,
    });
    expect(!insecure.ok && insecure.error.message).toMatch(/Refusing plain http/);

    const c = await a.call('team.connect', {
      url: remote,
      user: 'alice',
      password: PASSWORDS.alice,
    });
    expect(c).toEqual({ url: remote, user: 'alice', server: 'PouchDB Server' });
    await b.call('team.connect', { url: `${remote}/`, user: 'bob', password: PASSWORDS.bob });
    const cred = join(a.dataDir, 'team', 'credentials');
    expect(statSync(cred).mode & 0o077).toBe(0);
    expect(readFileSync(cred, 'utf8')).toBe(`alice:${PASSWORDS.alice}\n`);
  });

  it('shares a session, lists it for a colleague, who opens it', async () => {
    const imported = await a.call('sessions.importPortable', {
      fileName: 's.fcw.json',
      content: renderPortableSession(buildSeedReview(), '2024-01-01T00:00:00.000Z'),
      onConflict: 'ask',
    });
    expect(imported.conflict).toBe(false);
    const shared = await a.call('team.share', { id: sid });
    expect(shared.remote).toBe(remote);
    await waitFor('the first sync', async () => {
      const i = await a.call('team.session', { id: sid });
      return i.sync.kind === 'synced';
    });
    const list = await b.call('team.list', {});
    expect(list.map((s) => [s.id, s.name, s.status, s.local])).toEqual([
      [sid, buildSeedReview().name, 'draft', false],
    ]);
    const opened = await b.call('team.open', { sessionId: sid });
    const mine = buildSeedReview();
    expect(
      opened.session.annotations.map((x) => [x.id, x.kind, x.verdict?.stepId ?? null]),
    ).toEqual(mine.annotations.map((x) => [x.id, x.kind, x.verdict?.stepId ?? null]));
    expect(opened.session.settings.reviewer).toBe('Bob Brown');
    expect((await b.call('team.list', {}))[0]!.local).toBe(true);
  }, 300_000);

  it('brings a colleague’s edit live, as a host change the page receives', async () => {
    const opened = await b.call('sessions.open', { id: sid });
    const added = annotateQuote(buildSeedArticle(), 'McMaster', {
      id: 'added-by-bob',
      kind: 'evidence',
    });
    await b.call('sessions.apply', {
      id: sid,
      baseRevision: opened.session.revision,
      ops: [{ op: 'annotation.put', annotation: added }],
    });
    const ev = await waitFor('the change at Alice', async () =>
      a.events.find(
        (e) =>
          e.event === 'session.changed' &&
          (e.payload as ApiEvents['session.changed']).ops.some(
            (o) => o.op === 'annotation.put' && o.annotation.id === 'added-by-bob',
          ),
      ),
    );
    const p = ev.payload as ApiEvents['session.changed'];
    const now = await a.call('sessions.open', { id: sid });
    expect(now.session.revision).toBe(p.revision);
    expect(now.session.annotations.some((x) => x.id === 'added-by-bob')).toBe(true);
    // A page edit made on the revision before the host change is still accepted.
    const before = p.revision - 1;
    const claim = now.session.annotations.find((x) => x.id === CLAIM_ID)!;
    const r = await a.raw('sessions.apply', {
      id: sid,
      baseRevision: before,
      ops: [{ op: 'annotation.put', annotation: { ...claim, note: 'Checked twice.' } }],
    });
    expect(r.ok).toBe(true);
    await waitFor('the note at Bob', async () => (await claimOf(b, sid)).note === 'Checked twice.');
  });

  it('keeps concurrent verdicts made while the server was down as a disagreement, shown to both', async () => {
    await server.kill();
    await setVerdict(a, sid, 'false');
    await setVerdict(b, sid, 'misleading');
    for (const h of [a, b])
      await waitFor('offline with changes waiting', async () => {
        const s = (await h.call('team.session', { id: sid })).sync;
        return s.kind === 'offline' && s.waiting > 0 && /cannot be reached|refused/.test(s.reason);
      });
    await server.restart();
    const shown = (i: TeamSessionInfo) =>
      i.disagreements
        .filter((d) => d.itemId === CLAIM_ID && d.field === 'verdict')
        .map((d) => d.values.map((v) => `${v.name}: ${v.label}`).sort());
    for (const h of [a, b])
      await waitFor('the disagreement', async () => {
        const i = await h.call('team.session', { id: sid });
        return (
          i.sync.kind === 'synced' &&
          JSON.stringify(shown(i)) ===
            JSON.stringify([['Alice Ames: False', 'Bob Brown: Misleading']])
        );
      });
    const info = await b.call('team.session', { id: sid });
    expect(
      info.reviewerVerdicts
        .filter((v) => v.claimId === CLAIM_ID)
        .map((v) => v.label)
        .sort(),
    ).toEqual(['False', 'Misleading']);
    // Approving waits for the disagreement to be settled.
    const approve = await a.raw('team.setStatus', { id: sid, status: 'in-review' });
    expect(approve.ok).toBe(true);
    const early = await a.raw('team.setStatus', { id: sid, status: 'approved' });
    expect(!early.ok && early.error.message).toMatch(/open disagreement/);
  }, 600_000);

  it('settles the disagreement with a chosen value: synced, in the history', async () => {
    const info = await b.call('team.session', { id: sid });
    const d = info.disagreements.find((x) => x.itemId === CLAIM_ID && x.field === 'verdict')!;
    const choice = d.values.findIndex((v) => v.label === 'False');
    const r = await b.call('team.resolve', { id: sid, docId: d.docId, field: 'verdict', choice });
    expect(r.info.disagreements.filter((x) => x.itemId === CLAIM_ID)).toEqual([]);
    expect((await claimOf(b, sid)).verdict?.stepId).toBe('false');
    await waitFor('the resolution at Alice', async () => {
      const i = await a.call('team.session', { id: sid });
      return i.disagreements.length === 0 && (await claimOf(a, sid)).verdict?.stepId === 'false';
    });
    const history = await a.call('team.history', { id: sid, itemId: CLAIM_ID });
    const texts = history.map((h) => `${h.name} ${h.text}`);
    expect(texts).toContain('Bob Brown settled the verdict disagreement: False');
    expect(texts).toContain('Alice Ames changed the verdict to False');
    expect(texts).toContain('Bob Brown changed the verdict to Misleading');
    const approved = await a.call('team.setStatus', { id: sid, status: 'approved' });
    expect([approved.status, approved.approvedBy]).toEqual(['approved', 'Alice Ames']);
    // The report says so: the status, the reviewers, who approved it, who changed the claim last.
    const md = await a.call('export.render', { id: sid, format: 'md' });
    expect(md.content).toContain('**Status:** Approved');
    expect(md.content).toMatch(/\*\*Approved by:\*\* Alice Ames, /);
    expect(md.content).toMatch(/\*\*Reviewed by:\*\* .*Alice Ames.*Bob Brown/);
    expect(md.content).toMatch(/last changed by Bob Brown on /);
    const csv = await a.call('export.render', { id: sid, format: 'csv' });
    const claimRow = csv.content.split('\r\n').find((l) => l.startsWith(CLAIM_ID))!;
    expect(claimRow.endsWith(',Bob Brown')).toBe(true);
  });

  it('syncs shared sessions from the start after a restart, opened or not', async () => {
    await a.service.close();
    hosts.splice(hosts.indexOf(a), 1);
    await b.call('sessions.open', { id: sid }).then((o) =>
      b.call('sessions.apply', {
        id: sid,
        baseRevision: o.session.revision,
        ops: [{ op: 'session.rename', name: 'Renamed while Alice was away' }],
      }),
    );
    const dataDir = a.dataDir;
    const service = await createApiService({
      dataDir,
      seedsDir: join(process.cwd(), 'seeds'),
      host: 'browser',
      version: 'test',
      teamTiming: TIMING,
    });
    const again = { ...a, service };
    hosts.push(again);
    await waitFor('the rename at Alice', async () => {
      const r = await service.handle('sessions.list', {});
      return (
        r.ok &&
        (r.value as { name: string }[]).some((x) => x.name === 'Renamed while Alice was away')
      );
    });
  }, 300_000);

  it('merges a colleague’s file offline with the same rules', async () => {
    const c = await host();
    await c.call('team.setIdentity', { name: 'Carol Cruz', role: 'reviewer' });
    const base = buildSeedReview();
    const theirs = {
      ...base,
      settings: { ...base.settings, reviewer: 'Dan Doe' },
      annotations: base.annotations.map((x) =>
        x.id === CLAIM_ID ? { ...x, verdict: { stepId: 'unverifiable', rationale: '' } } : x,
      ),
    };
    await c.call('sessions.importPortable', {
      fileName: 'mine.fcw.json',
      content: renderPortableSession(base, '2024-01-01T00:00:00.000Z'),
      onConflict: 'ask',
    });
    await setVerdict(c, base.id, 'false');
    const merged = await c.call('sessions.mergeFile', {
      id: base.id,
      fileName: 'dan.fcw.json',
      content: renderPortableSession(theirs, '2024-01-02T00:00:00.000Z'),
    });
    const d = merged.info.disagreements.find((x) => x.itemId === CLAIM_ID && x.field === 'verdict');
    expect(d?.values.map((v) => `${v.name}: ${v.label}`).sort()).toEqual([
      'Carol Cruz: False',
      'Dan Doe: Unverifiable',
    ]);
    const other = await c.raw('sessions.mergeFile', {
      id: base.id,
      fileName: 'x.fcw.json',
      content: renderPortableSession(
        { ...theirs, id: 'another-session' },
        '2024-01-02T00:00:00.000Z',
      ),
    });
    expect(!other.ok && other.error.message).toMatch(/another session/);
  });

  it('keeps the password out of every file but the credentials file, and out of every event', () => {
    for (const h of [a, b]) {
      for (const f of allFiles(h.dataDir)) {
        if (f.endsWith(join('team', 'credentials')) || f.endsWith(join('team', 'credentials.bak')))
          continue;
        const text = readFileSync(f).toString('latin1');
        for (const pw of Object.values(PASSWORDS)) expect(text.includes(pw), f).toBe(false);
      }
      const events = JSON.stringify(h.events);
      for (const pw of Object.values(PASSWORDS)) expect(events.includes(pw)).toBe(false);
    }
  });
});
