/**
 * The session's file actions (toolbar menus and the desktop menu): exports,
 * Save session as…, importing and re-importing articles, importing W3C
 * annotations. Each flushes pending edits first so the host works on what
 * the reviewer sees, and reports the outcome in words.
 */
import type { ApiClient, ExportFormat, LibraryEntry } from '../../../shared/api/contract';
import type { SessionController } from '../../state/session-controller';
import type { HostPlatform } from '../../api/platform';
import type { NoticeApi } from '../notices';
import { ARTICLE_ACCEPT, fileToBase64, pickFiles } from '../files';
import { importFiles } from '../imports';
import { plural } from '../format';
import { runningExport, trackExport } from './export-progress';

/** Every export format, in menu order, with its label (a record, so a new format cannot be forgotten here). */
export const EXPORT_LABELS: Record<ExportFormat, string> = {
  html: 'HTML report',
  pdf: 'PDF report',
  md: 'Markdown',
  csv: 'CSV spreadsheet',
  w3c: 'W3C Web Annotations (JSON-LD)',
  claimreview: 'ClaimReview (JSON-LD)',
  brat: 'brat standoff (.txt + .ann)',
};

export interface FileActionContext {
  client: ApiClient;
  platform: HostPlatform;
  controller: SessionController;
  notices: NoticeApi;
  currentArticleId: () => string | null;
  openSettings: () => void;
  openArticle: (articleId: string) => void;
}

async function saved(ctx: FileActionContext): Promise<boolean> {
  await ctx.controller.flush();
  if (ctx.controller.hasUnsaved) {
    ctx.notices.error(
      'Your latest edits are not saved yet, so this would work on an older version. The save problem is shown above; try again once it is solved.',
    );
    return false;
  }
  return true;
}

async function deliver(
  ctx: FileActionContext,
  file: Parameters<HostPlatform['saveFile']>[0],
): Promise<void> {
  try {
    const message = await ctx.platform.saveFile(file);
    if (message) ctx.notices.show({ tone: 'success', text: message });
  } catch (e) {
    ctx.notices.error(`The file could not be saved: ${(e as Error).message}`);
  }
}

/** Export one format. One export runs at a time; the toolbar shows it (export-progress.tsx). */
export async function exportAs(ctx: FileActionContext, format: ExportFormat): Promise<void> {
  const busy = runningExport();
  if (busy) {
    ctx.notices.info(`The ${busy.label} is still being exported; wait for it to finish.`);
    return;
  }
  await trackExport(format, EXPORT_LABELS[format], () => exportNow(ctx, format));
}

async function exportNow(ctx: FileActionContext, format: ExportFormat): Promise<void> {
  if (!(await saved(ctx))) return;
  const id = ctx.controller.session.id;
  const r = await ctx.client.call('export.render', { id, format });
  if (r.ok) return deliver(ctx, r.value);
  if (format === 'pdf' && ctx.platform.kind === 'browser' && r.error.code === 'unsupported') {
    // Browser mode without a PDF renderer on the host: print the HTML report.
    const html = await ctx.client.call('export.render', { id, format: 'html' });
    if (!html.ok)
      return void ctx.notices.error(`The report could not be made: ${html.error.message}`);
    const url = URL.createObjectURL(new Blob([html.value.content], { type: 'text/html' }));
    const win = window.open(url, '_blank', 'noopener');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    if (!win) await deliver(ctx, html.value);
    ctx.notices.info(
      'The report opened as HTML. Use your browser’s Print command and choose “Save as PDF”.',
    );
    return;
  }
  const needsSettings = format === 'claimreview' && r.error.code !== 'io';
  ctx.notices.error(
    `${EXPORT_LABELS[format]} was not exported: ${r.error.message}`,
    undefined,
    needsSettings ? [{ label: 'Open session settings', run: ctx.openSettings }] : undefined,
  );
}

export async function saveSessionAs(ctx: FileActionContext): Promise<void> {
  if (!(await saved(ctx))) return;
  const r = await ctx.client.call('sessions.exportPortable', { id: ctx.controller.session.id });
  if (r.ok) await deliver(ctx, r.value);
  else ctx.notices.error(`The session file could not be made: ${r.error.message}`);
}

