/**
 * Team review on CouchDB (issue 10, "Scale and speed"), against the local CouchDB-compatible
 * server (bin/couch.js in a child process on 127.0.0.1, as the tests start it):
 *
 * - `team-sync-edit`: one edit synced (`syncTeamState` of a state with one changed document,
 *   from the last sync's update sequence: probe, push, pull, merge), in a shared session of
 *   N annotations (ours at N) and in an empty one (ours at 0, no annotations). The edit is
 *   the same in both: the session renamed, then an annotation's note changed where there is
 *   one. Target: N ≤ 2× the empty one. Each edit's documents written to the server are
 *   counted from the database's update sequence (`docsWritten`, target ≤ 2).
 * - `team-first-pull`: a colleague's first pull of the N-annotation session (an empty state
 *   synced: probe, replication into a working copy, validation of every document) against the
 *   floor, a bare `GET _all_docs?include_docs=true` of the same documents from the same
 *   server, parsed. Target: ≤ 3× the floor.
 * - variant `service round`: the same one edit as the app makes it, through a tracked
 *   session (record, sync, merge, apply to the stored session, write the team file): the
 *   whole round a reviewer waits for, reported beside the contract figure.
 *
 * The two sessions' edits alternate run by run, and so do ours and the floor, after one
 * warm-up each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Session } from '../../shared/model/session';
import { makeReviewer } from '../../shared/team/reviewer';
import { recordSession } from '../../shared/team/record-changes';
import { emptyTeamState, type TeamState } from '../../shared/team/team-state';
import { sessionDocPrefix } from '../../shared/team/team-doc';
import { syncTeamState } from '../../electron/service/team/team-sync';
import { createApiService } from '../../electron/service/api-service';
import { renderPortableSession } from '../../shared/interchange/portable-session';
import { addCouchUser, startCouchServer, type CouchServer } from '../helpers/couch-server';
import { figure, median, type BenchResult } from './results';

export interface TeamBenchOptions {
  /** The session of N annotations (its article is reused for the empty one). */
  session: Session;
  runs: number;
  text: string;
  log?: (line: string) => void;
}

const USER = { user: 'bench', password: 'bench-password-team' };

function reviewerCtx(name: string, at: number) {
  const reviewer = makeReviewer(name);
  if (typeof reviewer === 'string') throw new Error(reviewer);
  return { reviewer, now: new Date(Date.UTC(2025, 0, 1, 0, 0, 0, at)).toISOString() };
}

async function updateSeq(server: CouchServer, db: string): Promise<number> {
  const info = (await server.admin('GET', `/${db}`)) as { update_seq: number | string };
  return Number.parseInt(String(info.update_seq), 10);
}

/** Share `session` to the database; returns the synced state and its `since`. */
async function share(
  session: Session,
  remote: URL,
): Promise<{ state: TeamState; since: number | string }> {
  const rec = recordSession(null, session, reviewerCtx('Bench Sharer', 0));
  if (!rec.ok) throw new Error(rec.problem);
  const out = await syncTeamState(rec.state, { remote, credentials: USER, batchSize: 500 });
  return { state: out.state, since: out.since };
}

/**
 * A shared session to edit: each call makes one edit (alternately a rename and a note),
 * records it and syncs it; returns the sync's time and the documents the server wrote.
 */
async function editor(
  server: CouchServer,
  db: string,
  remote: URL,
  session: Session,
): Promise<(r: number) => Promise<{ ms: number; written: number }>> {
  let { state, since } = await share(session, remote);
  let current = session;
  return async (r) => {
    const target = current.annotations[(r * 7919) % Math.max(1, current.annotations.length)];
    current =
      r % 2 === 0 || !target
        ? { ...current, name: `${session.name} (edit ${r})` }
        : {
            ...current,
            annotations: current.annotations.map((a) =>
              a.id === target.id ? { ...a, note: `Edit ${r}.` } : a,
            ),
          };
    const rec = recordSession(state, current, reviewerCtx('Bench Editor', r + 1));
    if (!rec.ok) throw new Error(rec.problem);
    if (rec.state.dirty.size !== 1)
      throw new Error(`one edit changed ${rec.state.dirty.size} docs`);
    const before = await updateSeq(server, db);
    const t0 = performance.now();
    const out = await syncTeamState(rec.state, { remote, credentials: USER, since });
    const ms = performance.now() - t0;
    const written = (await updateSeq(server, db)) - before;
    if (out.pushed !== 1) throw new Error(`one edit pushed ${out.pushed} documents`);
    ({ state, since } = out);
    return { ms, written };
  };
}

