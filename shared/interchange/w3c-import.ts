/**
 * W3C Web Annotation import: turns a file (ours or another tool's) into one
 * batch of {@link SessionOp}s that the app applies as a single undoable step,
 * plus a report. Pure; the session passed in is never changed.
 *
 * - Targets are matched to the session's articles by `source` (the article's
 *   URL, or `urn:sha256:<hex>` of its text); targets that match none go to
 *   `fallbackArticleId` when one is given, and the import is refused when not.
 * - Each quote is anchored with `anchorSelector` (position first, then quote,
 *   prefix and suffix); a TextPositionSelector alone is taken at its word.
 *   What cannot be anchored is kept as an orphan and reported, never dropped.
 *   A quote found only with other wording is `changed` (the file's quote kept
 *   as `was`), and so is an annotation the exporting session had flagged
 *   `changed` (its `questioning` body, see `changedFlagBody`).
 * - Bodies: `classifying` → kind (labels matched without regard to case),
 *   `assessing` → verdict (`<label>` then a blank line and the rationale, or
 *   `<label>: rationale`), `commenting` (and bodies with no or another textual
 *   purpose) → note, `tagging` → tags, `identifying` → speaker (found by name
 *   or alias, else created). Without a classifying body the kind is Claim when
 *   a verdict is given, else Context.
 * - `linking` annotations become links; the relation is the first body whose
 *   text is a relation label, the note its commenting body.
 * - Ids: `urn:uuid:<uuid>` keeps the uuid unless the session already uses it.
 *
 * The batch is checked with `applyOps` before it is returned, so a result
 * that comes back `ok` applies cleanly.
 */
import type { AnnotationImportReport, ApiResult } from '../api/contract';
import type { Article } from '../model/article';
import type { Annotation, Link, Session, Speaker } from '../model/session';
import type { AnnotationKind } from '../model/vocabulary';
import { kindFromLabel, relationFromLabel } from '../model/vocabulary';
import { stepFromLabel, type RatingScale, type RatingStep } from '../model/rating-scale';
import { annotationSchema } from '../model/session-schema';
import { describeIssues } from '../session/validate-session';
import { isUuid, newId } from '../model/ids';
import { applyOps, type SessionOp } from '../session/session-ops';
import { anchorSelector, createAnchorIndex, describeRange, type AnchorIndex } from '../anchoring';
import { safeHttpUrl } from '../article/safe-url';
import { codePointLength } from '../text/code-points';
import { wrapQuote } from '../text/quote-marks';
import { readChangedFlag } from './w3c-export';
import {
  readW3cAnnotations,
  type ReadAnnotation,
  type ReadBody,
  type ReadTextTarget,
} from './w3c-read';

export interface W3cImportOptions {
  /** The article for targets whose source matches none of the session's articles. */
  fallbackArticleId?: string;
  /** Reviewer recorded when an annotation names no creator. */
  reviewer?: string;
  /** Time used for `created`/`modified` when an annotation lacks them. */
  now?: string;
  /** Id source (tests make it deterministic). */
  makeId?: () => string;
}

