/**
 * Child process of the kill and recovery tests:
 * `save-loop-child <dataDir> <sessionId> <reportFile> <seed> [maxBatches] [compactAfterMs] [compactAfterBatches]`.
 *
 * Takes the data-directory lock (a killed predecessor leaves a stale one to take over), opens an
 * existing session, then applies small batches — forever, or `maxBatches` of them and then
 * idles. Before each apply it records `P <rev> <hash without updatedAt>` (the state the batch
 * will produce), after it `C <rev> <hash>`, with synchronous writes to the report file (the
 * page cache survives SIGKILL). Prints `READY` on stdout when the loop starts and `DONE` after
 * `maxBatches`.
 */
import { openSync, writeSync } from 'node:fs';
import { applyOps } from '../../../../../shared/session/session-ops';
import { acquireDataDirLock, openSessionStore } from '../../../../../electron/service/store';
import { seededRandom } from '../../../../helpers/session-fixtures';
import { hashSession, nextBatch } from './save-loop';

const [dataDir, id, reportFile, seedArg, maxArg, msArg, batchesArg] = process.argv.slice(
  2,
) as string[];
const report = openSync(reportFile!, 'a');
const say = (line: string) => writeSync(report, `${line}\n`);
function die(why: string): never {
  say(`ERR ${why}`);
  process.exit(2);
}

try {
  await acquireDataDirLock(dataDir!);
} catch (e) {
  die((e as Error).message);
}
const store = await openSessionStore({
  dataDir: dataDir!,
  compactAfterMs: Number(msArg ?? 2),
  compactAfterBatches: Number(batchesArg ?? 3),
});
const got = await store.open(id!);
if (!got.ok) die(got.error.message);
if (got.value.recovery) die('the session still had changes to recover');
let session = got.value.session;
const seed = Number(seedArg);
const max = maxArg ? Number(maxArg) : Infinity;
const rand = seededRandom(seed);
say(`C ${session.revision} ${hashSession(session)}`);
process.stdout.write('READY\n');
for (let counter = 0; counter < max; counter++) {
  const ops = nextBatch(session, rand, seed * 100_000 + counter);
  const expected = applyOps(session, ops, new Date().toISOString());
  if (!expected.ok) die(expected.problems.join(' '));
  say(`P ${expected.session.revision} ${hashSession(expected.session, false)}`);
  const r = await store.apply(id!, session.revision, ops);
  if (!r.ok) die(r.error.message);
  const now = await store.open(id!);
  if (!now.ok) die(now.error.message);
  session = now.value.session;
  say(`C ${session.revision} ${hashSession(session)}`);
}
process.stdout.write('DONE\n');
setInterval(() => undefined, 60_000); // wait to be killed
