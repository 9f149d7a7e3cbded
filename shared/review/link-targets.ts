/**
 * The link picker's model: which annotations a new link can point to, in
 * what order, and which relation to suggest. The defaults make the common
 * path one key press: a counter-statement "contradicts" the nearest claim
 * before it, evidence "supports" it.
 */
import type { Annotation, Session } from '../model/session';
import type { AnnotationKind, LinkRelation } from '../model/vocabulary';
import { KIND_LABELS } from '../model/vocabulary';
import { foldName } from './speaker-search';

/** The relation a new link from `from` to `to` most likely has. */
export function defaultRelation(from: AnnotationKind, to: AnnotationKind): LinkRelation {
  if (from === 'counter-statement') return 'contradicts';
  if (from === 'evidence') return 'supports';
  if (from === 'claim' && to === 'claim') return 'same-claim-as';
  if (from === 'context') return 'responds-to';
  return to === 'claim' ? 'responds-to' : 'supports';
}

export interface LinkTarget {
  annotation: Annotation;
  articleTitle: string;
  speakerName: string;
  /** Already linked to the source, with these relations. */
  linkedAs: LinkRelation[];
}

/**
 * Candidate targets for a link from `fromId`, best first. Without a query,
 * claims come first, the nearest claim before the source leading (then the
 * other claims in document order), then the other annotations. With a query,
 * only annotations whose quote, note, speaker (or alias), kind or article
 * title contain every query word are listed. Orphans are left out. Never
 * includes the source itself.
 */
export function rankLinkTargets(
  session: Session,
  fromId: string | null,
  query: string,
  limit = 50,
): LinkTarget[] {
  const from = fromId ? session.annotations.find((a) => a.id === fromId) : undefined;
  const articleOrder = new Map(session.articles.map((a, i) => [a.id, i]));
  const titles = new Map(session.articles.map((a) => [a.id, a.meta.title]));
  const speakers = new Map(session.speakers.map((s) => [s.id, s]));
  const words = foldName(query).split(' ').filter(Boolean);
  const key = (a: Annotation) =>
    (articleOrder.get(a.target.articleId) ?? 0) * 1e12 + a.target.position.start;
  const fromKey = from ? key(from) : Infinity;
  const candidates = session.annotations.filter(
    (a) => a.id !== fromId && a.target.status !== 'orphaned',
  );
  const scored = candidates
    .filter((a) => {
      if (!words.length) return true;
      const sp = a.speakerId ? speakers.get(a.speakerId) : undefined;
      const hay = foldName(
        [
          a.target.quote.exact,
          a.note,
          KIND_LABELS[a.kind],
          titles.get(a.target.articleId) ?? '',
          sp?.name ?? '',
          ...(sp?.aliases ?? []),
          ...a.tags,
        ].join(' '),
      );
      return words.every((w) => hay.includes(w));
    })
    .map((a) => {
      const k = key(a);
      // Claims first; among them the nearest one before the source, then the rest in document order.
      const tier = a.kind === 'claim' ? (k <= fromKey ? 0 : 1) : 2;
      const order = tier === 0 ? fromKey - k : k;
      return { a, tier, order };
    })
    .sort((x, y) => x.tier - y.tier || x.order - y.order);
  return scored.slice(0, limit).map(({ a }) => ({
    annotation: a,
    articleTitle: titles.get(a.target.articleId) ?? '',
    speakerName: a.speakerId ? (speakers.get(a.speakerId)?.name ?? '') : '',
    linkedAs: session.links
      .filter((l) => (l.from === fromId && l.to === a.id) || (l.to === fromId && l.from === a.id))
      .map((l) => l.relation),
  }));
}
