/**
 * The review a model run starts from: the seed and the long article in the
 * library (imported once per host), and for each run (and each replay while
 * shrinking) a new session on both, holding an earlier reviewer's work spread
 * over the long article, so highlights exist out of view when the session
 * opens, as they do in a review picked up again. The model starts with the
 * same record, so everything after is compared from the first step.
 */
import type { LibraryEntry } from '../../shared/api/contract';
import type { Session } from '../../shared/model/session';
import { ANNOTATION_KINDS, type LinkRelation } from '../../shared/model/vocabulary';
import { applyOps, type SessionOp } from '../../shared/session/session-ops';
import {
  editAnnotation,
  linkAnnotations,
  markPassage,
  putSpeaker,
  setVerdict,
} from '../../shared/review/annotation-edits';
import { api } from '../e2e/helpers/app-driver';
import type { RunningHost } from '../e2e/helpers/web-host';
import { longArticleText, modelArticle, pickPassage } from './article-text';
import { SPEAKER_NAMES } from './actions';
import { Model, STEP_IDS } from './model';
import { Rng } from './rng';

export interface Library {
  seed: LibraryEntry;
  long: LibraryEntry;
  note: string;
}

/** Put the long article in the host's library (the seed is there already). */
export async function prepareLibrary(
  host: RunningHost,
  source: 'generated' | 'corpus',
  seed: number,
): Promise<Library> {
  const list = await api(host.origin, host.token, 'library.list', {});
  const seedEntry = list.find((e) => e.origin === 'seed');
  if (!seedEntry) throw new Error('the library has no seed article');
  const long = longArticleText(source, seed);
  const entry = await api(host.origin, host.token, 'library.importFile', {
    fileName: long.fileName,
    base64: Buffer.from(long.text, 'utf8').toString('base64'),
  });
  return { seed: seedEntry, long: entry, note: long.note };
}

/** How much earlier work the session starts with (on the long article). */
const EARLIER = 28;

/**
 * A new session on both articles with the earlier work in it, and the model
 * of it. The same `seed` gives the same earlier work.
 */
export async function newSession(
  host: RunningHost,
  library: Library,
  name: string,
  seed: number,
): Promise<{ session: Session; model: Model }> {
  const opened = await api(host.origin, host.token, 'sessions.create', {
    name,
    articleIds: [library.seed.id, library.long.id],
  });
  let s = opened.session;
  const model = new Model(s.articles.map(modelArticle));
  const ops: SessionOp[] = [];
  const run = (batch: SessionOp[]) => {
    const r = applyOps(s, batch, new Date().toISOString());
    if (!r.ok) throw new Error(`setting up the earlier review failed: ${r.problems.join(' ')}`);
    s = r.session;
    ops.push(...batch);
  };
  const at = (i: number) => new Date(Date.UTC(2024, 0, 1, 9, 0, i)).toISOString();
  const speakers = SPEAKER_NAMES.slice(0, 2).map((n) => {
    const r = putSpeaker(s, { name: n });
    if (!r.ok) throw new Error(r.message);
    run(r.ops);
    model.state.speakers.push(n);
    return { id: r.speaker.id, name: n };
  });
  const rng = new Rng(seed ^ 0x5eed);
  const long = model.articles[1]!;
  let lastClaim: string | null = null;
  for (let i = 0; i < EARLIER; i++) {
    // One passage in each stretch of the article, so they are spread from top to bottom.
    const from = long.segments.findIndex((g) => g.start >= (long.text.length * i) / EARLIER);
    const part = {
      ...long,
      segments: long.segments.slice(Math.max(0, from), Math.max(0, from) + 3),
    };
    const p = pickPassage(rng, part, 10);
    if (!p) continue;
    if (
      model.state.annotations.some((a) => a.article === 1 && a.start === p.start && a.end === p.end)
    )
      continue;
    const kind = i % 3 === 0 ? 'claim' : ANNOTATION_KINDS[1 + (i % 3)]!;
    const speaker = i % 4 === 1 ? null : speakers[i % 2]!;
    const m = markPassage(
      s,
      { articleId: long.id, start16: p.start, end16: p.end, kind, speakerId: speaker?.id ?? null },
      at(i),
    );
    if (!m.ok) continue;
    run(m.ops);
    const handle = `e${i + 1}`;
    const note = i % 5 === 2 ? 'Checked against the ministry figures.' : '';
    if (note) {
      const e = editAnnotation(s, m.annotation.id, { note }, at(i));
      if (e.ok) run(e.ops);
    }
    let verdict: { stepId: string; rationale: string } | null = null;
    if (kind === 'claim' && i % 2 === 0) {
      verdict = { stepId: STEP_IDS[i % STEP_IDS.length]!, rationale: 'From the earlier review.' };
      const v = setVerdict(s, m.annotation.id, verdict, at(i));
      if (v.ok) run(v.ops);
    }
    model.ids.set(handle, m.annotation.id);
    model.state.annotations.push({
      handle,
      article: 1,
      kind,
      start: p.start,
      end: p.end,
      speaker: speaker?.name ?? null,
      note,
      verdict,
      made: -1000 + i,
    });
    if (kind === 'claim') lastClaim = handle;
    else if (lastClaim && i % 2 === 1) {
      const relation: LinkRelation = kind === 'evidence' ? 'supports' : 'contradicts';
      const l = linkAnnotations(
        s,
        { from: m.annotation.id, to: model.ids.get(lastClaim)!, relation, note: '' },
        at(i),
      );
      if (l.ok) {
        run(l.ops);
        model.state.links.push({ from: handle, to: lastClaim, relation, note: '' });
      }
    }
  }
  await api(host.origin, host.token, 'sessions.apply', {
    id: s.id,
    baseRevision: opened.session.revision,
    ops,
  });
  model.openArticle = 0;
  return { session: s, model };
}
