/**
 * A realistic new version of an article, with the truth for every annotation (issue 11,
 * `reanchor-revision`). {@link reviseText} makes `count` seeded edits spread through the text:
 *
 * - `insert`: a new sentence between two sentences;
 * - `delete`: a sentence removed;
 * - `replace`: one word of a sentence replaced by another;
 * - `move`: a paragraph cut and put back elsewhere;
 * - `delete-paragraph`: a whole paragraph removed (chosen among those holding annotations);
 * - `repeat`: a sentence of the text copied, word for word, into another place.
 *
 * Edits never overlap one another. {@link truthFor} then says, for an annotation made on
 * `[start16, end16)` of the old text, what a correct re-anchoring does:
 *
 * - `same`: its text stands unchanged at `[start, end)` of the new text (an edit before it, or
 *   a move of its paragraph, only shifted it). The correct result is that exact range.
 * - `changed`: an edit fell inside it and at least half of its text survives; `[start, end)` is
 *   what became of it. The correct result is status `changed` on a range that shares at least
 *   half its length with that one (the boundaries of a changed passage are a judgement).
 * - `gone`: it lay inside removed text (or less than half of it survives). Correct: orphaned.
 *
 * A deletion or insertion can often slide: deleting " he said." after "she said." gives the
 * same new text as deleting "said. he " before it. When every edit inside an annotation can
 * slide out past one of its ends (not past another edit), its text stands intact in the new
 * text under an edit that is just as true to the new version as the one the generator made:
 * no tool can tell the two apart, since they give the same text. The truth then says so in
 * `alsoSame`, and that exact range with status `same` is correct too.
 *
 * `theirs` lists every range of the new text that holds text of the annotation (the surviving
 * remnant, a moved part). A tool that places the annotation on text overlapping none of them
 * has put it on text that is not its own: `wrong` (for example on the repeated copy of a
 * sentence, or on a similar sentence elsewhere).
 */
import { seededRandom } from '../shared/anchoring/annotation-fixtures';

export type EditKind = 'insert' | 'delete' | 'replace' | 'move' | 'delete-paragraph' | 'repeat';

/** One edit on the old text: `[from, to)` is replaced by `insert` (a move is two edits). */
interface Edit {
  kind: EditKind;
  from: number;
  to: number;
  insert: string;
  /** For the deleting half of a move: where the paragraph went (index into the edit list). */
  movedTo?: number;
}

export interface Revision {
  oldText: string;
  newText: string;
  /** How many edits of each kind were made (a move counts once). */
  kinds: Record<EditKind, number>;
  /** Map an old offset to the new text. `side` picks the end of a replaced span. */
  map: (old16: number, side: 'before' | 'after') => number;
  edits: readonly Edit[];
  /** Where the cut paragraph of each move landed: old range → new start. */
  moves: ReadonlyArray<{ from: number; to: number; newStart: number }>;
}

export type Truth =
  | { kind: 'same'; start: number; end: number; theirs: Array<[number, number]> }
  | {
      kind: 'changed';
      start: number;
      end: number;
      theirs: Array<[number, number]>;
      alsoSame?: [number, number];
    }
  | { kind: 'gone'; theirs: Array<[number, number]>; alsoSame?: [number, number] };

/** What a tool did with one annotation, in UTF-16 offsets of the new text. */
export interface Placed {
  status: 'same' | 'changed' | 'orphaned';
  start: number;
  end: number;
}

const NEW_SENTENCES = [
  'The ministry declined to comment on the figures when asked on Tuesday.',
  'This article has been updated with a response from the committee.',
  'A correction: an earlier version of this report misstated the date of the hearing.',
  'Officials did not say when the full findings would be published.',
  'Lawyers for the company said they were reviewing the decision.',
  'The figures could not be independently verified.',
];
const NEW_WORDS = ['reportedly', 'formally', 'publicly', 'again', 'quietly', 'initially'];

interface Span {
  from: number;
  to: number;
}

