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
 * of the recurring fields. Timestamps, notes and rationales are left as they
 * are: in real sessions they seldom repeat.
 *
 * Only for a session no one has read yet (fresh from `JSON.parse`): the pass
 * replaces string fields in place with equal strings, which no reader can tell
 * apart, and allocates no new objects. Linear in the annotations and links.
 */
import type { Session } from '../model/session';
import { CodePointIndex } from '../text/code-points';

/**
 * Shorter slices are copied by V8 anyway (`SlicedString::kMinLength`), so
 * replacing them would only cost time.
 */
const MIN_SLICE = 13;

export function shareSessionStrings(session: Session): void {
  const pool = new Map<string, string>();
  const one = (s: string): string => {
    const kept = pool.get(s);
    if (kept !== undefined) return kept;
    pool.set(s, s);
    return s;
  };
  const texts = new Map<string, { text: string; cp: CodePointIndex }>();
  for (const art of session.articles) {
    art.id = one(art.id);
    texts.set(art.id, { text: art.text, cp: new CodePointIndex(art.text) });
  }
  for (const a of session.annotations) {
    a.id = one(a.id);
    a.kind = one(a.kind) as typeof a.kind;
    a.reviewer = one(a.reviewer);
    if (a.speakerId) a.speakerId = one(a.speakerId);
    if (a.verdict) a.verdict.stepId = one(a.verdict.stepId);
    for (let i = 0; i < a.tags.length; i++) a.tags[i] = one(a.tags[i]!);
    const t = a.target;
    t.articleId = one(t.articleId);
    t.status = one(t.status) as typeof t.status;
    t.quote.type = one(t.quote.type) as typeof t.quote.type;
    t.position.type = one(t.position.type) as typeof t.position.type;
    const art = texts.get(t.articleId);
    if (!art || t.status === 'orphaned') continue;
    const start = art.cp.toUtf16(t.position.start);
    const end = art.cp.toUtf16(t.position.end);
    const q = t.quote;
    q.exact = sliceIfSame(art.text, start, end, q.exact);
    q.prefix = sliceIfSame(art.text, start - q.prefix.length, start, q.prefix);
    q.suffix = sliceIfSame(art.text, end, end + q.suffix.length, q.suffix);
  }
  for (const l of session.links) {
    l.from = one(l.from);
    l.to = one(l.to);
    l.relation = one(l.relation) as typeof l.relation;
    l.reviewer = one(l.reviewer);
  }
}

/** `text.slice(start, end)` when it equals `value` (and is long enough to be a slice), else `value`. */
function sliceIfSame(text: string, start: number, end: number, value: string): string {
  if (value.length < MIN_SLICE || start < 0 || end > text.length) return value;
  const s = text.slice(start, end);
  return s === value ? s : value;
}