/** The floor of a first pull: the session's documents in one `_all_docs` read, parsed. */
async function bareRead(server: CouchServer, db: string, sessionId: string): Promise<number> {
  const prefix = sessionDocPrefix(sessionId);
  const q = `startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}\ufff0`))}&include_docs=true`;
  const auth = `Basic ${Buffer.from(`${USER.user}:${USER.password}`).toString('base64')}`;
  const res = await fetch(`${server.url}/${db}/_all_docs?${q}`, {
    headers: { Authorization: auth, Accept: 'application/json' },
  });
  const body = JSON.parse(await res.text()) as { rows: unknown[] };
  return body.rows.length;
}

/** The whole round the app makes for one edit, through the API service (a tracked session). */
async function serviceRounds(remote: URL, session: Session, runs: number): Promise<number[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fc-bench-team-'));
  const service = await createApiService({
    dataDir,
    seedsDir: path.join(process.cwd(), 'seeds'),
    host: 'browser',
    version: 'bench',
    teamTiming: { debounceMs: 0, feedDebounceMs: 1e9, pollMs: 1e9 },
  });
  // A round ends when the session says "synced" with a new time (not a repeat of the last one).
  const synced: (() => void)[] = [];
  let lastAt = '';
  service.subscribe((event, payload) => {
    const p = payload as { info?: { sync?: { kind: string; at?: string } } };
    const s = p.info?.sync;
    if (event !== 'team.session' || s?.kind !== 'synced' || !s.at || s.at === lastAt) return;
    lastAt = s.at;
    synced.shift()?.();
  });
  const call = async (m: string, req: unknown) => {
    const r = await service.handle(m, req);
    if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
    return r.value as never;
  };
  try {
    await call('team.setIdentity', { name: 'Bench Service', role: 'reviewer' });
    await call('team.connect', {
      url: remote.href,
      user: USER.user,
      password: USER.password,
      allowInsecureHttp: false,
    });
    const copy = { ...session, id: `${session.id}-svc` };
    await call('sessions.importPortable', {
      fileName: 'bench.fcw.json',
      content: renderPortableSession(copy, '2025-01-01T00:00:00.000Z'),
      onConflict: 'replace',
    });
    const shared = new Promise<void>((r) => synced.push(r));
    await call('team.share', { id: copy.id });
    await shared;
    const times: number[] = [];
    for (let r = 0; r <= runs; r++) {
      const opened = (await call('sessions.open', { id: copy.id })) as {
        session: Session;
      };
      const done = new Promise<void>((res) => synced.push(res));
      const t0 = performance.now();
      await call('sessions.apply', {
        id: copy.id,
        baseRevision: opened.session.revision,
        ops: [{ op: 'session.rename', name: `${session.name} (service ${r})` }],
      });
      await done;
      if (r > 0) times.push(performance.now() - t0);
    }
    return times;
  } finally {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The team figures (see the module comment). */
export async function runTeamBench(opts: TeamBenchOptions): Promise<BenchResult[]> {
  const log = opts.log ?? (() => undefined);
  const { session, runs, text } = opts;
  const n = session.annotations.length;
  const server = await startCouchServer();
  const results: BenchResult[] = [];
  try {
    const db = 'bench';
    await server.admin('PUT', `/${db}`);
    await addCouchUser(server, USER.user, USER.password);
    await server.admin('PUT', `/${db}/_security`, {
      members: { names: [USER.user], roles: [] },
      admins: { names: [], roles: [] },
    });
    const remote = new URL(`${server.url}/${db}`);

    // One edit synced, in the empty session and in the one of N annotations.
    const empty = { ...session, id: `${session.id}-empty`, annotations: [], links: [] };
    const sessions = [empty, session];
    const editors = await Promise.all(sessions.map((x) => editor(server, db, remote, x)));
    const times: number[][] = [[], []];
    const written: number[][] = [[], []];
    // The two alternate run by run (and which goes first), after one warm-up each.
    for (let r = 0; r <= runs; r++) {
      for (const i of r % 2 ? [1, 0] : [0, 1]) {
        const e = await editors[i]!(r);
        written[i]!.push(e.written);
        if (r > 0) times[i]!.push(e.ms);
      }
    }
    sessions.forEach((x, i) => {
      results.push(
        figure('team-sync-edit', 'ours', x.annotations.length, times[i]!, 1, {
          text,
          expected: 1,
          docsWritten: Math.max(...written[i]!),
          note: `documents written per edit: ${[...new Set(written[i])].sort().join(' or ')}`,
        }),
      );
      log(`team-sync-edit N=${x.annotations.length}: median ${median(times[i]!).toFixed(1)} ms`);
    });

    // A colleague's first pull of the N-annotation session, against the bare read.
    const docs = (await share({ ...session, id: `${session.id}-pull` }, remote)).state.docs.size;
    const pullId = `${session.id}-pull`;
    const ours: number[] = [];
    const floor: number[] = [];
    let pulled = 0;
    let read = 0;
    for (let r = 0; r <= runs; r++) {
      const t0 = performance.now();
      const out = await syncTeamState(emptyTeamState(pullId), { remote, credentials: USER });
      const t1 = performance.now();
      read = await bareRead(server, db, pullId);
      const t2 = performance.now();
      pulled = out.state.docs.size;
      if (r > 0) {
        ours.push(t1 - t0);
        floor.push(t2 - t1);
      }
    }
    results.push(
      figure('team-first-pull', 'ours', n, ours, pulled, {
        text,
        expected: docs,
        note: `${pulled} of ${docs} documents`,
      }),
      figure('team-first-pull', 'floor', n, floor, read, {
        text,
        expected: docs,
        note: `_all_docs?include_docs=true, ${read} rows`,
      }),
    );
    log(
      `team-first-pull N=${n}: ours ${median(ours).toFixed(0)} ms, floor ${median(floor).toFixed(0)} ms`,
    );

    // The app's whole round for one edit, as a variant.
    const rounds = await serviceRounds(remote, session, Math.max(3, Math.min(runs, 5)));
    if (rounds.length)
      results.push(
        figure('team-sync-edit', 'ours', n, rounds, 1, {
          text,
          expected: 1,
          variant: 'service round',
          note: 'edit saved → recorded, synced, merged, team file written (API service)',
        }),
      );
  } finally {
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
  }
  return results;
}
