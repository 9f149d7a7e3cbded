/**
 * Less memory for a session just read from JSON, with every value unchanged.
 *
 * `JSON.parse` gives each string value its own copy: an annotation's quote is a
 * second copy of a passage of the article text, and the words that recur on
 * every annotation (`TextQuoteSelector`, the reviewer's name, the article id)
 * are stored again each time. At 10,000 annotations that is about 4 MB of the
 * renderer's heap (issue 11's `memory`). This pass makes the quote, its prefix
 * and its suffix slices of the article text where they are the text at the
 * annotation's position (V8 keeps a slice of 13 or more characters as a
 * reference into its parent, not a copy), and keeps one string for each value
 * of the recurring fields (taken from the vocabulary, the session's own lists
 * or the previous value). Timestamps, notes and rationales are left as they
 * are: in real sessions they seldom repeat.
 *
 * Only for a session no one has read yet (fresh from `JSON.parse`): the pass
 * replaces string fields in place with equal strings, which no reader can tell
 * apart, and allocates no new objects. Linear in the annotations and links.
 */
import type { Session } from '../model/session';
import { CodePointIndex } from '../text/code-points';
import { ANCHOR_STATUSES, ANNOTATION_KINDS, LINK_RELATIONS } from '../model/vocabulary';

/**
 * Shorter slices are copied by V8 anyway (`SlicedString::kMinLength`), so
 * replacing them would only cost time.
 */
const MIN_SLICE = 13;

export function shareSessionStrings(session: Session): void {
  // The recurring words come from a short list each (the vocabulary, the session's articles,
  // speakers and scale), or repeat the previous value (reviewers); only link ends and tags
  // need a table.
  const articles = new Map<string, { id: string; text: string; cp: CodePointIndex }>();
  for (const art of session.articles)
    articles.set(art.id, { id: art.id, text: art.text, cp: new CodePointIndex(art.text) });
  const speakers = session.speakers.map((s) => s.id);
  const steps = session.scale.steps.map((s) => s.id);
  const ids = new Map<string, string>();
  const tags = new Map<string, string>();
  let reviewer = '';
  const sameReviewer = (r: string) => (r === reviewer ? reviewer : (reviewer = r));
  for (const a of session.annotations) {
    ids.set(a.id, a.id);
    a.kind = fromList(ANNOTATION_KINDS, a.kind);
    a.reviewer = sameReviewer(a.reviewer);
    if (a.speakerId) a.speakerId = fromList(speakers, a.speakerId);
    if (a.verdict) a.verdict.stepId = fromList(steps, a.verdict.stepId);
    for (let i = 0; i < a.tags.length; i++) {
      const tag = a.tags[i]!;
      const kept = tags.get(tag);
      if (kept === undefined) tags.set(tag, tag);
      else a.tags[i] = kept;
    }
    const t = a.target;
    t.status = fromList(ANCHOR_STATUSES, t.status);
    if (t.quote.type === QUOTE) t.quote.type = QUOTE;
    if (t.position.type === POSITION) t.position.type = POSITION;
    const art = articles.get(t.articleId);
    if (!art) continue;
    t.articleId = art.id;
    if (t.status === 'orphaned') continue;
    const start = art.cp.toUtf16(t.position.start);
    const end = art.cp.toUtf16(t.position.end);
    const q = t.quote;
    q.exact = sliceIfSame(art.text, start, end, q.exact);
    q.prefix = sliceIfSame(art.text, start - q.prefix.length, start, q.prefix);
    q.suffix = sliceIfSame(art.text, end, end + q.suffix.length, q.suffix);
  }
  for (const l of session.links) {
    l.from = ids.get(l.from) ?? l.from;
    l.to = ids.get(l.to) ?? l.to;
    l.relation = fromList(LINK_RELATIONS, l.relation);
    l.reviewer = sameReviewer(l.reviewer);
  }
}

const QUOTE = 'TextQuoteSelector';
const POSITION = 'TextPositionSelector';

/** The list's own string equal to `value`, or `value` when the list has none. */
function fromList<T extends string>(list: readonly T[], value: T): T {
  for (const x of list) if (x === value) return x;
  return value;
}

/** `text.slice(start, end)` when it equals `value` (and is long enough to be a slice), else `value`. */
function sliceIfSame(text: string, start: number, end: number, value: string): string {
  if (value.length < MIN_SLICE || start < 0 || end > text.length) return value;
  const s = text.slice(start, end);
  return s === value ? s : value;
}