/** Paragraphs (separated by blank lines) and their sentences, in UTF-16 offsets. */
function structure(text: string): { paragraphs: Span[]; sentences: Span[] } {
  const paragraphs: Span[] = [];
  const sentences: Span[] = [];
  const para = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (let m = para.exec(text); m; m = para.exec(text)) {
    if (m.index === 0) continue; // the header line (date and captions) is never edited
    const p = { from: m.index, to: m.index + m[0].length };
    if (m[0].trim().length < 40) continue;
    paragraphs.push(p);
    const sent = /[^.!?\n]*[A-Za-z][^.!?\n]*[.!?]+["”’)]?/g;
    for (let s = sent.exec(m[0]); s; s = sent.exec(m[0])) {
      const lead = s[0].length - s[0].trimStart().length;
      const from = p.from + s.index + lead;
      const to = p.from + s.index + s[0].length;
      if (to - from >= 25) sentences.push({ from, to });
    }
  }
  return { paragraphs, sentences };
}

/**
 * Make `count` edits (seeded) on `oldText`, spread over its whole length: about 30% sentence
 * insertions, 20% sentence deletions, 30% word replacements, 10% paragraph moves, and 10%
 * repeated sentences, plus two deletions of whole paragraphs that hold annotations
 * (`annotated` lists annotation ranges, to choose those paragraphs).
 */
export function reviseText(
  oldText: string,
  count: number,
  seed: number,
  annotated: ReadonlyArray<Span> = [],
): Revision {
  const random = seededRandom(seed);
  const { paragraphs, sentences } = structure(oldText);
  if (paragraphs.length < 10 || sentences.length < 20)
    throw new Error('reviseText needs a text of at least 10 paragraphs and 20 sentences');
  const edits: Edit[] = [];
  const taken: Span[] = [];
  const free = (from: number, to: number) => !taken.some((t) => from < t.to + 2 && t.from < to + 2);
  const take = (from: number, to: number) => taken.push({ from, to });
  const kinds: Record<EditKind, number> = {
    insert: 0,
    delete: 0,
    replace: 0,
    move: 0,
    'delete-paragraph': 0,
    repeat: 0,
  };
  const pickIn = <T extends Span>(list: readonly T[], slot: number, slots: number): T => {
    // Spread: edit number `slot` of `slots` draws from its own stretch of the text.
    const lo = Math.floor((list.length * slot) / slots);
    const hi = Math.max(lo + 1, Math.floor((list.length * (slot + 1)) / slots));
    return list[lo + Math.floor(random() * (hi - lo))]!;
  };
  // Two annotated paragraphs removed whole.
  const annotatedParagraphs = paragraphs.filter((p) =>
    annotated.some((a) => a.from >= p.from && a.to <= p.to),
  );
  for (let k = 0; k < 2 && annotatedParagraphs.length > 2; k++) {
    const p = pickIn(annotatedParagraphs, k + 1, 4);
    if (!free(p.from, p.to)) continue;
    take(p.from, p.to);
    edits.push({ kind: 'delete-paragraph', from: p.from, to: p.to, insert: '' });
    kinds['delete-paragraph']++;
  }
  const plan: EditKind[] = [];
  for (let i = 0; plan.length < count - kinds['delete-paragraph']; i++) {
    const r = (i * 7919) % 10;
    plan.push(r < 3 ? 'insert' : r < 5 ? 'delete' : r < 8 ? 'replace' : r < 9 ? 'move' : 'repeat');
  }
  plan.forEach((kind, slot) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      if (kind === 'insert') {
        const s = pickIn(sentences, slot, plan.length);
        if (!free(s.to, s.to)) continue;
        take(s.to, s.to);
        const text = NEW_SENTENCES[Math.floor(random() * NEW_SENTENCES.length)]!;
        edits.push({ kind, from: s.to, to: s.to, insert: ` ${text}` });
      } else if (kind === 'delete') {
        const s = pickIn(sentences, slot, plan.length);
        // The sentence and the space before it.
        const from = oldText[s.from - 1] === ' ' ? s.from - 1 : s.from;
        if (!free(from, s.to)) continue;
        take(from, s.to);
        edits.push({ kind, from, to: s.to, insert: '' });
      } else if (kind === 'replace') {
        const s = pickIn(sentences, slot, plan.length);
        const words = [...oldText.slice(s.from, s.to).matchAll(/[a-z]{4,}/g)];
        if (words.length < 2) continue;
        const w = words[1 + Math.floor(random() * (words.length - 1))]!;
        const from = s.from + w.index;
        const to = from + w[0].length;
        if (!free(from, to)) continue;
        const insert = NEW_WORDS[Math.floor(random() * NEW_WORDS.length)]!;
        if (insert === w[0]) continue;
        take(from, to);
        edits.push({ kind, from, to, insert });
      } else if (kind === 'move') {
        const p = pickIn(paragraphs, slot, plan.length);
        const target = paragraphs[Math.floor(random() * paragraphs.length)]!;
        // Cut the paragraph with the blank line before it; put it back after `target`.
        const from = p.from - 2;
        if (target === p || oldText.slice(from, p.from) !== '\n\n') continue;
        if (!free(from, p.to) || !free(target.to, target.to)) continue;
        if (target.to >= from && target.to <= p.to) continue;
        take(from, p.to);
        take(target.to, target.to);
        edits.push({
          kind,
          from: target.to,
          to: target.to,
          insert: oldText.slice(from, p.to),
        });
        edits.push({ kind, from, to: p.to, insert: '', movedTo: edits.length - 1 });
      } else {
        // repeat: a sentence copied after another sentence elsewhere.
        const s = pickIn(sentences, slot, plan.length);
        const at = sentences[Math.floor(random() * sentences.length)]!;
        if (at === s || !free(at.to, at.to)) continue;
        take(at.to, at.to);
        edits.push({ kind, from: at.to, to: at.to, insert: ` ${oldText.slice(s.from, s.to)}` });
      }
      kinds[kind]++;
      return;
    }
  });
  edits.sort((a, b) => a.from - b.from || a.to - b.to);
  // Build the new text and the offset map (a sorted list of edits with their new starts).
  const newStarts: number[] = [];
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += oldText.slice(at, e.from);
    newStarts.push(out.length);
    out += e.insert;
    at = e.to;
  }
  out += oldText.slice(at);
  const map = (old16: number, side: 'before' | 'after'): number => {
    // The last edit starting at or before old16.
    let lo = 0;
    let hi = edits.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (edits[mid]!.from <= old16) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0) return old16;
    // Insertions at exactly old16: "after" lands after them, "before" before them.
    while (side === 'before' && k >= 0 && edits[k]!.from === old16 && edits[k]!.to === old16) k--;
    if (k < 0) return old16;
    const e = edits[k]!;
    const s = newStarts[k]!;
    if (old16 >= e.to) return s + e.insert.length + (old16 - e.to);
    // Inside a removed or replaced span.
    return side === 'before' ? s : s + e.insert.length;
  };
  const moves = edits
    .filter((e) => e.movedTo !== undefined)
    .map((e) => {
      const dest = edits.findIndex(
        (d) => d.kind === 'move' && d.insert === oldText.slice(e.from, e.to) && d.from !== e.from,
      );
      return { from: e.from, to: e.to, newStart: newStarts[dest]! };
    });
  return { oldText, newText: out, kinds, map, edits, moves };
}

