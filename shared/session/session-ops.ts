/**
 * Pure session operations. Every change to a session, from the editor, the
 * journal or an import, is a batch of {@link SessionOp}s (declared once, by
 * the schema in `op-schema.ts`) applied by {@link applyOps}. Ops are
 * state-based ("put this whole record", "delete this id"), so replaying a
 * batch twice gives the same session: the store's journal relies on that after
 * a crash.
 *
 * A batch is atomic: either every op applies and the result keeps the
 * session's integrity (links join existing annotations, verdicts are on the
 * scale, quotes match their positions), or nothing applies and the problems
 * come back as sentences. The inverse batch that undoes it comes back too,
 * including cascades (deleting an annotation removes its links; deleting a
 * speaker clears it from annotations).
 */
import type { Annotation, Link, Session } from '../model/session';
import {
  MAX_ANNOTATIONS_PER_SESSION,
  MAX_ARTICLES_PER_SESSION,
  MAX_DISMISSED_SUGGESTIONS,
  MAX_LINKS_PER_SESSION,
} from '../model/limits';
import { articleIndex } from '../article/article-index';
import type { SessionOp, SessionOpName } from './op-schema';

export type { SessionOp, SessionOpName } from './op-schema';

export type ApplyResult =
  { ok: true; session: Session; inverse: SessionOp[] } | { ok: false; problems: string[] };

/**
 * Every op name, once, for code that must not load the schema (the renderer
 * checks kept edits with it). The mapped type makes the compiler reject a list
 * that misses or invents an op, so `sessionOpSchema` stays the one declaration.
 */
const OP_NAME_SET: { readonly [N in SessionOpName]: true } = {
  'annotation.put': true,
  'annotation.delete': true,
  'link.put': true,
  'link.delete': true,
  'speaker.put': true,
  'speaker.delete': true,
  'article.put': true,
  'article.delete': true,
  'article.meta': true,
  'settings.put': true,
  'scale.put': true,
  'view.put': true,
  'session.rename': true,
  'dismissal.put': true,
  'dismissal.delete': true,
};
export const SESSION_OP_NAMES = Object.freeze(Object.keys(OP_NAME_SET) as SessionOpName[]);

/** True when `name` is the name of an op (see {@link SESSION_OP_NAMES}). */
export function isSessionOpName(name: unknown): name is SessionOpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(OP_NAME_SET, name);
}

/** Ops that only move the reader (view state); they are saved but never undone. */
export function isViewOnly(ops: readonly SessionOp[]): boolean {
  return ops.every((o) => o.op === 'view.put');
}

/**
 * Records keyed by id, copy-on-write: the session's own arrays are never
 * mutated. Deletes leave a hole that `values()` compacts once, so a batch of
 * many deletes stays linear.
 */
class Table<T extends { id: string }> {
  private items: (T | undefined)[];
  private pos: Map<string, number> | null = null;
  private copied = false;
  private holes = 0;
  private compacted: T[] | null = null;
  constructor(private readonly original: T[]) {
    this.items = original;
  }
  private index(): Map<string, number> {
    if (!this.pos) this.pos = new Map(this.original.map((x, i) => [x.id, i]));
    return this.pos;
  }
  private own(): void {
    if (!this.copied) {
      this.items = this.items.slice();
      this.copied = true;
    }
    this.compacted = null;
  }
  get(id: string): T | undefined {
    const i = this.index().get(id);
    return i === undefined ? undefined : this.items[i];
  }
  /** Insert or replace; returns the record it replaced. */
  put(item: T): T | undefined {
    this.own();
    const idx = this.index();
    const i = idx.get(item.id);
    if (i === undefined) {
      idx.set(item.id, this.items.length);
      this.items.push(item);
      return undefined;
    }
    const prev = this.items[i];
    this.items[i] = item;
    return prev;
  }
  /** Remove; returns the removed record. */
  delete(id: string): T | undefined {
    const idx = this.index();
    const i = idx.get(id);
    if (i === undefined) return undefined;
    this.own();
    const prev = this.items[i];
    this.items[i] = undefined;
    idx.delete(id);
    this.holes++;
    return prev;
  }
  values(): T[] {
    if (!this.copied) return this.original;
    if (!this.compacted) {
      this.compacted = this.holes
        ? (this.items.filter((x) => x !== undefined) as T[])
        : (this.items as T[]);
    }
    return this.compacted;
  }
  get size(): number {
    return this.items.length - this.holes;
  }
  changed(): boolean {
    return this.copied;
  }
}

