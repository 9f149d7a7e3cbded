/**
 * Child process of the full-disk test: `disk-full-child <dataDir> <sessionId> <seed>`.
 *
 * Takes the data-directory lock, opens the session, then reads commands on stdin:
 * `edit N` applies N small batches, printing for each `ACK <rev> <hash without updatedAt>` when
 * the store acknowledged it or `ERR <message>` when it refused; `flush` compacts and prints
 * `FLUSHED ok` or `FLUSHED <message>`. Each command ends with `END`. It never exits by itself.
 */
import { createInterface } from 'node:readline';
import { applyOps } from '../../../../../shared/session/session-ops';
import { acquireDataDirLock, openSessionStore } from '../../../../../electron/service/store';
import { StoreError } from '../../../../../electron/service/store/store-errors';
import { seededRandom } from '../../../../helpers/session-fixtures';
import { hashSession, nextBatch } from './save-loop';

const [dataDir, id, seedArg] = process.argv.slice(2) as [string, string, string];
const out = (line: string) => process.stdout.write(`${line.replace(/\n/g, ' ')}\n`);

await acquireDataDirLock(dataDir);
// No automatic compaction: the journal grows, so the disk fills in the middle of a journal page.
const store = await openSessionStore({ dataDir, compactAfterMs: 1e9, compactAfterBatches: 1e9 });
const got = await store.open(id);
if (!got.ok) {
  out(`ERR ${got.error.message}`);
  process.exit(2);
}
let session = got.value.session;
const rand = seededRandom(Number(seedArg));
let counter = 0;

for await (const line of createInterface({ input: process.stdin })) {
  const [cmd, n] = line.trim().split(' ');
  if (cmd === 'edit') {
    for (let i = 0; i < Number(n); i++) {
      const ops = nextBatch(session, rand, ++counter);
      const expected = applyOps(session, ops, new Date().toISOString());
      if (!expected.ok) throw new Error(expected.problems.join(' '));
      const r = await store.apply(id, session.revision, ops);
      if (r.ok) {
        session = expected.session;
        out(`ACK ${r.value.revision} ${hashSession(session, false)}`);
      } else out(`ERR ${r.error.message}`);
    }
  } else if (cmd === 'flush') {
    try {
      await store.flush(id);
      out('FLUSHED ok');
    } catch (e) {
      out(`FLUSHED ${e instanceof StoreError ? e.error.message : (e as Error).message}`);
    }
  }
  out('END');
}
