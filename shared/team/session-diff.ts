/**
 * From the session a copy holds to the session its team state shows, as
 * session ops: what the app applies when a sync or a file merge brought
 * changes. Only what the team shares is compared (the fields the recorder
 * records, record-changes.ts): an annotation whose kind, target, speaker,
 * note, tags or verdict differ is put whole from the shown session; local
 * bookkeeping (`created`, `modified`, the view, dismissed suggestions, the
 * reviewer's own name) is left alone, so a sync that changed nothing shared
 * gives no ops.
 *
 * Ops come in an order `applyOps` accepts in one batch: articles and
 * speakers are put before the annotations that point at them, links after
 * their annotations; deletions go the other way.
 */
import type { Annotation, Link, Session, Speaker } from '../model/session';
import type { SessionOp } from '../session/op-schema';
import { canonicalJson } from './field-register';

const annotationKey = (a: Annotation) =>
  canonicalJson([a.kind, a.target, a.speakerId, a.note, a.tags, a.verdict]);
const linkKey = (l: Link) => canonicalJson([l.from, l.to, l.relation, l.note]);
const speakerKey = (s: Speaker) =>
  canonicalJson([s.name, s.kind, s.role, s.organisation, s.aliases]);

function changedItems<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  key: (x: T) => string,
): { put: T[]; gone: string[] } {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Set(after.map((x) => x.id));
  const put = after.filter((x) => {
    const prev = old.get(x.id);
    return !prev || key(prev) !== key(x);
  });
  const gone = before.filter((x) => !now.has(x.id)).map((x) => x.id);
  return { put, gone };
}

/**
 * The ops that turn `local` into `shown` for everything shared. Empty when
 * nothing shared differs.
 */
export function diffSharedSession(local: Session, shown: Session): SessionOp[] {
  const ops: SessionOp[] = [];
  if (local.name !== shown.name) ops.push({ op: 'session.rename', name: shown.name });
  const { reviewer: _r, ...sharedNow } = local.settings;
  const { reviewer: _s, ...sharedShown } = shown.settings;
  void _r;
  void _s;
  if (canonicalJson(sharedNow) !== canonicalJson(sharedShown))
    ops.push({
      op: 'settings.put',
      settings: { ...shown.settings, reviewer: local.settings.reviewer },
    });
  if (canonicalJson(local.scale) !== canonicalJson(shown.scale))
    ops.push({ op: 'scale.put', scale: shown.scale });
  const articles = changedItems(local.articles, shown.articles, (a) => canonicalJson(a));
  const speakers = changedItems(local.speakers, shown.speakers, speakerKey);
  const annotations = changedItems(local.annotations, shown.annotations, annotationKey);
  const links = changedItems(local.links, shown.links, linkKey);
  for (const a of articles.put) ops.push({ op: 'article.put', article: a });
  for (const s of speakers.put) ops.push({ op: 'speaker.put', speaker: s });
  for (const a of annotations.put) ops.push({ op: 'annotation.put', annotation: a });
  for (const l of links.put) ops.push({ op: 'link.put', link: l });
  for (const id of links.gone) ops.push({ op: 'link.delete', id });
  for (const id of annotations.gone) ops.push({ op: 'annotation.delete', id });
  for (const id of speakers.gone) ops.push({ op: 'speaker.delete', id });
  for (const id of articles.gone) ops.push({ op: 'article.delete', id });
  return ops;
}