/** Add a library article to this session and open it. */
export async function addArticle(ctx: FileActionContext, entry: LibraryEntry): Promise<void> {
  if (ctx.controller.session.articles.some((a) => a.sha256 === entry.sha256)) {
    ctx.notices.info(`“${entry.meta.title}” is already in this session.`);
    return;
  }
  if (!(await saved(ctx))) return;
  const r = await ctx.client.call('sessions.addArticle', {
    id: ctx.controller.session.id,
    articleId: entry.id,
  });
  if (!r.ok)
    return void ctx.notices.error(`“${entry.meta.title}” was not added: ${r.error.message}`);
  const applied = ctx.controller.apply(r.value.ops, 'Add article');
  if (!applied.ok)
    return void ctx.notices.error(`“${entry.meta.title}” was not added: ${applied.message}`);
  const added = r.value.ops.find((o) => o.op === 'article.put');
  if (added && added.op === 'article.put') ctx.openArticle(added.article.id);
  ctx.notices.show({ tone: 'success', text: `Added “${entry.meta.title}” to this session.` });
}

/** Say that articles came into the library (a drop or paste) and, unless read-only, offer to add them here. */
export function offerToAdd(
  ctx: FileActionContext,
  entries: LibraryEntry[],
  readOnly: boolean,
): void {
  ctx.notices.show({
    tone: 'info',
    text:
      entries.length === 1
        ? `“${entries[0]!.meta.title}” is in the library.`
        : `${entries.length} articles are in the library.`,
    actions: readOnly
      ? []
      : [
          {
            label: 'Add to this session',
            run: () => void Promise.all(entries.map((e) => addArticle(ctx, e))),
          },
        ],
  });
}

/** Import article files into the library and add them to this session. */
export async function importIntoSession(ctx: FileActionContext): Promise<void> {
  const files = await pickFiles(ARTICLE_ACCEPT, true);
  if (!files.length) return;
  const entries = await importFiles(ctx.client, files, ctx.notices);
  for (const e of entries) await addArticle(ctx, e);
}

/** Re-import the open article from an updated file: every annotation is re-anchored (one undoable change). */
export async function reimportArticle(ctx: FileActionContext): Promise<void> {
  const articleId = ctx.currentArticleId();
  if (!articleId) return;
  const [file] = await pickFiles(ARTICLE_ACCEPT);
  if (!file) return;
  if (!(await saved(ctx))) return;
  const base64 = await fileToBase64(file);
  const r = await ctx.client.call('sessions.reimportArticle', {
    id: ctx.controller.session.id,
    articleId,
    file: { fileName: file.name, base64 },
  });
  if (!r.ok)
    return void ctx.notices.error(`“${file.name}” was not re-imported: ${r.error.message}`);
  const applied = ctx.controller.apply(r.value.ops, 'Re-import article');
  if (!applied.ok)
    return void ctx.notices.error(`“${file.name}” was not re-imported: ${applied.message}`);
  const { anchored, moved, changed, orphaned } = r.value.report;
  ctx.notices.show({
    tone: orphaned || changed ? 'warning' : 'success',
    text: `Re-imported from ${file.name}: ${anchored} in place, ${moved} moved, ${changed} changed${changed ? ' (their wording differs: open each, marked “Changed: confirm”, and confirm or re-attach it)' : ''}, ${orphaned} not found${orphaned ? ' (listed under “Not found after re-import” in the side panel)' : ''}. Undo restores the previous text.`,
  });
}

/** Import W3C Web Annotations (JSON-LD) into this session (one undoable change). */
export async function importAnnotations(ctx: FileActionContext): Promise<void> {
  const [file] = await pickFiles('.json,.jsonld,application/ld+json,application/json');
  if (!file) return;
  if (!(await saved(ctx))) return;
  const content = await file.text();
  const articleId = ctx.currentArticleId() ?? undefined;
  const r = await ctx.client.call('sessions.importAnnotations', {
    id: ctx.controller.session.id,
    content,
    articleId,
  });
  if (!r.ok) return void ctx.notices.error(`“${file.name}” was not imported: ${r.error.message}`);
  if (!r.value.ops.length)
    return void ctx.notices.info(`“${file.name}” held no annotations to import.`);
  const applied = ctx.controller.apply(r.value.ops, 'Import annotations');
  if (!applied.ok)
    return void ctx.notices.error(`“${file.name}” was not imported: ${applied.message}`);
  const rep = r.value.report;
  ctx.notices.show({
    tone: rep.orphaned || rep.problems.length ? 'warning' : 'success',
    text: `Imported ${plural(rep.annotations, 'annotation')} and ${plural(rep.links, 'link')} from ${file.name}${rep.orphaned ? `; ${rep.orphaned} could not be anchored and are listed as not found` : ''}.`,
    detail: rep.problems.slice(0, 8),
  });
}
