/**
 * Importing articles: picked or dropped files and pasted text or HTML go to
 * the host (`library.importFile`, `library.importPasted`). Each refusal (an
 * empty file, a binary or non-UTF-8 file, a file over the limit) comes back
 * as a sentence that is shown; the other files still import.
 */
import type { ApiClient, LibraryEntry } from '../../shared/api/contract';
import type { NoticeApi } from './notices';
import { fileToBase64 } from './files';
import { newImportId, reportImport } from './import-progress';

/** Import files one after another; returns the entries that imported. */
export async function importFiles(
  client: ApiClient,
  files: readonly File[],
  notices: NoticeApi,
): Promise<LibraryEntry[]> {
  const done: LibraryEntry[] = [];
  for (const file of files) {
    const fileName = file.name || 'article.txt';
    // Shown (with Cancel) from now on; the host's progress events continue it.
    const importId = newImportId();
    reportImport({ importId, name: fileName, fraction: 0 });
    let base64: string;
    try {
      base64 = await fileToBase64(file);
    } catch {
      reportImport({ importId, name: fileName, fraction: 1 });
      notices.error(`“${file.name}” could not be read.`);
      continue;
    }
    const r = await client.call('library.importFile', { fileName, base64, importId });
    reportImport({ importId, name: fileName, fraction: 1 });
    if (r.ok) done.push(r.value);
    else
      notices.error(
        r.error.message.includes(file.name)
          ? r.error.message
          : `“${file.name}” was not imported: ${r.error.message}`,
      );
  }
  if (done.length)
    notices.show({
      tone: 'success',
      text:
        done.length === 1
          ? `Imported “${done[0]!.meta.title}”.`
          : `Imported ${done.length} articles.`,
    });
  return done;
}

/** Import what a paste event carries (HTML preferred, else plain text). Returns null when it carried nothing usable. */
export async function importClipboard(
  client: ApiClient,
  data: DataTransfer,
  notices: NoticeApi,
): Promise<LibraryEntry | null> {
  const html = data.getData('text/html');
  const text = data.getData('text/plain');
  const kind = html.trim() ? 'html' : 'text';
  const content = kind === 'html' ? html : text;
  if (!content.trim()) {
    notices.error('The pasted content has no text to import.');
    return null;
  }
  const r = await client.call('library.importPasted', { kind, content });
  if (!r.ok) {
    notices.error(
      `The pasted ${kind === 'html' ? 'page' : 'text'} was not imported: ${r.error.message}`,
    );
    return null;
  }
  notices.show({
    tone: 'success',
    text: `Imported the pasted ${kind === 'html' ? 'page' : 'text'} as “${r.value.meta.title}”.`,
  });
  return r.value;
}

/** True when a keyboard/clipboard event happens inside a form field, where paste and keys are the field's own. */
export function inFormField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.closest) return false;
  return !!el.closest('input, textarea, select, [contenteditable="true"]:not(.article-text)');
}
