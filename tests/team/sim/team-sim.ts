/**
 * `npm run team-sim`: many reviewers, one team server, random offline
 * periods and a server restart, checked against an oracle.
 *
 * 50 reviewers (separate clients, each with its own local store: its team
 * state, as its session file holds it) make 100 edits each to one shared
 * session: notes and tags on a small set of "hot" annotations (so edits
 * collide), verdicts on a few claims, and new annotations. Between rounds a
 * client syncs unless it is offline for a while; in the middle of one round
 * the server is SIGKILLed and restarted while syncs are running. At the end
 * everyone syncs until nothing moves.
 *
 * The oracle is the simulation's own log: every edit's token, and the
 * tokens it superseded (the heads its client held when it made it). The
 * checks:
 * - converged: every client holds the same documents;
 * - 0 lost: every edit's token is known to the final state, and every added
 *   annotation is in the final session;
 * - disagreements exactly where concurrent: for each field, the final heads
 *   are exactly the edits no other edit superseded, and the field is in
 *   dispute exactly when those carry different values.
 *
 * Prints `TEAM: 50 reviewers, 5000 edits, 0 lost, converged` and exits 0, or
 * says what failed and exits 1. `--reviewers N --edits M --seed S` scale it.
 */
import { parseArgs } from 'node:util';
import type { Session } from '../../../shared/model/session';
import { makeReviewer, type Reviewer } from '../../../shared/team/reviewer';
import { recordSession, setClaimVerdict } from '../../../shared/team/record-changes';
import { materialize, localPartsOf } from '../../../shared/team/materialize';
import { canonicalJson, distinctHeads, fieldTokens } from '../../../shared/team/field-register';
import { teamDocId } from '../../../shared/team/team-doc';
import type { TeamState } from '../../../shared/team/team-state';
import { validateSession } from '../../../shared/session/validate-session';
import { syncTeamState, type RetryPolicy } from '../../../electron/service/team/team-sync';
import { addCouchUser, startCouchServer, type CouchServer } from '../../helpers/couch-server';
import { makeAnnotation, makeSession, seededRandom } from '../../helpers/session-fixtures';
import { CodePointIndex } from '../../../shared/text/code-points';

const { values: args } = parseArgs({
  options: {
    reviewers: { type: 'string', default: '50' },
    edits: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '10' },
    seed: { type: 'string', default: '7' },
    concurrency: { type: 'string', default: '8' },
  },
});
const REVIEWERS = Number(args.reviewers);
const EDITS = Number(args.edits);
const ROUNDS = Number(args.rounds);
const CONCURRENCY = Number(args.concurrency);
const rand = seededRandom(Number(args.seed));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const RETRY: RetryPolicy = { attempts: 60, baseDelayMs: 200, maxDelayMs: 2_000 };
const PASSWORD = 'sim-password';

interface Client {
  n: number;
  reviewer: Reviewer;
  state: TeamState;
  offlineRounds: number;
  edits: number;
}

/** One edit as the oracle sees it. */
interface Edit {
  client: number;
  docId: string;
  field: string;
  token: string;
  value: unknown;
  superseded: string[];
}

let clock = Date.UTC(2024, 0, 1);
const now = () => new Date((clock += 7)).toISOString();

function show(state: TeamState, base: Session): Session {
  const m = materialize(state, localPartsOf(base));
  if (typeof m === 'string') throw new Error(m);
  return m.session;
}

