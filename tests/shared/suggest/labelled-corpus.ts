/**
 * The labelled set for claim suggestions: the documents in ./corpus/, each a
 * header of `%% key: value` lines ended by `%%`, then the text, in which every
 * check-worthy sentence is wrapped in `[[` … `]]`. The markers are removed to
 * give the canonical text; a sentence is labelled check-worthy when a marked
 * span covers most of it. The plain-text parser gives the blocks, as the
 * importer would.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parsePlainText } from '../../../shared/article/plain-text';
import type { Block } from '../../../shared/model/article';

export interface LabelledDocument {
  id: string;
  title: string;
  kind: string;
  source: string;
  licence: string;
  text: string;
  blocks: Block[];
  /** Marked spans, UTF-16 offsets into `text`. */
  gold: Array<{ start: number; end: number }>;
}

const DIR = new URL('./corpus/', import.meta.url);

/** Parse one labelled file's content. Throws on unbalanced markers, naming the file. */
export function parseLabelled(id: string, raw: string): LabelledDocument {
  const lines = raw.split('\n');
  const meta: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length && lines[i]!.startsWith('%%'); i++) {
    const m = /^%%\s*([\w-]+):\s*(.*)$/.exec(lines[i]!);
    if (m) meta[m[1]!] = m[2]!;
    else if (lines[i]!.trim() === '%%') {
      i++;
      break;
    }
  }
  const body = lines.slice(i).join('\n');
  let text = '';
  const gold: Array<{ start: number; end: number }> = [];
  let open = -1;
  for (let at = 0; at < body.length;) {
    if (body.startsWith('[[', at)) {
      if (open !== -1) throw new Error(`${id}: nested [[ at ${at}`);
      open = text.length;
      at += 2;
    } else if (body.startsWith(']]', at)) {
      if (open === -1) throw new Error(`${id}: ]] without [[ at ${at}`);
      gold.push({ start: open, end: text.length });
      open = -1;
      at += 2;
    } else {
      text += body[at];
      at++;
    }
  }
  if (open !== -1) throw new Error(`${id}: unclosed [[`);
  return {
    id,
    title: meta.title ?? id,
    kind: meta.kind ?? 'news',
    source: meta.source ?? '',
    licence: meta.licence ?? '',
    text,
    blocks: parsePlainText(text).blocks,
    gold,
  };
}

/** Every labelled document, in file-name order. */
export function loadLabelledCorpus(): LabelledDocument[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseLabelled(f.replace(/\.txt$/, ''), readFileSync(new URL(f, DIR), 'utf8')));
}

/** Whether a sentence `[start, end)` is check-worthy: marked spans cover more than half of it. */
export function isGold(doc: LabelledDocument, start: number, end: number): boolean {
  let covered = 0;
  for (const g of doc.gold) covered += Math.max(0, Math.min(end, g.end) - Math.max(start, g.start));
  return covered * 2 > end - start;
}