/** The truth for an annotation on `[start16, end16)` of the old text (see the module comment). */
export function truthFor(rev: Revision, start16: number, end16: number): Truth {
  const len = end16 - start16;
  for (const m of rev.moves) {
    if (start16 >= m.from && end16 <= m.to) {
      const start = m.newStart + (start16 - m.from);
      return { kind: 'same', start, end: start + len, theirs: [[start, start + len]] };
    }
  }
  const inside = rev.edits.filter((e) =>
    e.from === e.to ? e.from > start16 && e.from < end16 : e.from < end16 && e.to > start16,
  );
  const start = rev.map(start16, 'after');
  const end = rev.map(end16, 'before');
  if (inside.length === 0) return { kind: 'same', start, end, theirs: [[start, end]] };
  let removed = 0;
  const theirs: Array<[number, number]> = [];
  for (const e of inside) {
    removed += Math.min(e.to, end16) - Math.max(e.from, start16);
    const m = rev.moves.find((x) => x.from === e.from && x.to === e.to);
    if (m) {
      const a = Math.max(e.from, start16);
      const b = Math.min(e.to, end16);
      theirs.push([m.newStart + (a - m.from), m.newStart + (b - m.from)]);
    }
  }
  if (end > start) theirs.push([start, end]);
  const slid = slideOut(rev, inside, start16, end16);
  const alsoSame = slid === null ? {} : { alsoSame: [slid, slid + len] as [number, number] };
  if (slid !== null) theirs.push([slid, slid + len]);
  if (removed * 2 > len || end <= start) return { kind: 'gone', theirs, ...alsoSame };
  return { kind: 'changed', start, end, theirs, ...alsoSame };
}