export interface W3cImport {
  ops: SessionOp[];
  report: AnnotationImportReport;
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function refused(message: string): ApiResult<never> {
  return { ok: false, error: { code: 'invalid-request', message } };
}

/** Split an assessing body into a scale step and a rationale; null when no step's label starts it. */
export function parseAssessment(
  scale: RatingScale,
  value: string,
): { step: RatingStep; rationale: string } | null {
  const firstLine = value.split('\n', 1)[0]!;
  const whole = stepFromLabel(scale, firstLine);
  if (whole) {
    let rest = value.slice(firstLine.length);
    rest = rest.startsWith('\n\n') ? rest.slice(2) : rest.startsWith('\n') ? rest.slice(1) : rest;
    return { step: whole, rationale: rest };
  }
  const lower = value.trimStart().toLowerCase();
  const steps = [...scale.steps].sort((a, b) => b.label.length - a.label.length);
  for (const step of steps) {
    const label = step.label.toLowerCase();
    if (lower.startsWith(label) && /^(\s|[:.;,–—-]|$)/.test(lower.slice(label.length))) {
      const rest = value.trimStart().slice(step.label.length);
      return { step, rationale: rest.replace(/^\s*[:.;,–—-]?\s*/, '') };
    }
  }
  return null;
}

/** Match a target source to an article: its URL (exact, or ignoring a trailing slash) or `urn:sha256:`. */
function articleFinder(session: Session): (source: string) => Article | undefined {
  const bySource = new Map<string, Article>();
  for (const a of session.articles) {
    bySource.set(`urn:sha256:${a.sha256}`, a);
    const url = safeHttpUrl(a.meta.url);
    if (url) {
      if (!bySource.has(url)) bySource.set(url, a);
      const bare = url.replace(/\/+$/, '');
      if (!bySource.has(bare)) bySource.set(bare, a);
    }
  }
  return (source) => {
    const s = source.trim();
    if (/^urn:sha256:/i.test(s)) return bySource.get(s.toLowerCase());
    return bySource.get(s) ?? bySource.get(s.replace(/\/+$/, ''));
  };
}

function short(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
}

/**
 * Import W3C Web Annotations into `session`. Never throws. Refuses the whole
 * file (nothing changes) when it is malformed, when targets match no article
 * and no fallback is given, or when the result would break the session's
 * integrity or limits.
 */
export function importW3c(
  session: Session,
  content: string,
  opts: W3cImportOptions = {},
): ApiResult<W3cImport> {
  const read = readW3cAnnotations(content);
  if (!read.ok) return refused(`${read.message} Nothing was imported.`);
  const makeId = opts.makeId ?? newId;
  const now = opts.now ?? new Date().toISOString();
  const findArticle = articleFinder(session);
  const fallback = opts.fallbackArticleId
    ? session.articles.find((a) => a.id === opts.fallbackArticleId)
    : undefined;
  if (opts.fallbackArticleId && !fallback)
    return refused('The article named for unmatched targets is not in this session.');

  const usedIds = new Set<string>([
    ...session.annotations.map((a) => a.id),
    ...session.links.map((l) => l.id),
  ]);
  const idFor = (w3cId: string | null): string => {
    const m = w3cId ? /^urn:uuid:([0-9a-fA-F-]{36})$/.exec(w3cId) : null;
    const uuid = m ? m[1]!.toLowerCase() : null;
    const id = uuid && isUuid(uuid) && !usedIds.has(uuid) ? uuid : makeId();
    usedIds.add(id);
    return id;
  };

  // Speakers by lowercase name or alias: the session's, then those this import creates.
  const speakerByName = new Map<string, Speaker>();
  for (const s of session.speakers)
    for (const n of [s.name, ...s.aliases])
      if (!speakerByName.has(n.toLowerCase())) speakerByName.set(n.toLowerCase(), s);
  const ops: SessionOp[] = [];
  const problems: string[] = [];
  const report: AnnotationImportReport = { annotations: 0, links: 0, orphaned: 0, problems };
  const indexes = new Map<string, AnchorIndex>();
  const w3cToId = new Map<string, string>();
  const unmatched: string[] = [];
  const links: ReadAnnotation[] = [];
  const created: Annotation[] = [];
  let defaultedKinds = 0;

  for (const item of read.items) {
    if (item.target.kind === 'link') {
      links.push(item);
      continue;
    }
    const t = item.target.text;
    const article = findArticle(t.source) ?? fallback;
    if (!article) {
      unmatched.push(t.source);
      continue;
    }
    let index = indexes.get(article.id);
    if (!index) {
      index = createAnchorIndex(article.text);
      indexes.set(article.id, index);
    }
    const where = `Annotation ${item.index}`;
    const target = anchorTarget(article, index, t);
    if (target.status === 'orphaned') {
      report.orphaned++;
      problems.push(
        `${where} (${wrapQuote(short(target.quote.exact))}) was not found in “${short(article.meta.title)}”; it is kept as an orphan.`,
      );
    }
    if (item.target.extraTargets)
      problems.push(
        `${where} has ${item.target.extraTargets + 1} targets; only the first was imported.`,
      );
    if (item.skippedBodies)
      problems.push(`${where}: ${item.skippedBodies} body/bodies that are not text were left out.`);
    const mapped = mapBodies(item.bodies, session.scale);
    for (const p of mapped.problems) problems.push(`${where}: ${p}`);
    if (mapped.changed && target.status !== 'orphaned') {
      // Flagged by the exporting session: still to be confirmed by a reviewer.
      target.status = 'changed';
      target.was = mapped.changed.was || target.was || target.quote.exact;
    }
    if (target.status === 'changed')
      problems.push(
        `${where} (${wrapQuote(short(target.quote.exact))}) matches the text only with other wording; it is marked “Changed: confirm” until a reviewer confirms or re-attaches it.`,
      );
    let kind = mapped.kind;
    if (!kind) {
      kind = mapped.verdict ? 'claim' : 'context';
      defaultedKinds++;
    }
    let note = mapped.note;
    let verdict = mapped.verdict;
    if (verdict && kind !== 'claim') {
      problems.push(`${where} has a verdict but is a ${kind}; the verdict was kept in its note.`);
      note = [
        note,
        `Verdict: ${verdict.step.label}${verdict.rationale ? `. ${verdict.rationale}` : ''}`,
      ]
        .filter(Boolean)
        .join('\n\n');
      verdict = null;
    }
    let speakerId: string | null = null;
    if (mapped.speaker) {
      let s = speakerByName.get(mapped.speaker.toLowerCase());
      if (!s) {
        s = {
          id: makeId(),
          name: mapped.speaker,
          kind: 'person',
          role: '',
          organisation: '',
          aliases: [],
        };
        speakerByName.set(s.name.toLowerCase(), s);
        ops.push({ op: 'speaker.put', speaker: s });
      }
      speakerId = s.id;
    }
    const id = idFor(item.id);
    if (item.id) w3cToId.set(item.id, id);
    const createdAt = item.created && ISO_WITH_ZONE.test(item.created) ? item.created : now;
    const annotation: Annotation = {
      id,
      kind,
      target,
      speakerId,
      note,
      tags: mapped.tags,
      verdict: verdict ? { stepId: verdict.step.id, rationale: verdict.rationale } : null,
      reviewer: item.creator ?? opts.reviewer ?? '',
      created: createdAt,
      modified: item.modified && ISO_WITH_ZONE.test(item.modified) ? item.modified : createdAt,
    };
    const valid = annotationSchema.safeParse(annotation);
    if (!valid.success)
      return refused(
        `${where} cannot be imported: ${describeIssues(valid.error, 1)[0]}. Nothing was imported.`,
      );
    created.push(annotation);
    ops.push({ op: 'annotation.put', annotation });
  }
  if (unmatched.length) {
    const sources = [...new Set(unmatched)].slice(0, 3).map((s) => `“${s.slice(0, 120)}”`);
    return refused(
      `${unmatched.length} annotation${unmatched.length === 1 ? ' targets' : 's target'} ${sources.join(', ')}, which matches no article of this session. Choose the article they belong to (--article) and import again. Nothing was imported.`,
    );
  }
  if (defaultedKinds)
    problems.push(
      `${defaultedKinds} annotation${defaultedKinds === 1 ? ' had' : 's had'} no kind (no classifying body) and ${defaultedKinds === 1 ? 'was' : 'were'} imported as Claim (with a verdict) or Context.`,
    );
  report.annotations = created.length;

  const existing = new Set(session.annotations.map((a) => a.id));
  const linkKeys = new Set(session.links.map((l) => `${l.from}|${l.to}|${l.relation}`));
  const resolve = (ref: string): string | null => {
    const mapped = w3cToId.get(ref);
    if (mapped) return mapped;
    const m = /^urn:uuid:(.+)$/.exec(ref);
    return m && existing.has(m[1]!.toLowerCase()) ? m[1]!.toLowerCase() : null;
  };
  for (const item of links) {
    if (item.target.kind !== 'link') continue;
    const where = `Link ${item.index}`;
    const from = resolve(item.target.from);
    const to = resolve(item.target.to);
    const relation =
      item.bodies.map((b) => relationFromLabel(b.value)).find((r) => r !== null) ?? null;
    if (!from || !to) {
      problems.push(
        `${where} joins an annotation that is neither in the file nor in the session; it was left out.`,
      );
      continue;
    }
    if (!relation) {
      problems.push(
        `${where} names no relation this app knows (contradicts, supports, partially addresses, responds to, same claim as); it was left out.`,
      );
      continue;
    }
    if (from === to) {
      problems.push(`${where} links an annotation to itself; it was left out.`);
      continue;
    }
    const key = `${from}|${to}|${relation}`;
    if (linkKeys.has(key)) {
      problems.push(`${where} is already in the session; it was left out.`);
      continue;
    }
    linkKeys.add(key);
    const note = item.bodies
      .filter((b) => b.purpose === 'commenting' || b.purpose === 'describing')
      .map((b) => b.value)
      .join('\n\n');
    const createdAt = item.created && ISO_WITH_ZONE.test(item.created) ? item.created : now;
    const link: Link = {
      id: idFor(item.id),
      from,
      to,
      relation,
      note,
      reviewer: item.creator ?? opts.reviewer ?? '',
      created: createdAt,
      modified: item.modified && ISO_WITH_ZONE.test(item.modified) ? item.modified : createdAt,
    };
    ops.push({ op: 'link.put', link });
    report.links++;
  }
  if (!ops.length) return refused('The file holds no annotations to import.');
  const check = applyOps(session, ops, now);
  if (!check.ok)
    return refused(
      `The annotations cannot be added to this session: ${check.problems.join(' ')} Nothing was imported.`,
    );
  return { ok: true, value: { ops, report } };
}

/** Anchor a text target in its article; an orphan keeps its quote and a placeholder position. */
function anchorTarget(
  article: Article,
  index: AnchorIndex,
  t: ReadTextTarget,
): Annotation['target'] {
  const cp = index.codePoints;
  if (!t.quote) {
    // Position only: take the text there, if the position fits the article.
    const p = t.position!;
    if (p.end <= cp.lengthCp) {
      const sel = describeRange(article.text, cp.toUtf16(p.start), cp.toUtf16(p.end), cp);
      return {
        articleId: article.id,
        quote: sel.quote,
        position: sel.position,
        status: 'anchored',
      };
    }
    return {
      articleId: article.id,
      quote: {
        type: 'TextQuoteSelector',
        exact: `(position ${p.start}–${p.end})`,
        prefix: '',
        suffix: '',
      },
      position: { type: 'TextPositionSelector', start: p.start, end: p.end },
      status: 'orphaned',
    };
  }
  const quote = { type: 'TextQuoteSelector' as const, ...t.quote };
  const match = anchorSelector(index, {
    quote,
    ...(t.position ? { position: { type: 'TextPositionSelector' as const, ...t.position } } : {}),
  });
  if (!match) {
    const p = t.position ?? { start: 0, end: Math.max(1, codePointLength(quote.exact)) };
    return {
      articleId: article.id,
      quote,
      position: { type: 'TextPositionSelector', ...p },
      status: 'orphaned',
    };
  }
  const samePlace =
    !t.position || (t.position.start === match.start && t.position.end === match.end);
  if (match.exact && samePlace) {
    return {
      articleId: article.id,
      quote,
      position: { type: 'TextPositionSelector', start: match.start, end: match.end },
      status: 'anchored',
    };
  }
  // Found elsewhere, or approximately: describe what is really there.
  const sel = describeRange(article.text, match.start16, match.end16, cp);
  if (!match.exact) {
    // Other wording than the file's quote: flagged until a reviewer confirms it.
    return {
      articleId: article.id,
      quote: sel.quote,
      position: sel.position,
      status: 'changed',
      was: quote.exact,
    };
  }
  return {
    articleId: article.id,
    quote: sel.quote,
    position: sel.position,
    status: t.position ? 'moved' : 'anchored',
  };
}

interface MappedBodies {
  kind: AnnotationKind | null;
  /** The annotation was exported as `changed` (see `changedFlagBody`), with the quote as marked. */
  changed: { was: string } | null;
  verdict: { step: RatingStep; rationale: string } | null;
  note: string;
  tags: string[];
  speaker: string | null;
  problems: string[];
}

function mapBodies(bodies: ReadBody[], scale: RatingScale): MappedBodies {
  const out: MappedBodies = {
    kind: null,
    changed: null,
    verdict: null,
    note: '',
    tags: [],
    speaker: null,
    problems: [],
  };
  const notes: string[] = [];
  for (const b of bodies) {
    switch (b.purpose) {
      case 'classifying': {
        const k = kindFromLabel(b.value);
        if (k && !out.kind) out.kind = k;
        else if (!k) {
          out.problems.push(
            `“${short(b.value)}” is not a kind (Claim, Counter-statement, Evidence, Context); it was kept as a tag.`,
          );
          if (b.value.trim()) out.tags.push(b.value.trim());
        }
        break;
      }
      case 'assessing': {
        const v = parseAssessment(scale, b.value);
        if (v && !out.verdict) out.verdict = v;
        else {
          if (!v)
            out.problems.push(
              `the verdict “${short(b.value)}” is not on this session’s scale; it was kept in the note.`,
            );
          notes.push(b.value);
        }
        break;
      }
      case 'questioning': {
        const flag = readChangedFlag(b.value);
        if (flag && !out.changed) out.changed = flag;
        else if (!flag) notes.push(b.value);
        break;
      }
      case 'tagging':
        if (b.value.trim() && !out.tags.includes(b.value.trim())) out.tags.push(b.value.trim());
        break;
      case 'identifying':
        if (b.value.trim() && !out.speaker) out.speaker = b.value.trim();
        else if (b.value.trim()) notes.push(`Also identified: ${b.value.trim()}`);
        break;
      default:
        notes.push(b.value);
    }
  }
  out.note = notes.join('\n\n');
  return out;
}
