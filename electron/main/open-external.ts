/**
 * The one way out of the app to the user's browser or mail client.
 * `openExternalSafe` accepts only absolute `https:` URLs (no credentials) and
 * `mailto:` addresses, shows the exact URL in a confirmation dialog, and
 * opens it only when the user chooses "Open". Everything else — `http:`,
 * `file:`, `javascript:`, custom schemes, junk — is refused with a sentence.
 */
import type { BrowserWindow, Dialog, Shell } from 'electron';
import type { ApiResult } from '../../shared/api/contract';

/** Longest URL accepted. */
export const MAX_EXTERNAL_URL = 2048;

/** The normalised URL when `raw` may leave the app (https without credentials, or mailto); else a reason. */
export function checkExternalUrl(
  raw: unknown,
): { ok: true; url: string } | { ok: false; reason: string } {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL) {
    return { ok: false, reason: 'The link is empty or too long.' };
  }
  if (/[\u0000-\u001f\u007f\s]/.test(raw))
    return { ok: false, reason: 'The link contains spaces or control characters.' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'The link is not a valid address.' };
  }
  if (url.protocol === 'https:') {
    if (url.username !== '' || url.password !== '') {
      return { ok: false, reason: 'Links with a user name or password in them are not opened.' };
    }
    if (url.hostname === '') return { ok: false, reason: 'The link has no host.' };
    return { ok: true, url: url.href };
  }
  if (url.protocol === 'mailto:') {
    if (!/^[^@/\\]+@[^@/\\]+/.test(decodeSafe(url.pathname))) {
      return { ok: false, reason: 'The mail link has no address.' };
    }
    return { ok: true, url: url.href };
  }
  return {
    ok: false,
    reason: `Only https and mailto links are opened, not "${url.protocol.slice(0, 20)}".`,
  };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export interface OpenExternalDeps {
  dialog: Pick<Dialog, 'showMessageBox'>;
  shell: Pick<Shell, 'openExternal'>;
}

/**
 * Check `raw`, ask the user (showing the full URL), open it if confirmed.
 * Results: `{ opened: true }` after opening, `{ opened: false }` when the user
 * cancelled, `refused` for a URL that may not leave the app, `io` when the
 * system could not open it. Never throws.
 */
export async function openExternalSafe(
  raw: unknown,
  win: BrowserWindow | null,
  deps: OpenExternalDeps,
): Promise<ApiResult<{ opened: boolean }>> {
  const checked = checkExternalUrl(raw);
  if (!checked.ok) return { ok: false, error: { code: 'refused', message: checked.reason } };
  const isMail = checked.url.startsWith('mailto:');
  const options = {
    type: 'question' as const,
    buttons: ['Cancel', isMail ? 'Write email' : 'Open in browser'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
    title: 'Leave the workbench?',
    message: isMail
      ? 'Write an email with your mail program?'
      : 'Open this link in your web browser?',
    detail: checked.url,
  };
  try {
    const answer = win
      ? await deps.dialog.showMessageBox(win, options)
      : await deps.dialog.showMessageBox(options);
    if (answer.response !== 1) return { ok: true, value: { opened: false } };
    await deps.shell.openExternal(checked.url);
    return { ok: true, value: { opened: true } };
  } catch (err) {
    return {
      ok: false,
      error: {
        code: 'io',
        message: `The link could not be opened: ${String((err as Error)?.message ?? err)}`,
      },
    };
  }
}