async function pool<T>(items: T[], n: number, fn: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

async function main(): Promise<number> {
  const started = Date.now();
  const server: CouchServer = await startCouchServer();
  try {
    await server.admin('PUT', '/sim');
    await addCouchUser(server, 'sim', PASSWORD);
    await server.admin('PUT', '/sim/_security', { members: { names: ['sim'], roles: [] } });
    const remote = new URL(`${server.url}/sim`);
    const credentials = { user: 'sim', password: PASSWORD };

    // The shared session: some annotations, a few of them claims.
    const base = makeSession({ annotations: 24, name: 'Simulation' });
    base.annotations = base.annotations.map((a, i) =>
      i < 6 ? { ...a, kind: 'claim' } : { ...a, kind: 'evidence', verdict: null },
    );
    const article = base.articles[0]!;
    const claims = base.annotations.slice(0, 6).map((a) => a.id);
    const hot = base.annotations.slice(0, 12).map((a) => a.id);

    const reviewers = Array.from({ length: REVIEWERS }, (_, i) => {
      const r = makeReviewer(`Reviewer ${String(i + 1).padStart(2, '0')}`);
      if (typeof r === 'string') throw new Error(r);
      return r;
    });
    const first = recordSession(null, base, { reviewer: reviewers[0]!, now: now() });
    if (!first.ok) throw new Error(first.problem);
    const shared = await syncTeamState(first.state, { remote, credentials, retry: RETRY });
    const clients: Client[] = reviewers.map((reviewer, n) => ({
      n,
      reviewer,
      state: shared.state,
      offlineRounds: 0,
      edits: 0,
    }));

    const log: Edit[] = [];
    const added = new Set<string>();
    const syncs = { done: 0, retried: 0 };
    let restarted = false;

    const headsOf = (state: TeamState, docId: string, field: string) =>
      state.docs.get(docId)?.fields[field]?.heads.map((h) => h.t) ?? [];

    const note = (c: Client, before: TeamState, after: TeamState, docId: string, field: string) => {
      const prev = new Set(
        fieldTokens(before.docs.get(docId)?.fields[field] ?? { heads: [], past: [] }),
      );
      const mine = after.docs.get(docId)!.fields[field]!.heads.filter((h) => !prev.has(h.t));
      if (mine.length !== 1)
        throw new Error(
          `client ${c.n}: expected one new head on ${docId}.${field}, got ${mine.length}`,
        );
      log.push({
        client: c.n,
        docId,
        field,
        token: mine[0]!.t,
        value: mine[0]!.v,
        superseded: headsOf(before, docId, field),
      });
    };

    const edit = (c: Client) => {
      const session = show(c.state, base);
      const ctx = { reviewer: c.reviewer, now: now() };
      const r = rand();
      if (r < 0.25) {
        const claimId = pick(claims);
        const stepId = pick(session.scale.steps).id;
        const out = setClaimVerdict(
          c.state,
          session,
          claimId,
          { stepId, rationale: `c${c.n}` },
          ctx,
        );
        if (!out.ok) throw new Error(out.problem);
        note(c, c.state, out.state, teamDocId(base.id, 'annotation', claimId), 'verdict');
        c.state = out.state;
      } else if (r < 0.85) {
        const id = rand() < 0.8 ? pick(hot) : pick(session.annotations).id;
        const field = rand() < 0.7 ? 'note' : 'tags';
        const value = field === 'note' ? `note by ${c.n} #${c.edits}` : [`t${c.n}-${c.edits}`];
        const next = {
          ...session,
          annotations: session.annotations.map((a) => (a.id === id ? { ...a, [field]: value } : a)),
        };
        const out = recordSession(c.state, next, ctx);
        if (!out.ok) throw new Error(out.problem);
        note(c, c.state, out.state, teamDocId(base.id, 'annotation', id), field);
        c.state = out.state;
      } else {
        const idx = new CodePointIndex(article.text);
        const start = Math.floor(rand() * (idx.lengthCp - 40));
        const id = `sim-${c.n}-${c.edits}`;
        const a = makeAnnotation(article, start, start + 5 + Math.floor(rand() * 30), {
          id,
          kind: 'context',
        });
        const out = recordSession(
          c.state,
          { ...session, annotations: [...session.annotations, a] },
          ctx,
        );
        if (!out.ok) throw new Error(out.problem);
        note(c, c.state, out.state, teamDocId(base.id, 'annotation', id), 'note');
        added.add(id);
        c.state = out.state;
      }
      c.edits++;
    };

    const syncClient = async (c: Client) => {
      const out = await syncTeamState(c.state, {
        remote,
        credentials,
        retry: RETRY,
        onProgress: (p) => {
          if (p.phase === 'retry') syncs.retried++;
        },
      });
      if (out.refused.length) throw new Error(`client ${c.n}: refused ${out.refused.join('; ')}`);
      c.state = out.state;
      syncs.done++;
    };

    const perRound = Math.ceil(EDITS / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of clients) {
        for (let k = 0; k < perRound && c.edits < EDITS; k++) edit(c);
        if (c.offlineRounds > 0) c.offlineRounds--;
        else if (rand() < 0.15) c.offlineRounds = 1 + Math.floor(rand() * 3); // goes offline for a while
      }
      const online = clients.filter((c) => c.offlineRounds === 0 && rand() < 0.6);
      if (round === Math.floor(ROUNDS / 2)) {
        // The restart: killed while this round's syncs are under way.
        let killedOnce = false;
        await pool(online, CONCURRENCY, async (c) => {
          await syncClient(c);
          if (!killedOnce) {
            killedOnce = true;
            await server.kill();
            setTimeout(() => void server.restart().then(() => (restarted = true)), 500);
          }
        });
      } else {
        await pool(online, CONCURRENCY, syncClient);
      }
      process.stderr.write(
        `round ${round + 1}/${ROUNDS}: ${log.length} edits, ${syncs.done} syncs\n`,
      );
    }
    while (!restarted) await new Promise((r) => setTimeout(r, 100));

    // Everyone back online: sync until every client holds the same documents.
    const fingerprint = (s: TeamState) =>
      canonicalJson(
        [...s.docs.values()]
          .map(({ _rev, ...d }) => (void _rev, d))
          .sort((a, b) => (a._id < b._id ? -1 : 1)),
      );
    let converged = false;
    for (let pass = 0; pass < 6 && !converged; pass++) {
      for (const c of clients) await syncClient(c);
      const prints = new Set(clients.map((c) => fingerprint(c.state)));
      converged = prints.size === 1;
      process.stderr.write(`final pass ${pass + 1}: ${prints.size} distinct states\n`);
    }

    // The oracle.
    const final = clients[0]!.state;
    const problems: string[] = [];
    let lost = 0;
    for (const e of log) {
      const f = final.docs.get(e.docId)?.fields[e.field];
      if (!f || !fieldTokens(f).includes(e.token)) lost++;
    }
    const session = show(final, base);
    const valid = validateSession(session);
    if (!valid.ok) problems.push(`the final session is not valid: ${valid.problems[0]}`);
    for (const id of added) if (!session.annotations.some((a) => a.id === id)) lost++;

    const byField = new Map<string, Edit[]>();
    for (const e of log) {
      const k = `${e.docId}\u0000${e.field}`;
      byField.set(k, [...(byField.get(k) ?? []), e]);
    }
    let expectedDisputes = 0;
    let wrong = 0;
    const m = materialize(final, localPartsOf(base));
    if (typeof m === 'string') throw new Error(m);
    const disputed = new Set(m.disagreements.map((d) => `${d.docId}\u0000${d.field}`));
    for (const [k, edits] of byField) {
      const superseded = new Set(edits.flatMap((e) => e.superseded));
      const expectedHeads = edits.filter((e) => !superseded.has(e.token));
      const [docId, field] = k.split('\u0000') as [string, string];
      const f = final.docs.get(docId)!.fields[field]!;
      const actual = f.heads.map((h) => h.t).sort();
      const expected = expectedHeads.map((e) => e.token).sort();
      // A field whose initial value nobody's edit superseded keeps that head too.
      const initial = f.heads.filter((h) => !edits.some((e) => e.token === h.t)).map((h) => h.t);
      const expectDispute =
        new Set([
          ...expectedHeads.map((e) => canonicalJson(e.value)),
          ...f.heads.filter((h) => initial.includes(h.t)).map((h) => canonicalJson(h.v)),
        ]).size > 1;
      if (expectDispute) expectedDisputes++;
      if (canonicalJson(actual.filter((t) => !initial.includes(t))) !== canonicalJson(expected)) {
        wrong++;
        if (problems.length < 5)
          problems.push(
            `${docId}.${field}: heads ${actual.join(',')} but the log says ${expected.join(',')}`,
          );
      }
      if (expectDispute !== disputed.has(k) || expectDispute !== distinctHeads(f).length > 1) {
        wrong++;
        if (problems.length < 5)
          problems.push(
            `${docId}.${field}: dispute ${disputed.has(k)} but the log says ${expectDispute}`,
          );
      }
    }
    const extra = [...disputed].filter((k) => !byField.has(k));
    if (extra.length)
      problems.push(`${extra.length} disagreements on fields nobody edited concurrently`);
    if (!converged) problems.push('the clients did not converge');
    if (lost) problems.push(`${lost} edits lost`);
    if (!restarted) problems.push('the server was not restarted');
    if (wrong) problems.push(`${wrong} fields disagree with the log`);

    const secs = ((Date.now() - started) / 1000).toFixed(0);
    process.stderr.write(
      `${log.length} edits (${added.size} additions), ${syncs.done} syncs (${syncs.retried} retries around the restart), ${expectedDisputes} fields in dispute as the log predicts, ${secs} s\n`,
    );
    if (problems.length || log.length !== REVIEWERS * EDITS) {
      for (const p of problems) process.stdout.write(`TEAM FAILED: ${p}\n`);
      return 1;
    }
    process.stdout.write(
      `TEAM: ${REVIEWERS} reviewers, ${log.length} edits, ${lost} lost, converged\n`,
    );
    return 0;
  } finally {
    await server.stop().catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stdout.write(`TEAM FAILED: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
