/**
 * Builders for the op batches the reviewer's actions produce: marking a
 * passage, filling in an annotation, setting a verdict, linking and deleting.
 *
 * Each builder checks what the reviewer asked for against the session and
 * returns either the batch to apply (one undo step) or a refusal sentence the
 * UI shows as it is. They never mutate the session; `applyOps` still checks
 * integrity when the batch is applied.
 */
import type { Annotation, Link, Session, Speaker, Verdict } from '../model/session';
import type { AnnotationKind, LinkRelation } from '../model/vocabulary';
import { KIND_LABELS, RELATION_LABELS } from '../model/vocabulary';
import { MAX_NOTE_CHARS, MAX_SHORT_TEXT } from '../model/limits';
import { newId } from '../model/ids';

import { describeRange } from '../anchoring/describe-range';
import { articleIndex } from '../article/article-index';
import type { SessionOp } from '../session/session-ops';

/** A batch to apply, or a sentence saying why nothing was done. */
export type EditResult<T = object> =
  ({ ok: true; ops: SessionOp[] } & T) | { ok: false; message: string };

const refuse = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** Shown when a mark is asked for with nothing selected. */
export const EMPTY_SELECTION_HINT =
  'Select some article text first (drag with the mouse, Shift+arrow keys, S for the sentence or Q for the quotation at the caret).';

/**
 * Trim whitespace from both ends of a UTF-16 range of `text`. Returns null
 * when nothing but whitespace is left.
 */
export function trimRange(
  text: string,
  start16: number,
  end16: number,
): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start16, end16));
  let e = Math.min(text.length, Math.max(start16, end16));
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return s < e ? { start: s, end: e } : null;
}

/**
 * Mark the UTF-16 range `[start16, end16)` of an article as a new annotation.
 * Whitespace at the ends is left out. Refuses an empty selection with
 * {@link EMPTY_SELECTION_HINT}.
 */
export function markPassage(
  session: Session,
  input: {
    articleId: string;
    start16: number;
    end16: number;
    kind: AnnotationKind;
    speakerId?: string | null;
  },
  now: string,
): EditResult<{ annotation: Annotation }> {
  const article = session.articles.find((a) => a.id === input.articleId);
  if (!article) return refuse('That article is not in this session.');
  const range = trimRange(article.text, input.start16, input.end16);
  if (!range) return refuse(EMPTY_SELECTION_HINT);
  const { quote, position } = describeRange(
    article.text,
    range.start,
    range.end,
    articleIndex(article),
  );
  const annotation: Annotation = {
    id: newId(),
    kind: input.kind,
    target: { articleId: article.id, quote, position, status: 'anchored' },
    speakerId: input.speakerId ?? null,
    note: '',
    tags: [],
    verdict: null,
    reviewer: session.settings.reviewer,
    created: now,
    modified: now,
  };
  return { ok: true, ops: [{ op: 'annotation.put', annotation }], annotation };
}

/**
 * Re-attach an annotation (usually an orphan) to new text: same id, kind,
 * speaker, note, links and verdict; new selectors, status `anchored`.
 */
export function reattachAnnotation(
  session: Session,
  annotationId: string,
  input: { articleId: string; start16: number; end16: number },
  now: string,
): EditResult {
  const prev = session.annotations.find((a) => a.id === annotationId);
  if (!prev) return refuse('That annotation no longer exists.');
  const mark = markPassage(session, { ...input, kind: prev.kind }, now);
  if (!mark.ok) return mark;
  const target = { ...mark.annotation.target };
  return {
    ok: true,
    ops: [{ op: 'annotation.put', annotation: { ...prev, target, modified: now } }],
  };
}

/** The fields of an annotation the detail panel edits. */
export type AnnotationPatch = Partial<
  Pick<Annotation, 'kind' | 'speakerId' | 'note' | 'tags' | 'verdict'>
>;

