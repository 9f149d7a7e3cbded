/**
 * The four `factcheck` commands. Each takes parsed arguments, does its work
 * through the same shared/ code the app uses, writes through
 * {@link writeOutputs} and reports with one-line messages. Problems are thrown
 * as {@link CliError}s; `main.ts` prints them and sets the exit code.
 *
 * This module loads only what `check` needs (the session validator); the
 * other commands import their heavier parts (the import pipeline, the W3C
 * reader, the report renderers, the PDF printer) when they run, so that a
 * command's start-up pays only for its own work.
 */
import type { Session } from '../../shared/model/session';
import type { Article } from '../../shared/model/article';
import { createSession } from '../../shared/model/session';
import {
  MAX_SESSION_FILE_BYTES,
  MAX_ARTICLE_BYTES,
  MAX_SHORT_TEXT,
} from '../../shared/model/limits';
import type { ExportFormat } from '../../shared/api/contract';
import {
  readPortableSession,
  renderPortableSession,
} from '../../shared/interchange/portable-session';
import type { PdfPrinter } from '../../shared/interchange/render-export';
import { CliError, decodeUtf8, readInput, writeOutputs, type OutputFile } from './cli-files';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { stringifyJsonSafe } from '../../shared/interchange/safe-json';

/** Where the command writes what it has to say. */
export interface CliIo {
  out: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

/** The time stamped into new files: `SOURCE_DATE_EPOCH` (seconds) when set, for reproducible output; else now. */
export function commandTime(env: NodeJS.ProcessEnv): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d{1,12}$/.test(epoch))
      throw new CliError('SOURCE_DATE_EPOCH must be a whole number of seconds.', 2);
    return new Date(Number(epoch) * 1000).toISOString();
  }
  return new Date().toISOString();
}

/** Read and validate a session file (portable `.fcw.json` or a bare session). */
export function loadSession(path: string): { session: Session; wrapped: boolean; team?: unknown } {
  const text = decodeUtf8(
    readInput(path, 'session file', MAX_SESSION_FILE_BYTES),
    path,
    'session file',
  );
  const r = readPortableSession(text);
  if (!r.ok) throw new CliError(`${path}: ${r.error.message}`);
  return { session: r.session, wrapped: r.wrapped, team: r.team };
}

/** `factcheck session new --title T --article FILE [--article FILE …] --out S.fcw.json [--force]` */
export async function sessionNew(
  opts: {
    title?: string;
    article?: string[];
    out?: string;
    force?: boolean;
    'follow-symlinks'?: boolean;
  },
  io: CliIo,
): Promise<void> {
  const title = opts.title?.trim();
  if (!title) throw new CliError('session new needs --title.', 2);
  if (title.length > MAX_SHORT_TEXT)
    throw new CliError(`The title is longer than ${MAX_SHORT_TEXT} characters.`, 2);
  if (!opts.article?.length)
    throw new CliError('session new needs at least one --article FILE.', 2);
  if (!opts.out) throw new CliError('session new needs --out S.fcw.json.', 2);
  // Loaded here: the import pipeline (htmlparser2, markdown-it) is only needed by this command.
  const { importArticleFile } = await import('../service/import/article-import');
  const articles: Article[] = [];
  for (const file of opts.article) {
    const bytes = readInput(file, 'article', MAX_ARTICLE_BYTES);
    const r = await importArticleFile(
      basename(file),
      new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    );
    if (!r.ok) throw new CliError(`${file}: ${r.error.message}`);
    articles.push(r.value);
  }
  const now = commandTime(io.env);
  const session = { ...createSession(title, articles), createdAt: now, updatedAt: now };
  writeOutputs(
    [{ path: opts.out, data: renderPortableSession(session, now) }],
    !!opts.force,
    !!opts['follow-symlinks'],
  );
  io.out(
    `Wrote ${opts.out}: session “${title}” with ${articles.length} article${articles.length === 1 ? '' : 's'}.`,
  );
}

/** The article named by `--article N`: a 1-based number or an article id. */
function pickArticle(session: Session, ref: string): Article {
  const n = /^\d+$/.test(ref) ? Number(ref) : NaN;
  const found = Number.isInteger(n)
    ? session.articles[n - 1]
    : session.articles.find((a) => a.id === ref);
  if (!found) {
    throw new CliError(
      `--article ${ref.slice(0, 80)}: the session has ${session.articles.length} article${session.articles.length === 1 ? '' : 's'} (use 1–${session.articles.length} or an article id).`,
      2,
    );
  }
  return found;
}

