/**
 * Reading W3C Web Annotation JSON-LD from other tools: find the annotations in
 * a collection (embedded pages), a page, an array or a single annotation,
 * and reduce each to what the importer needs (ids, times, creator, bodies
 * with their purposes, the text target or the two ends of a link).
 *
 * The W3C model allows many shapes for one thing (a string or an array, a
 * `type` or an `@type`, `bodyValue` for a plain comment, selectors alone or in
 * a list); this module accepts them all and refuses, with the item's number
 * and id, anything that is not an annotation of text or a link.
 */

/** One body, reduced: its purpose (lowercase; '' when none) and its text. */
export interface ReadBody {
  purpose: string;
  value: string;
}

export interface ReadTextTarget {
  source: string;
  quote: { exact: string; prefix: string; suffix: string } | null;
  position: { start: number; end: number } | null;
}

export interface ReadAnnotation {
  /** 1-based place in the file, for messages. */
  index: number;
  id: string | null;
  created: string | null;
  modified: string | null;
  creator: string | null;
  bodies: ReadBody[];
  /** Bodies that are not text (external resources), by IRI, reported and skipped. */
  skippedBodies: number;
  /** A text annotation's target, or the two ends of a link. */
  target:
    | { kind: 'text'; text: ReadTextTarget; extraTargets: number }
    | { kind: 'link'; from: string; to: string };
}

export type ReadResult = { ok: true; items: ReadAnnotation[] } | { ok: false; message: string };

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

function types(o: Obj): string[] {
  return [...list(o.type), ...list(o['@type'])].filter((t): t is string => typeof t === 'string');
}

function hasType(o: Obj, t: string): boolean {
  return types(o).some(
    (x) => x === t || x.endsWith(`#${t}`) || x.endsWith(`/${t}`) || x === `oa:${t}`,
  );
}

function idOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (isObj(v)) {
    const id = v.id ?? v['@id'];
    if (typeof id === 'string') return id;
  }
  return null;
}

/** Find the annotation objects in any of the accepted top-level shapes. */
function findItems(data: unknown): { ok: true; items: unknown[] } | { ok: false; message: string } {
  if (Array.isArray(data)) return { ok: true, items: data };
  if (!isObj(data)) return { ok: false, message: 'The file does not hold W3C Web Annotations.' };
  if (hasType(data, 'AnnotationCollection')) {
    const items: unknown[] = [];
    let page: unknown = data.first;
    if (page === undefined) {
      const total = typeof data.total === 'number' ? data.total : 0;
      return total > 0
        ? { ok: false, message: 'The collection has no first page.' }
        : { ok: true, items };
    }
    for (let n = 0; page !== undefined && page !== null; n++) {
      if (!isObj(page)) {
        return {
          ok: false,
          message: `The collection's page ${n + 1} is only linked (${String(idOf(page)).slice(0, 120)}), not included in the file. Save the collection with its pages embedded.`,
        };
      }
      items.push(...list(page.items ?? page['as:items']));
      page = page.next;
      if (n > 100_000) return { ok: false, message: 'The collection has too many pages.' };
    }
    return { ok: true, items };
  }
  if (hasType(data, 'AnnotationPage')) return { ok: true, items: list(data.items) };
  if (hasType(data, 'Annotation')) return { ok: true, items: [data] };
  return {
    ok: false,
    message:
      'The file does not hold W3C Web Annotations: expected an AnnotationCollection, an AnnotationPage, an array of annotations or one Annotation.',
  };
}

function readBodies(o: Obj): { bodies: ReadBody[]; skipped: number } {
  const bodies: ReadBody[] = [];
  let skipped = 0;
  if (typeof o.bodyValue === 'string') bodies.push({ purpose: '', value: o.bodyValue });
  for (const b of list(o.body)) {
    if (!isObj(b)) {
      skipped++;
      continue;
    }
    // A Choice or a body wrapping alternatives: take its first textual item.
    const target =
      hasType(b, 'Choice') && Array.isArray(b.items) && isObj(b.items[0]) ? (b.items[0] as Obj) : b;
    const value = target.value ?? target['rdf:value'] ?? target.chars;
    if (typeof value !== 'string') {
      skipped++;
      continue;
    }
    const purposes = list(target.purpose ?? b.purpose).filter(
      (p): p is string => typeof p === 'string',
    );
    bodies.push({ purpose: (purposes[0] ?? '').replace(/^oa:/, '').toLowerCase(), value });
  }
  return { bodies, skipped };
}