/**
 * Change fields of an annotation. Refuses notes and rationales over
 * {@link MAX_NOTE_CHARS} (never truncates) and verdicts on anything but a
 * claim. Changing a claim into another kind drops its verdict in the same batch.
 */
export function editAnnotation(
  session: Session,
  id: string,
  patch: AnnotationPatch,
  now: string,
): EditResult {
  const prev = session.annotations.find((a) => a.id === id);
  if (!prev) return refuse('That annotation no longer exists.');
  if (patch.note !== undefined && patch.note.length > MAX_NOTE_CHARS)
    return refuse(noteTooLong('note', patch.note.length));
  if (patch.verdict && patch.verdict.rationale.length > MAX_NOTE_CHARS)
    return refuse(noteTooLong('rationale', patch.verdict.rationale.length));
  const next: Annotation = { ...prev, ...patch, modified: now };
  if (next.kind !== 'claim' && next.verdict) {
    if (patch.verdict)
      return refuse(`Only a claim carries a verdict; this is marked as ${KIND_LABELS[next.kind]}.`);
    next.verdict = null;
  }
  if (next.verdict && !session.scale.steps.some((s) => s.id === next.verdict!.stepId))
    return refuse('That verdict is not on this session’s rating scale.');
  if (patch.tags) {
    const tags = normaliseTags(patch.tags);
    if (tags.some((t) => t.length > 200))
      return refuse('A tag can be at most 200 characters long.');
    next.tags = tags;
  }
  if (same(prev, next)) return { ok: true, ops: [] };
  return { ok: true, ops: [{ op: 'annotation.put', annotation: next }] };
}

/** Set or clear a claim's verdict (step and rationale together, one undo step). */
export function setVerdict(
  session: Session,
  id: string,
  verdict: Verdict | null,
  now: string,
): EditResult {
  return editAnnotation(session, id, { verdict }, now);
}

function noteTooLong(what: string, length: number): string {
  return `This ${what} is ${length.toLocaleString('en')} characters long; the limit is ${MAX_NOTE_CHARS.toLocaleString('en')}. Nothing was cut: shorten it, or keep the full text elsewhere and link to it.`;
}