/**
 * Where old `[start16, end16)` reads, intact, in the new text if each edit inside it slid out
 * past one of its ends (see the module comment), or null when one cannot. Moves never slide.
 */
function slideOut(
  rev: Revision,
  inside: readonly Edit[],
  start16: number,
  end16: number,
): number | null {
  const { oldText, edits } = rev;
  if (inside.length === 0 || inside.some((e) => e.kind === 'move')) return null;
  let at: number | null = null;
  for (const e of inside) {
    const k = edits.indexOf(e);
    const lo = k > 0 ? edits[k - 1]!.to : 0;
    const hi = k + 1 < edits.length ? edits[k + 1]!.from : oldText.length;
    // The new offset of start16 with this edit put after it, and the edit's net length.
    const before = rev.map(e.from, 'before') - e.from + start16;
    const delta = e.insert.length - (e.to - e.from);
    if (e.insert.length > 0 && e.to > e.from) return null; // a replaced word does not slide
    let out: 'left' | 'right' | null = null;
    if (e.to > e.from) {
      let f = e.from;
      let t = e.to;
      while (t > start16 && f > lo && oldText[f - 1] === oldText[t - 1]) {
        f--;
        t--;
      }
      if (t <= start16) out = 'left';
      f = e.from;
      t = e.to;
      while (f < end16 && t < hi && oldText[f] === oldText[t]) {
        f++;
        t++;
      }
      if (out === null && f >= end16) out = 'right';
    } else {
      let ins = e.insert;
      let p = e.from;
      while (p > start16 && p > lo && ins[ins.length - 1] === oldText[p - 1]) {
        ins = oldText[p - 1] + ins.slice(0, -1);
        p--;
      }
      if (p <= start16) out = 'left';
      ins = e.insert;
      p = e.from;
      while (p < end16 && p < hi && ins[0] === oldText[p]) {
        ins = ins.slice(1) + oldText[p];
        p++;
      }
      if (out === null && p >= end16) out = 'right';
    }
    if (out === null) return null;
    // Every edit inside shares the shift before the first one; those slid left add their length.
    at ??= before;
    if (out === 'left') at += delta;
  }
  const x = at!;
  return rev.newText.startsWith(oldText.slice(start16, end16), x) ? x : null;
}

/** Judge one placement against its truth: `correct`, `wrong` (on text not its own), or neither. */
export function judge(truth: Truth, placed: Placed): 'correct' | 'wrong' | 'missed' {
  const overlapsTheirs = truth.theirs.some(([a, b]) => placed.start < b && a < placed.end);
  if (truth.kind !== 'same' && truth.alsoSame) {
    const [a, b] = truth.alsoSame;
    if (placed.status === 'same' && placed.start === a && placed.end === b) return 'correct';
  }
  if (truth.kind === 'gone') {
    if (placed.status === 'orphaned') return 'correct';
    return overlapsTheirs ? 'missed' : 'wrong';
  }
  if (placed.status === 'orphaned') return 'missed';
  if (truth.kind === 'same') {
    if (placed.status === 'same' && placed.start === truth.start && placed.end === truth.end)
      return 'correct';
    return overlapsTheirs ? 'missed' : 'wrong';
  }
  if (!overlapsTheirs) return 'wrong';
  const shared = Math.min(placed.end, truth.end) - Math.max(placed.start, truth.start);
  const union = Math.max(placed.end, truth.end) - Math.min(placed.start, truth.start);
  return placed.status === 'changed' && shared * 2 >= union ? 'correct' : 'missed';
}