function readCreator(v: unknown): string | null {
  for (const c of list(v)) {
    if (isObj(c)) {
      const name = c.name ?? c.nickname ?? c['foaf:name'];
      if (typeof name === 'string' && name.trim()) return name.trim();
    }
  }
  return null;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** The text target of an annotation, or a sentence saying what is wrong with it. */
function readTextTarget(t: unknown): ReadTextTarget | string {
  if (typeof t === 'string') return 'its target is a whole resource, not a passage of text';
  if (!isObj(t)) return 'its target is not an object';
  const source = idOf(t.source) ?? idOf(t);
  if (!source) return 'its target has no source';
  let quote: ReadTextTarget['quote'] = null;
  let position: ReadTextTarget['position'] = null;
  for (const s of list(t.selector)) {
    if (!isObj(s)) continue;
    if (hasType(s, 'TextQuoteSelector') && !quote) {
      if (typeof s.exact !== 'string' || !s.exact) return 'its TextQuoteSelector has no exact text';
      const prefix = typeof s.prefix === 'string' ? s.prefix : '';
      const suffix = typeof s.suffix === 'string' ? s.suffix : '';
      quote = { exact: s.exact, prefix, suffix };
    } else if (hasType(s, 'TextPositionSelector') && !position) {
      if (!isCount(s.start) || !isCount(s.end) || s.end <= s.start) {
        return 'its TextPositionSelector needs whole-number start < end';
      }
      position = { start: s.start, end: s.end };
    }
  }
  if (!quote && !position)
    return 'its target has neither a TextQuoteSelector nor a TextPositionSelector';
  return { source, quote, position };
}

function isLinking(o: Obj): boolean {
  return list(o.motivation).some((m) => m === 'linking' || m === 'oa:linking');
}

function describeItem(index: number, o: unknown): string {
  const id = idOf(o);
  return `Annotation ${index}${id ? ` (${id.slice(0, 120)})` : ''}`;
}

/**
 * Parse and read a W3C Web Annotation file. Refuses the whole file (with a
 * sentence naming the first bad item) when it is not JSON, not annotations,
 * or holds an item that is neither a text annotation nor a link.
 */
export function readW3cAnnotations(content: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content);
  } catch (err) {
    return {
      ok: false,
      message: `The file is not valid JSON (${err instanceof Error ? err.message : 'parse error'}).`,
    };
  }
  const found = findItems(data);
  if (!found.ok) return found;
  const items: ReadAnnotation[] = [];
  for (let i = 0; i < found.items.length; i++) {
    const o = found.items[i];
    const where = describeItem(i + 1, o);
    if (!isObj(o)) {
      return {
        ok: false,
        message: `${where} is only a reference, not an annotation included in the file.`,
      };
    }
    if (!hasType(o, 'Annotation'))
      return { ok: false, message: `${where} is not of type Annotation.` };
    const { bodies, skipped } = readBodies(o);
    const base = {
      index: i + 1,
      id: idOf(o),
      created: typeof o.created === 'string' ? o.created : null,
      modified: typeof o.modified === 'string' ? o.modified : null,
      creator: readCreator(o.creator),
      bodies,
      skippedBodies: skipped,
    };
    const targets = list(o.target);
    if (!targets.length) return { ok: false, message: `${where} has no target.` };
    if (isLinking(o)) {
      const ends = targets.map(idOf);
      if (ends.length !== 2 || !ends[0] || !ends[1]) {
        return {
          ok: false,
          message: `${where} is a link, but its target is not the ids of exactly two annotations.`,
        };
      }
      items.push({ ...base, target: { kind: 'link', from: ends[0], to: ends[1] } });
      continue;
    }
    const text = readTextTarget(targets[0]);
    if (typeof text === 'string')
      return { ok: false, message: `${where} cannot be imported: ${text}.` };
    items.push({ ...base, target: { kind: 'text', text, extraTargets: targets.length - 1 } });
  }
  return { ok: true, items };
}
