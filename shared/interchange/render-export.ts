/**
 * The one entry point for every export. The app's service and the
 * `factcheck` CLI both call {@link renderExport}, so for the same session,
 * format and options they write byte-identical files (PDF aside: Chromium
 * stamps each PDF with its creation time).
 */
import type { ApiResult, ExportedFile, ExportFormat } from '../api/contract';
import type { Session } from '../model/session';
import { buildReportModel } from '../report/report-model';
import { renderDisputeMap } from '../report/dispute-map';
import { renderHtmlReport } from '../report/html-report';
import { renderMarkdownReport } from '../report/markdown-report';
import { renderCsv } from './csv-export';
import { renderW3c } from './w3c-export';
import { renderClaimReview } from './claimreview-export';
import { buildBrat, bratNotices } from './brat-export';
import { bytesToBase64 } from './base64';
import { PORTABLE_EXTENSION, renderPortableSession } from './portable-session';
import type { TeamExportInfo } from './team-export';

/**
 * Prints an HTML report to PDF. Implemented for Node with Chromium
 * (`electron/service/pdf-chromium.ts`) and for Electron with `printToPDF`.
 * Rejects with an Error whose message is shown to the user.
 */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
  /** Get ready to print (start the browser) while the report is still being made. Optional; never throws. */
  warm?(): void;
  /** Release what the printer holds open (a kept-alive browser). Optional. */
  close?(): Promise<void>;
}

export interface ExportOptions {
  /** Overrides the session's organisation name (ClaimReview). */
  org?: string;
  /** Overrides the session's publication base URL (ClaimReview). */
  baseUrl?: string;
  /** ISO time stamped into reports; defaults to now. Tests and goldens fix it. */
  generatedAt?: string;
  /** Needed for `pdf`. */
  pdf?: PdfPrinter;
  /**
   * A shared session's team side (team review): reports show its status,
   * reviewers and who approved it; every format that has a place for them
   * carries each annotation's creator and last modifier. Absent or null for a
   * session never shared.
   */
  team?: TeamExportInfo | null;
}

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  w3c: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
  claimreview: 'application/ld+json',
  brat: 'text/plain; charset=utf-8',
};

/** The file name stem of a session's exports: its name, lowercased, non-alphanumerics as `-`. */
export function exportBaseName(session: Pick<Session, 'name'>): string {
  const slug = session.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'factcheck-review';
}

/** The HTML report of a session (what `html` writes and `pdf` prints). */
export async function renderHtml(
  session: Session,
  generatedAt: string,
  team: TeamExportInfo | null = null,
): Promise<string> {
  const model = buildReportModel(session, generatedAt, team);
  const map = await renderDisputeMap(model.disputes);
  return renderHtmlReport(model, map);
}

function text(fileName: string, format: ExportFormat, content: string): ApiResult<ExportedFile> {
  return {
    ok: true,
    value: { fileName, mediaType: MEDIA_TYPES[format], encoding: 'utf8', content },
  };
}

/**
 * Render one export of a (validated) session. Never throws: refusals (e.g.
 * ClaimReview without an organisation) and failures come back as errors with
 * a sentence for the user.
 */
export async function renderExport(
  session: Session,
  format: ExportFormat,
  opts: ExportOptions = {},
): Promise<ApiResult<ExportedFile>> {
  const generatedAt = opts.generatedAt ?? new Date().toISOString();
  const base = exportBaseName(session);
  const team = opts.team ?? null;
  try {
    switch (format) {
      case 'html':
        return text(`${base}.html`, format, await renderHtml(session, generatedAt, team));
      case 'pdf': {
        if (!opts.pdf) {
          return {
            ok: false,
            error: {
              code: 'unsupported',
              message:
                'PDF export needs a PDF printer (Chromium or Electron), and none is available here.',
            },
          };
        }
        // The browser starts while the map is laid out: the two take most of the time.
        opts.pdf.warm?.();
        const bytes = await opts.pdf.print(await renderHtml(session, generatedAt, team));
        return {
          ok: true,
          value: {
            fileName: `${base}.pdf`,
            mediaType: MEDIA_TYPES.pdf,
            encoding: 'base64',
            content: bytesToBase64(bytes),
          },
        };
      }
      case 'md':
        return text(
          `${base}.md`,
          format,
          renderMarkdownReport(buildReportModel(session, generatedAt, team)),
        );
      case 'csv':
        return text(`${base}.csv`, format, renderCsv(session, team));
      case 'w3c':
        return text(`${base}.annotations.jsonld`, format, renderW3c(session, team));
      case 'claimreview': {
        const r = renderClaimReview(session, {
          org: opts.org,
          baseUrl: opts.baseUrl,
          generatedAt,
          team,
        });
        return r.ok ? text(`${base}.claimreview.jsonld`, format, r.value) : r;
      }
      case 'brat': {
        const b = buildBrat(session);
        const [first, ...rest] = b.documents;
        if (!first)
          return {
            ok: false,
            error: { code: 'refused', message: 'The session has no article to export.' },
          };
        const notices = bratNotices(b);
        const file: ExportedFile = {
          fileName: `${base}.txt`,
          mediaType: MEDIA_TYPES.brat,
          encoding: 'utf8',
          content: first.txt,
          companions: [
            { fileName: `${base}.ann`, mediaType: MEDIA_TYPES.brat, content: first.ann },
            ...rest.flatMap((d, i) => [
              { fileName: `${base}-${i + 2}.txt`, mediaType: MEDIA_TYPES.brat, content: d.txt },
              { fileName: `${base}-${i + 2}.ann`, mediaType: MEDIA_TYPES.brat, content: d.ann },
            ]),
          ],
        };
        if (notices.length) file.notices = notices;
        return { ok: true, value: file };
      }
    }
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      error: {
        code: format === 'pdf' ? 'io' : 'internal',
        message: `The ${format} export failed: ${why}`,
      },
    };
  }
  return {
    ok: false,
    error: {
      code: 'invalid-request',
      message: `Unknown export format "${String(format).slice(0, 40)}".`,
    },
  };
}

/** The portable `.fcw.json` of a session as a file to save. */
export function exportPortableSession(session: Session, exportedAt: string): ExportedFile {
  return {
    fileName: `${exportBaseName(session)}${PORTABLE_EXTENSION}`,
    mediaType: 'application/json',
    encoding: 'utf8',
    content: renderPortableSession(session, exportedAt),
  };
}