/**
 * Apply a batch of ops. Never throws for bad input: problems come back as
 * sentences and the session is unchanged.
 *
 * `now` is the batch's time: it stamps `updatedAt` (unless the batch only
 * moves the view) and the `modified` of annotations a cascade changes. The
 * service's store passes its clock, and journal replay the time it recorded.
 * `null` leaves every time as it was: the renderer's optimistic copy passes
 * null, because the batch's time is decided once, by the service that saves it.
 */
export function applyOps(
  session: Session,
  ops: readonly SessionOp[],
  now: string | null,
): ApplyResult {
  const annotations = new Table(session.annotations);
  const links = new Table(session.links);
  const speakers = new Table(session.speakers);
  const articles = new Table(session.articles);
  const dismissed = new Table(session.dismissed ?? []);
  let { settings, scale, view, name } = session;
  const inverse: SessionOp[] = [];
  const problems: string[] = [];
  const touchedAnnotations = new Set<string>();
  const touchedLinks = new Set<string>();

  const restoreAnnotation = (prev: Annotation | undefined, id: string) =>
    inverse.push(
      prev ? { op: 'annotation.put', annotation: prev } : { op: 'annotation.delete', id },
    );
  const restoreLink = (prev: Link | undefined, id: string) =>
    inverse.push(prev ? { op: 'link.put', link: prev } : { op: 'link.delete', id });

  for (const o of ops) {
    switch (o.op) {
      case 'annotation.put': {
        restoreAnnotation(annotations.put(o.annotation), o.annotation.id);
        touchedAnnotations.add(o.annotation.id);
        break;
      }
      case 'annotation.delete': {
        for (const l of links.values().filter((l) => l.from === o.id || l.to === o.id)) {
          restoreLink(links.delete(l.id), l.id);
        }
        const prev = annotations.delete(o.id);
        if (prev) inverse.push({ op: 'annotation.put', annotation: prev });
        break;
      }
      case 'link.put':
        restoreLink(links.put(o.link), o.link.id);
        touchedLinks.add(o.link.id);
        break;
      case 'link.delete': {
        const prev = links.delete(o.id);
        if (prev) inverse.push({ op: 'link.put', link: prev });
        break;
      }
      case 'speaker.put': {
        const prev = speakers.put(o.speaker);
        inverse.push(
          prev ? { op: 'speaker.put', speaker: prev } : { op: 'speaker.delete', id: o.speaker.id },
        );
        break;
      }
      case 'speaker.delete': {
        for (const a of annotations.values().filter((a) => a.speakerId === o.id)) {
          restoreAnnotation(
            annotations.put({ ...a, speakerId: null, modified: now ?? a.modified }),
            a.id,
          );
        }
        const prev = speakers.delete(o.id);
        if (prev) inverse.push({ op: 'speaker.put', speaker: prev });
        break;
      }
      case 'article.put': {
        const prev = articles.put(o.article);
        inverse.push(
          prev ? { op: 'article.put', article: prev } : { op: 'article.delete', id: o.article.id },
        );
        break;
      }
      case 'article.delete': {
        const gone = annotations.values().filter((a) => a.target.articleId === o.id);
        for (const a of gone) {
          for (const l of links.values().filter((l) => l.from === a.id || l.to === a.id)) {
            restoreLink(links.delete(l.id), l.id);
          }
          restoreAnnotation(annotations.delete(a.id), a.id);
        }
        const prev = articles.delete(o.id);
        if (prev) inverse.push({ op: 'article.put', article: prev });
        break;
      }
      case 'article.meta': {
        const prev = articles.get(o.articleId);
        if (!prev) {
          problems.push('That article is not in this session.');
          break;
        }
        articles.put({ ...prev, meta: o.meta });
        inverse.push({ op: 'article.meta', articleId: o.articleId, meta: prev.meta });
        break;
      }
      case 'settings.put':
        inverse.push({ op: 'settings.put', settings });
        settings = o.settings;
        break;
      case 'scale.put':
        inverse.push({ op: 'scale.put', scale });
        scale = o.scale;
        break;
      case 'view.put':
        inverse.push({ op: 'view.put', view });
        view = o.view;
        break;
      case 'session.rename':
        inverse.push({ op: 'session.rename', name });
        name = o.name;
        break;
      case 'dismissal.put': {
        const prev = dismissed.put(o.dismissal);
        inverse.push(
          prev
            ? { op: 'dismissal.put', dismissal: prev }
            : { op: 'dismissal.delete', id: o.dismissal.id },
        );
        break;
      }
      case 'dismissal.delete': {
        const prev = dismissed.delete(o.id);
        if (prev) inverse.push({ op: 'dismissal.put', dismissal: prev });
        break;
      }
      default: {
        // A new op in `op-schema.ts` must be handled above: this line stops compiling until it is.
        const unhandled: never = o;
        problems.push(`Unknown change "${String((unhandled as SessionOp).op)}".`);
      }
    }
  }

  // Integrity of what this batch touched.
  const stepIds = new Set(scale.steps.map((s) => s.id));
  const check = (a: Annotation) => {
    const article = articles.get(a.target.articleId);
    if (!article)
      return problems.push('An annotation refers to an article that is not in this session.');
    if (a.speakerId !== null && !speakers.get(a.speakerId))
      problems.push('An annotation names a speaker who is not in this session.');
    if (a.verdict) {
      if (a.kind !== 'claim') problems.push('Only a claim can carry a verdict.');
      else if (!stepIds.has(a.verdict.stepId))
        problems.push('That verdict is not on this session’s rating scale.');
    }
    if (a.target.status !== 'orphaned') {
      const idx = articleIndex(article);
      const { start, end } = a.target.position;
      if (
        end > idx.lengthCp ||
        article.text.slice(idx.toUtf16(start), idx.toUtf16(end)) !== a.target.quote.exact
      ) {
        problems.push('An annotation’s quote does not match the article text at its position.');
      }
    }
    return 0;
  };
  for (const id of touchedAnnotations) {
    const a = annotations.get(id);
    if (a) check(a);
  }
  if (articles.changed() || speakers.changed() || scale !== session.scale) {
    // Articles, speakers or the scale changed: recheck every annotation that may depend on them.
    for (const a of annotations.values()) if (!touchedAnnotations.has(a.id)) check(a);
  }
  for (const id of touchedLinks) {
    const l = links.get(id);
    if (!l) continue;
    if (l.from === l.to) problems.push('An annotation cannot be linked to itself.');
    else if (!annotations.get(l.from) || !annotations.get(l.to))
      problems.push('A link must join two annotations of this session.');
    else if (
      links
        .values()
        .some(
          (x) => x.id !== l.id && x.from === l.from && x.to === l.to && x.relation === l.relation,
        )
    ) {
      problems.push('Those two annotations are already linked that way.');
    }
  }
  if (annotations.size > MAX_ANNOTATIONS_PER_SESSION)
    problems.push(
      `A session can hold at most ${MAX_ANNOTATIONS_PER_SESSION.toLocaleString('en')} annotations.`,
    );
  if (links.size > MAX_LINKS_PER_SESSION)
    problems.push(
      `A session can hold at most ${MAX_LINKS_PER_SESSION.toLocaleString('en')} links.`,
    );
  if (dismissed.size > MAX_DISMISSED_SUGGESTIONS)
    problems.push(
      `A session can keep at most ${MAX_DISMISSED_SUGGESTIONS.toLocaleString('en')} dismissed suggestions.`,
    );
  if (articles.size > MAX_ARTICLES_PER_SESSION)
    problems.push(`A session can hold at most ${MAX_ARTICLES_PER_SESSION} articles.`);
  if (view.openArticleId !== null && !articles.get(view.openArticleId))
    view = { ...view, openArticleId: articles.values()[0]?.id ?? null };

  if (problems.length) return { ok: false, problems: [...new Set(problems)] };
  const viewOnly = isViewOnly(ops);
  return {
    ok: true,
    inverse: inverse.reverse(),
    session: {
      ...session,
      name,
      settings,
      scale,
      view,
      articles: articles.values(),
      speakers: speakers.values(),
      annotations: annotations.values(),
      links: links.values(),
      // Absent until the first dismissal, so sessions without any keep their exact shape.
      ...(dismissed.changed() ? { dismissed: dismissed.values() } : {}),
      revision: session.revision + 1,
      updatedAt: viewOnly || now === null ? session.updatedAt : now,
    },
  };
}