/** `factcheck annotations import S.fcw.json ANNOTATIONS.jsonld [--article N]`: updates S in place, atomically. */
export async function annotationsImport(
  sessionPath: string,
  annotationsPath: string,
  opts: { article?: string; 'follow-symlinks'?: boolean },
  io: CliIo,
): Promise<void> {
  const [{ importW3c }, { applyOps }] = await Promise.all([
    import('../../shared/interchange/w3c-import'),
    import('../../shared/session/session-ops'),
  ]);
  const { session, wrapped, team } = loadSession(sessionPath);
  const fallback = opts.article ? pickArticle(session, opts.article) : undefined;
  const content = decodeUtf8(
    readInput(annotationsPath, 'annotation file', 96 * 1024 * 1024),
    annotationsPath,
    'annotation file',
  );
  const now = commandTime(io.env);
  const r = importW3c(session, content, {
    fallbackArticleId: fallback?.id,
    reviewer: session.settings.reviewer,
    now,
  });
  if (!r.ok) throw new CliError(`${annotationsPath}: ${r.error.message}`);
  const applied = applyOps(session, r.value.ops, now);
  if (!applied.ok) throw new CliError(`${annotationsPath}: ${applied.problems.join(' ')}`);
  const data = wrapped
    ? renderPortableSession(applied.session, now, team) // the team section travels on; the next sync records the import
    : `${stringifyJsonSafe(applied.session, 2)}\n`;
  writeOutputs([{ path: sessionPath, data }], true, !!opts['follow-symlinks']);
  const { annotations, links, orphaned, problems } = r.value.report;
  io.out(
    `Imported ${annotations} annotation${annotations === 1 ? '' : 's'} and ${links} link${links === 1 ? '' : 's'} into ${sessionPath}${orphaned ? ` (${orphaned} kept as orphans: not found in the text)` : ''}.`,
  );
  for (const p of problems) io.out(`  - ${p}`);
}

/** `factcheck export S.fcw.json --format F --out PATH [--org NAME] [--base-url URL] [--force]` */
export async function exportCommand(
  sessionPath: string,
  opts: {
    format?: string;
    out?: string;
    org?: string;
    'base-url'?: string;
    force?: boolean;
    'follow-symlinks'?: boolean;
  },
  io: CliIo,
  printer?: PdfPrinter,
): Promise<void> {
  const { EXPORT_FORMATS } = await import('../../shared/api/contract');
  if (!opts.format) throw new CliError(`export needs --format (${EXPORT_FORMATS.join('|')}).`, 2);
  if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) {
    throw new CliError(
      `Unknown format "${opts.format.slice(0, 40)}"; use one of ${EXPORT_FORMATS.join(', ')}.`,
      2,
    );
  }
  const format = opts.format as ExportFormat;
  if (!opts.out) throw new CliError('export needs --out PATH.', 2);
  const { session, team } = loadSession(sessionPath);
  // A shared session's file: its status, reviewers and who made what go into the export.
  const teamInfo =
    team === undefined ? null : (await import('./team-commands')).teamExportOf(sessionPath, io);
  let pdf = printer;
  if (format === 'pdf' && !pdf) {
    const { chromiumPath, createChromiumPdfPrinter, noChromiumMessage } =
      await import('../service/pdf-chromium');
    const path = chromiumPath(io.env);
    if (!existsSync(path)) throw new CliError(noChromiumMessage(path));
    pdf = createChromiumPdfPrinter(path);
  }
  const { renderExport } = await import('../../shared/interchange/render-export');
  const r = await renderExport(session, format, {
    org: opts.org,
    baseUrl: opts['base-url'],
    generatedAt: commandTime(io.env),
    pdf,
    team: teamInfo,
  });
  if (!r.ok) throw new CliError(r.error.message);
  const file = r.value;
  const main = file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : file.content;
  let outputs: OutputFile[];
  if (format === 'brat') {
    // brat: PATH.txt and PATH.ann (and PATH-2.txt/.ann … for further articles).
    const stem = file.fileName.slice(0, -'.txt'.length);
    outputs = [
      { path: `${opts.out}.txt`, data: main },
      ...(file.companions ?? []).map((c) => ({
        path: `${opts.out}${c.fileName.slice(stem.length)}`,
        data: c.content,
      })),
    ];
  } else {
    outputs = [{ path: opts.out, data: main }];
  }
  writeOutputs(outputs, !!opts.force, !!opts['follow-symlinks']);
  io.out(`Wrote ${outputs.map((o) => o.path).join(' and ')}.`);
  for (const n of file.notices ?? []) io.out(`Note: ${n}`);
}

/** `factcheck check S.fcw.json`: validate and list problems; never writes. Returns the exit code. */
export function checkCommand(sessionPath: string, io: CliIo): number {
  const text = decodeUtf8(
    readInput(sessionPath, 'session file', MAX_SESSION_FILE_BYTES),
    sessionPath,
    'session file',
  );
  const r = readPortableSession(text);
  if (!r.ok) {
    io.out(
      `${sessionPath}: ${r.error.code === 'read-only' ? 'written by a newer version' : 'damaged'}.`,
    );
    for (const p of r.problems) io.out(`  - ${p}`);
    return 1;
  }
  const s = r.session;
  const orphans = s.annotations.filter((a) => a.target.status === 'orphaned').length;
  io.out(
    `${sessionPath}: OK. “${s.name}”: ${s.articles.length} article${s.articles.length === 1 ? '' : 's'}, ${s.annotations.length} annotation${s.annotations.length === 1 ? '' : 's'} (${orphans} orphaned), ${s.links.length} link${s.links.length === 1 ? '' : 's'}, ${s.speakers.length} speaker${s.speakers.length === 1 ? '' : 's'}.`,
  );
  return 0;
}
