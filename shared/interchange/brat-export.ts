/**
 * brat standoff export: for each article a `.txt` holding exactly its
 * canonical text and an `.ann` with
 * - `T` lines: kind and span, `T1<TAB>Claim 803 906<TAB>the disclosures…`;
 *   offsets are Unicode code points (brat is Python and counts code points),
 *   so each span equals the annotation's TextPositionSelector. A span that
 *   crosses a line break is written as brat writes it itself: fragments
 *   `start end;start end` around each `\n`, text joined with spaces;
 * - `R` lines: links between two placed annotations of the same article,
 *   `R1<TAB>contradicts Arg1:T2 Arg2:T1` (Arg1 = the link's `from`);
 * - `A` lines: `A1<TAB>Verdict T1 mostly-true` (the step id);
 * - `#` lines: `AnnotatorNotes` on a T (speaker, rationale, tags, note) or on
 *   an R (the link's note), each on one line (line breaks become spaces).
 *
 * Orphaned annotations have no span in the text, so they are **skipped**, as
 * are links that touch them or join two articles; the counts come back and
 * are reported to the user.
 */
import type { Annotation, Session } from '../model/session';
import { KIND_LABELS } from '../model/vocabulary';
import { articleIndex } from '../article/article-index';

export interface BratDocument {
  articleId: string;
  txt: string;
  ann: string;
}

export interface BratExport {
  documents: BratDocument[];
  skippedOrphans: number;
  skippedLinks: number;
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** brat types and attribute values are single tokens. */
function token(s: string): string {
  return s.replace(/\s+/g, '_');
}

/** Fragments of a span `[start, end)` (code points) that avoid line breaks. */
function fragments(
  text: string,
  start16: number,
  end16: number,
  toCp: (o: number) => number,
): { frags: [number, number][]; text: string } {
  const frags: [number, number][] = [];
  const parts: string[] = [];
  let s = start16;
  for (let i = start16; i <= end16; i++) {
    if (i === end16 || text.charCodeAt(i) === 10) {
      if (i > s) {
        frags.push([toCp(s), toCp(i)]);
        parts.push(text.slice(s, i));
      }
      s = i + 1;
    }
  }
  return { frags, text: parts.join(' ') };
}

/** Build the brat files of every article. Linear in annotations + links. */
export function buildBrat(session: Session): BratExport {
  const speakers = new Map(session.speakers.map((s) => [s.id, s.name]));
  const steps = new Map(session.scale.steps.map((s) => [s.id, s]));
  const byArticle = new Map<string, Annotation[]>();
  let skippedOrphans = 0;
  for (const a of session.annotations) {
    if (a.target.status === 'orphaned') {
      skippedOrphans++;
      continue;
    }
    const list = byArticle.get(a.target.articleId);
    if (list) list.push(a);
    else byArticle.set(a.target.articleId, [a]);
  }
  const tIds = new Map<string, { articleId: string; t: string }>();
  const linesByArticle = new Map<
    string,
    { t: string[]; r: string[]; a: string[]; notes: string[] }
  >();
  for (const article of session.articles) {
    const idx = articleIndex(article);
    const lines = {
      t: [] as string[],
      r: [] as string[],
      a: [] as string[],
      notes: [] as string[],
    };
    linesByArticle.set(article.id, lines);
    for (const a of byArticle.get(article.id) ?? []) {
      const t = `T${lines.t.length + 1}`;
      tIds.set(a.id, { articleId: article.id, t });
      const { start, end } = a.target.position;
      const f = fragments(article.text, idx.toUtf16(start), idx.toUtf16(end), (o) =>
        idx.toCodePoint(o),
      );
      if (!f.frags.length) f.frags.push([start, end]);
      lines.t.push(
        `${t}\t${token(KIND_LABELS[a.kind])} ${f.frags.map(([s, e]) => `${s} ${e}`).join(';')}\t${f.text}`,
      );
      if (a.verdict)
        lines.a.push(`A${lines.a.length + 1}\tVerdict ${t} ${token(a.verdict.stepId)}`);
      const note = annotationNote(a, speakers, steps);
      if (note) lines.notes.push(`${t}\t${note}`);
    }
  }
  let skippedLinks = 0;
  for (const l of session.links) {
    const from = tIds.get(l.from);
    const to = tIds.get(l.to);
    if (!from || !to || from.articleId !== to.articleId) {
      skippedLinks++;
      continue;
    }
    const lines = linesByArticle.get(from.articleId)!;
    const r = lines.r.length + 1;
    lines.r.push(`R${r}\t${token(l.relation)} Arg1:${from.t} Arg2:${to.t}`);
    if (l.note.trim()) lines.notes.push(`R${r}\t${oneLine(l.note)}`);
  }
  const documents = session.articles.map((article) => {
    const lines = linesByArticle.get(article.id)!;
    const notes = lines.notes.map((n, i) => `#${i + 1}\tAnnotatorNotes ${n}`);
    const all = [...lines.t, ...lines.r, ...lines.a, ...notes];
    return {
      articleId: article.id,
      txt: article.text,
      ann: all.length ? `${all.join('\n')}\n` : '',
    };
  });
  return { documents, skippedOrphans, skippedLinks };
}

function annotationNote(
  a: Annotation,
  speakers: Map<string, string>,
  steps: Map<string, { label: string }>,
): string {
  const parts: string[] = [];
  const speaker = a.speakerId ? speakers.get(a.speakerId) : undefined;
  if (speaker) parts.push(`Speaker: ${oneLine(speaker)}`);
  if (a.verdict) {
    const label = steps.get(a.verdict.stepId)?.label ?? a.verdict.stepId;
    parts.push(
      `Verdict: ${oneLine(label)}${a.verdict.rationale.trim() ? `. ${oneLine(a.verdict.rationale)}` : ''}`,
    );
  }
  if (a.tags.length) parts.push(`Tags: ${a.tags.map(oneLine).join(', ')}`);
  if (a.note.trim()) parts.push(`Note: ${oneLine(a.note)}`);
  return parts.join(' | ');
}

/** Sentences telling the user what the brat files leave out, if anything. */
export function bratNotices(b: BratExport): string[] {
  const out: string[] = [];
  if (b.skippedOrphans)
    out.push(
      `${b.skippedOrphans} orphaned annotation${b.skippedOrphans === 1 ? ' was' : 's were'} left out of the brat files: ${b.skippedOrphans === 1 ? 'it has' : 'they have'} no place in the current text.`,
    );
  if (b.skippedLinks)
    out.push(
      `${b.skippedLinks} link${b.skippedLinks === 1 ? ' was' : 's were'} left out of the brat files: brat relations must join two placed annotations of the same text.`,
    );
  return out;
}
