/**
 * Saving an exported file the page produced (`window.factcheck.saveFile`).
 *
 * The page's file is untrusted: {@link parseExportedFile} checks its shape and
 * reduces its name to a plain base name. The user picks the place in a save
 * dialog; the page never names a path. The file and its companions (brat's
 * `.txt` next to the `.ann`) are written with the store's durable writer: each
 * to a temp file in the target folder, fsynced, then renamed over the target,
 * so a failure never leaves a half-written file behind.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Dialog, SaveDialogOptions } from 'electron';
import { z } from 'zod';
import type { ApiResult, ExportedFile } from '../../shared/api/contract';
import { writeFileDurable } from '../service/store/durable-write';

const MAX_CONTENT = 96 * 1024 * 1024;

/** A base name a user would recognise: no folders, no control characters, not hidden. */
export function safeBaseName(name: string): string {
  const base = name
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 200);
  return base.length > 0 ? base : 'export';
}

const companionSchema = z.object({
  fileName: z.string().min(1).max(1024),
  mediaType: z.string().max(200),
  content: z.string().max(MAX_CONTENT),
});

const exportedFileSchema = z.object({
  fileName: z.string().min(1).max(1024),
  mediaType: z.string().max(200),
  encoding: z.enum(['utf8', 'base64']),
  content: z.string().max(MAX_CONTENT),
  companions: z.array(companionSchema).max(8).optional(),
});

/** The file with safe base names, or a sentence saying what is wrong. */
export function parseExportedFile(
  raw: unknown,
): { ok: true; file: ExportedFile } | { ok: false; message: string } {
  const parsed = exportedFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: 'The file to save was not valid.' };
  const file = parsed.data;
  if (file.encoding === 'base64' && !/^[A-Za-z0-9+/]*={0,2}$/.test(file.content)) {
    return { ok: false, message: 'The file to save was not valid base64.' };
  }
  return {
    ok: true,
    file: {
      ...file,
      fileName: safeBaseName(file.fileName),
      companions: file.companions?.map((c) => ({ ...c, fileName: safeBaseName(c.fileName) })),
    },
  };
}

/** Full extension of a base name from its first dot on (`.fcw.json`, `.ann`), or ''. */
function fullExtension(base: string): string {
  const i = base.indexOf('.', 1);
  return i < 0 ? '' : base.slice(i);
}

/**
 * Where a companion goes next to the chosen path: the chosen name's stem plus
 * the companion's extension (`/d/mine.ann` + `review.txt` → `/d/mine.txt`).
 */
export function companionPath(
  chosenPath: string,
  mainFileName: string,
  companionFileName: string,
): string {
  const dir = path.dirname(chosenPath);
  const chosen = path.basename(chosenPath);
  const mainExt = fullExtension(mainFileName);
  const stem =
    mainExt && chosen.toLowerCase().endsWith(mainExt.toLowerCase())
      ? chosen.slice(0, -mainExt.length)
      : chosen.replace(/\.[^.]*$/, '');
  return path.join(dir, `${stem}${fullExtension(companionFileName)}`);
}

export interface SaveFileDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showMessageBox'>;
  /** Folder the dialog opens in (Electron: the user's documents folder). */
  defaultDir: string;
}

function saveDialogOptions(file: ExportedFile, defaultDir: string): SaveDialogOptions {
  const ext = path.extname(file.fileName).slice(1);
  return {
    title: 'Save export',
    defaultPath: path.join(defaultDir, file.fileName),
    filters: ext ? [{ name: `${ext.toUpperCase()} file`, extensions: [ext] }] : [],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/**
 * Validate `raw`, ask where to save it, write it and its companions atomically.
 * `{ cancelled: true }` when the user cancels (also when they decline to
 * replace an existing companion); `invalid-request` for a bad file; `io` with
 * the reason when writing fails (nothing half-written is left). Never throws.
 */
export async function saveExportedFile(
  raw: unknown,
  win: BrowserWindow | null,
  deps: SaveFileDeps,
): Promise<ApiResult<{ savedTo: string } | { cancelled: true }>> {
  const parsed = parseExportedFile(raw);
  if (!parsed.ok) return { ok: false, error: { code: 'invalid-request', message: parsed.message } };
  const file = parsed.file;
  try {
    const options = saveDialogOptions(file, deps.defaultDir);
    const choice = win
      ? await deps.dialog.showSaveDialog(win, options)
      : await deps.dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ok: true, value: { cancelled: true } };
    const chosen = choice.filePath;
    const targets = [{ path: chosen, data: Buffer.from(file.content, file.encoding) }];
    for (const companion of file.companions ?? []) {
      const target = companionPath(chosen, file.fileName, companion.fileName);
      if (targets.some((t) => t.path === target)) continue;
      targets.push({ path: target, data: Buffer.from(companion.content, 'utf8') });
    }
    const existing = targets.slice(1).filter((t) => existsSync(t.path));
    if (existing.length > 0) {
      const names = existing.map((t) => path.basename(t.path)).join(', ');
      const confirm = {
        type: 'question' as const,
        buttons: ['Cancel', 'Replace'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
        message: `Also replace ${names}?`,
        detail: 'This export writes more than one file; the others already exist in that folder.',
      };
      const answer = win
        ? await deps.dialog.showMessageBox(win, confirm)
        : await deps.dialog.showMessageBox(confirm);
      if (answer.response !== 1) return { ok: true, value: { cancelled: true } };
    }
    // Companions first, the chosen file last: if anything fails, the file the user asked for
    // is not there to be mistaken for a complete export. Each write is atomic (temp + fsync +
    // rename with retries, the store's durable writer); no `.bak` of replaced exports.
    for (const target of [...targets.slice(1), targets[0]!]) {
      await writeFileDurable(target.path, target.data, { backup: false });
    }
    return { ok: true, value: { savedTo: chosen } };
  } catch (err) {
    return {
      ok: false,
      error: {
        code: 'io',
        message: `The file could not be saved: ${String((err as Error)?.message ?? err)}`,
      },
    };
  }
}
