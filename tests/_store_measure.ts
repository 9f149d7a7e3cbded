import { readFileSync, mkdtempSync, rmSync, promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeSession, makeAnnotation, CORPUS_PATH } from './helpers/session-fixtures';
import { openSessionStore } from '../electron/service/store';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const text = readFileSync(CORPUS_PATH!, 'utf8');
const session = makeSession({ annotations: 10_000, text, links: Number(process.env.LINKS ?? 0) });
const dir = mkdtempSync(path.join(os.tmpdir(), 'fcw-measure-'));
const RUNS = 7;

async function floor(): Promise<number> {
  const t = performance.now();
  const json = JSON.stringify(session);
  const tmp = path.join(dir, 'floor.tmp');
  const h = await fsp.open(tmp, 'w');
  await h.writeFile(json);
  await h.sync();
  await h.close();
  await fsp.rename(tmp, path.join(dir, 'floor.json'));
  return performance.now() - t;
}

const store = await openSessionStore({ dataDir: path.join(dir, 'data'), compactAfterMs: 1e9, compactAfterBatches: 1e9 });
let t = performance.now();
const created = await store.create(session);
if (!created.ok) throw new Error(created.error.message);
const createMs = performance.now() - t;
console.log('bytes', JSON.stringify(session).length, 'create (full validation + first write)', createMs.toFixed(0));
const article = session.articles[0]!;
import { CodePointIndex } from '../shared/text/code-points';
const idx = new CodePointIndex(article.text);
let rev = 0;
const floors: number[] = [], flushes: number[] = [], applies: number[] = [], replaceSame: number[] = [], replaceFresh: number[] = [];
for (let i = 0; i < RUNS + 1; i++) {
  floors.push(await floor());
  t = performance.now();
  const r = await store.apply(session.id, rev, [{ op: 'annotation.put', annotation: makeAnnotation(article, 1000 + i, 1100 + i, { id: `bench-${i}` }, idx) }]);
  applies.push(performance.now() - t);
  if (!r.ok) throw new Error(r.error.message);
  rev = r.value.revision;
  t = performance.now();
  await store.flush(session.id);
  flushes.push(performance.now() - t);
}
const cur = await store.open(session.id);
if (!cur.ok) throw new Error();
for (let i = 0; i < 3; i++) {
  t = performance.now();
  await store.replace(cur.value.session);
  replaceSame.push(performance.now() - t);
  const fresh = JSON.parse(JSON.stringify(cur.value.session));
  t = performance.now();
  await store.replace(fresh);
  replaceFresh.push(performance.now() - t);
}
// many autosaves in a row
const many: number[] = [];
for (let i = 0; i < 30; i++) {
  t = performance.now();
  const r = await store.apply(session.id, rev, [{ op: 'annotation.put', annotation: makeAnnotation(article, 2000 + i, 2100 + i, { id: `auto-${i}` }, idx) }]);
  many.push(performance.now() - t);
  if (!r.ok) throw new Error(r.error.message);
  rev = r.value.revision;
}
floors.shift(); flushes.shift(); applies.shift();
const f = median(floors);
console.log({ floor: f.toFixed(1), flush: median(flushes).toFixed(1), ratio: (median(flushes) / f).toFixed(2), autosaveFirst: median(applies).toFixed(2), autosave30: median(many).toFixed(2), autosaveRatio: (median(many) / median(flushes)).toFixed(3), replaceSameObjects: median(replaceSame).toFixed(0), replaceFreshCopy: median(replaceFresh).toFixed(0) });
await store.close();
rmSync(dir, { recursive: true, force: true });
