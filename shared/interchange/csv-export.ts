/**
 * CSV export: one row per annotation, for spreadsheets.
 *
 * Format: RFC 4180. UTF-8 with a byte-order mark (so Excel detects UTF-8),
 * CRLF between rows, a header row, and every field that holds a comma, a
 * double quote, a line break or edge whitespace enclosed in double quotes
 * (inner quotes doubled). Line breaks inside a note stay as they are, inside
 * the quoted field.
 *
 * Spreadsheet formula injection: a cell that begins with `=`, `+`, `-`, `@`,
 * a tab or a carriage return would be run as a formula by Excel, LibreOffice
 * and Google Sheets. Such a cell is written with a leading apostrophe `'`, the
 * spreadsheet convention for "this is text" (OWASP's advice). To keep the
 * escape reversible, a cell that itself begins with `'` gets one more. So the
 * exact inverse for a program reading the file is {@link readCsvCell}: drop one
 * leading apostrophe if there is one.
 *
 * Columns: id, article (its title, or its file name when it has none), kind,
 * quote, start, end (Unicode code points, end exclusive: the
 * TextPositionSelector), status (Anchored, Moved, Changed: confirm, Not
 * found: how the annotation relates to the current text), marked_quote (for
 * "Changed: confirm", the quote as the reviewer marked it; the text at the
 * position now reads differently), speaker, verdict (the step's label), rationale, tags
 * (joined with "; "), note, links, reviewer, created, modified. `links` lists
 * each link of the annotation, joined with "; ": `→ contradicts <id>` when
 * this annotation contradicts annotation <id>, `← supports <id>` when
 * annotation <id> supports this one. Then, added by team review (issue 10):
 * created_by and modified_by, the reviewers who marked the annotation and
 * who changed it last (in a shared session, from its history; otherwise
 * created_by is the recorded reviewer and modified_by is empty: unknown).
 */
import type { Session } from '../model/session';
import { ANCHOR_STATUS_LABELS, KIND_LABELS, RELATION_LABELS } from '../model/vocabulary';
import { showInvisibles } from '../text/visible-text';
import { indexLinks } from '../report/report-model';
import type { TeamExportInfo } from './team-export';

export const CSV_COLUMNS = [
  'id',
  'article',
  'kind',
  'quote',
  'start',
  'end',
  'status',
  'marked_quote',
  'speaker',
  'verdict',
  'rationale',
  'tags',
  'note',
  'links',
  'reviewer',
  'created',
  'modified',
  'created_by',
  'modified_by',
] as const;

const FORMULA_START = /^[=+\-@\t\r']/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** Make a value safe for a spreadsheet cell (see the module comment). */
export function formulaSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse of {@link formulaSafe}, for programs reading the CSV back. */
export function readCsvCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/** One RFC 4180 field. */
function field(value: string): string {
  const v = formulaSafe(value);
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The rows as plain values (before escaping), header first. Order: session order. */
export function csvRows(session: Session, team: TeamExportInfo | null = null): string[][] {
  const articles = new Map(
    session.articles.map((a) => [a.id, showInvisibles(a.meta.title || a.source.fileName || a.id)]),
  );
  const speakers = new Map(session.speakers.map((s) => [s.id, showInvisibles(s.name)]));
  const steps = new Map(session.scale.steps.map((s) => [s.id, s.label]));
  const links = indexLinks(session.links);
  const linkCell = (id: string) =>
    (links.get(id) ?? [])
      .map((l) =>
        l.from === id
          ? `→ ${RELATION_LABELS[l.relation]} ${l.to}`
          : `← ${RELATION_LABELS[l.relation]} ${l.from}`,
      )
      .join('; ');
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const a of session.annotations) {
    const who = team?.authors.get(a.id);
    rows.push([
      a.id,
      articles.get(a.target.articleId) ?? '',
      KIND_LABELS[a.kind],
      a.target.quote.exact,
      String(a.target.position.start),
      String(a.target.position.end),
      ANCHOR_STATUS_LABELS[a.target.status],
      a.target.status === 'changed' ? (a.target.was ?? '') : '',
      a.speakerId ? (speakers.get(a.speakerId) ?? '') : '',
      a.verdict ? (steps.get(a.verdict.stepId) ?? a.verdict.stepId) : '',
      a.verdict?.rationale ?? '',
      a.tags.join('; '),
      a.note,
      linkCell(a.id),
      a.reviewer,
      a.created,
      a.modified,
      who ? showInvisibles(who.createdBy.name) : a.reviewer,
      who ? showInvisibles(who.modifiedBy.name) : '',
    ]);
  }
  return rows;
}

/** The CSV file's text, BOM included. Linear in the number of annotations and links. */
export function renderCsv(session: Session, team: TeamExportInfo | null = null): string {
  const lines = csvRows(session, team).map((r) => r.map(field).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