/** Split, trim and de-duplicate tags (case-insensitively, keeping the first spelling). */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags.flatMap((t) => t.split(','))) {
    const t = raw.trim().replace(/\s+/g, ' ');
    if (!t || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}

function same(a: Annotation, b: Annotation): boolean {
  return (
    a.kind === b.kind &&
    a.speakerId === b.speakerId &&
    a.note === b.note &&
    a.tags.join('\u0000') === b.tags.join('\u0000') &&
    a.verdict?.stepId === b.verdict?.stepId &&
    a.verdict?.rationale === b.verdict?.rationale
  );
}

/**
 * Link two annotations: `from` {relation} `to`. Refuses a self-link and a
 * link that already exists with the same ends and relation (in either
 * direction for the symmetric "same claim as").
 */
export function linkAnnotations(
  session: Session,
  input: { from: string; to: string; relation: LinkRelation; note?: string },
  now: string,
): EditResult<{ link: Link }> {
  if (input.from === input.to)
    return refuse(
      'An annotation cannot be linked to itself. Pick another annotation as the target.',
    );
  const ids = new Set(session.annotations.map((a) => a.id));
  if (!ids.has(input.from) || !ids.has(input.to))
    return refuse('Both ends of a link must be annotations of this session.');
  const note = input.note ?? '';
  if (note.length > MAX_NOTE_CHARS) return refuse(noteTooLong('link note', note.length));
  const dup = session.links.find(
    (l) =>
      l.relation === input.relation &&
      ((l.from === input.from && l.to === input.to) ||
        (input.relation === 'same-claim-as' && l.from === input.to && l.to === input.from)),
  );
  if (dup)
    return refuse(
      `These two annotations are already linked: “${RELATION_LABELS[input.relation]}”.`,
    );
  const link: Link = {
    id: newId(),
    from: input.from,
    to: input.to,
    relation: input.relation,
    note,
    reviewer: session.settings.reviewer,
    created: now,
    modified: now,
  };
  return { ok: true, ops: [{ op: 'link.put', link }], link };
}

/** Change a link's relation, direction or note. */
export function editLink(
  session: Session,
  id: string,
  patch: Partial<Pick<Link, 'relation' | 'note'>> & { reverse?: boolean },
  now: string,
): EditResult {
  const prev = session.links.find((l) => l.id === id);
  if (!prev) return refuse('That link no longer exists.');
  if (patch.note !== undefined && patch.note.length > MAX_NOTE_CHARS)
    return refuse(noteTooLong('link note', patch.note.length));
  const next: Link = { ...prev, modified: now };
  if (patch.relation) next.relation = patch.relation;
  if (patch.note !== undefined) next.note = patch.note;
  if (patch.reverse) [next.from, next.to] = [prev.to, prev.from];
  const dup = session.links.find(
    (l) => l.id !== id && l.from === next.from && l.to === next.to && l.relation === next.relation,
  );
  if (dup)
    return refuse(`These two annotations are already linked: “${RELATION_LABELS[next.relation]}”.`);
  return { ok: true, ops: [{ op: 'link.put', link: next }] };
}

/** Remove a link. */
export function unlink(session: Session, id: string): EditResult {
  if (!session.links.some((l) => l.id === id)) return refuse('That link no longer exists.');
  return { ok: true, ops: [{ op: 'link.delete', id }] };
}

/**
 * Delete an annotation and, explicitly, every link that touches it (one undo
 * step restores them all). `linkCount` tells the UI whether to ask first.
 */
export function deleteAnnotation(session: Session, id: string): EditResult<{ linkCount: number }> {
  if (!session.annotations.some((a) => a.id === id))
    return refuse('That annotation no longer exists.');
  const links = session.links.filter((l) => l.from === id || l.to === id);
  const ops: SessionOp[] = links.map((l): SessionOp => ({ op: 'link.delete', id: l.id }));
  ops.push({ op: 'annotation.delete', id });
  return { ok: true, ops, linkCount: links.length };
}

/** Add a speaker (or change one). Refuses an empty name and names that are too long. */
export function putSpeaker(
  session: Session,
  input: Partial<Speaker> & { name: string },
): EditResult<{ speaker: Speaker }> {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) return refuse('A speaker needs a name.');
  const fields = [name, input.role ?? '', input.organisation ?? '', ...(input.aliases ?? [])];
  if (fields.some((f) => f.length > MAX_SHORT_TEXT))
    return refuse(`Names, roles and aliases can be at most ${MAX_SHORT_TEXT} characters long.`);
  const prev = input.id ? session.speakers.find((s) => s.id === input.id) : undefined;
  const speaker: Speaker = {
    id: prev?.id ?? input.id ?? newId(),
    name,
    kind: input.kind ?? prev?.kind ?? guessSpeakerKind(name),
    role: (input.role ?? prev?.role ?? '').trim(),
    organisation: (input.organisation ?? prev?.organisation ?? '').trim(),
    aliases: normaliseTags(input.aliases ?? prev?.aliases ?? []).filter(
      (a) => a.toLowerCase() !== name.toLowerCase(),
    ),
  };
  return { ok: true, ops: [{ op: 'speaker.put', speaker }], speaker };
}

const ORG_WORDS =
  /\b(post|times|news|journal|agency|ministry|department|office|house|government|committee|council|party|reuters|associated press|ap|bbc|cnn|fbi|cia|nsa|un|eu|inc|ltd|corp|company|university|institute|foundation)\b/i;

/** A first guess at whether a new speaker is a person or an organisation; the reviewer can change it. */
export function guessSpeakerKind(name: string): Speaker['kind'] {
  return /^the\s/i.test(name) || ORG_WORDS.test(name) ? 'organization' : 'person';
}
