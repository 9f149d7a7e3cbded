/**
 * Portable session files (.fcw.json): opening one (asking whether to import
 * a copy or replace when the session already exists) and saving one.
 */
import type { ApiClient, OpenedSession } from '../../../shared/api/contract';
import type { NoticeApi } from '../notices';
import { pickFiles } from '../files';
import { askChoice } from '../ask';

/**
 * Pick a .fcw.json file and import it. `beforeImport` runs once a file is
 * chosen (the open session saves its pending edits there, before a replace
 * can overwrite it). Resolves to the opened session, or null (cancelled or
 * refused, with a notice). The caller switches to it, then calls
 * {@link announceOpened}.
 */
export async function openSessionFile(
  client: ApiClient,
  notices: NoticeApi,
  beforeImport: () => Promise<void> = async () => {},
): Promise<{ opened: OpenedSession; fileName: string } | null> {
  const [file] = await pickFiles('.json,.fcw.json,application/json');
  if (!file) return null;
  await beforeImport();
  let content: string;
  try {
    content = await file.text();
  } catch {
    notices.error(`“${file.name}” could not be read.`);
    return null;
  }
  let r = await client.call('sessions.importPortable', {
    fileName: file.name,
    content,
    onConflict: 'ask',
  });
  if (r.ok && r.value.conflict) {
    const choice = await askChoice(
      'This session is already here',
      `“${file.name}” holds a session that already exists here as “${r.value.existingName}”. Import it as a separate copy, or replace the one here? Replacing keeps a backup of the current version.`,
      [
        { id: 'copy', label: 'Import as a copy', tone: 'primary' },
        { id: 'replace', label: 'Replace (keep a backup)', tone: 'danger' },
        { id: 'cancel', label: 'Cancel' },
      ],
    );
    if (choice !== 'copy' && choice !== 'replace') return null;
    r = await client.call('sessions.importPortable', {
      fileName: file.name,
      content,
      onConflict: choice,
    });
  }
  if (!r.ok) {
    notices.error(`“${file.name}” was not opened: ${r.error.message}`);
    return null;
  }
  if (r.value.conflict) {
    notices.error(
      `“${file.name}” was not opened: the session still conflicts with “${r.value.existingName}”.`,
    );
    return null;
  }
  return { opened: r.value.opened, fileName: file.name };
}

/** Say which session was opened from which file (after the view switched to it). */
export function announceOpened(
  notices: NoticeApi,
  r: { opened: OpenedSession; fileName: string },
): void {
  notices.show({ tone: 'success', text: `Opened “${r.opened.session.name}” from ${r.fileName}.` });
}
