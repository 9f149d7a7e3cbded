import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../electron-fake'));

const fake = await import('../electron-fake');
const { checkExternalUrl, openExternalSafe } = await import('../../../electron/main/open-external');

beforeEach(() => fake.resetFakeElectron());

const deps = () => ({ dialog: fake.dialog, shell: fake.shell }) as never;
const win = () => new fake.BrowserWindow() as never;

describe('openExternalSafe', () => {
  const refused = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'file:///etc/passwd',
    'http://example.com/',
    'data:text/html,hi',
    'vbscript:msgbox',
    'smb://server/share',
    'app://workbench/index.html',
    'https://user:pw@example.com/',
    'https://example.com@evil.com/',
    'https://exa mple.com/',
    'https://example.com/\u0000',
    'mailto:',
    '',
    'x'.repeat(3000),
    'not a url',
  ];
  it.each(refused)('refuses %s without asking or opening', async (url) => {
    const result = await openExternalSafe(url, win(), deps());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('refused');
    expect(fake.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses values that are not strings', async () => {
    for (const value of [
      null,
      undefined,
      42,
      { href: 'https://example.com' },
      ['https://example.com'],
    ]) {
      expect((await openExternalSafe(value, win(), deps())).ok).toBe(false);
    }
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });

  it.each(['https://example.com/article?id=1#p2', 'mailto:desk@example.org?subject=Claim'])(
    'opens %s only after the user confirms',
    async (url) => {
      fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
      expect(await openExternalSafe(url, win(), deps())).toEqual({
        ok: true,
        value: { opened: false },
      });
      expect(fake.shell.openExternal).not.toHaveBeenCalled();

      fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
      expect(await openExternalSafe(url, win(), deps())).toEqual({
        ok: true,
        value: { opened: true },
      });
      expect(fake.shell.openExternal).toHaveBeenCalledTimes(1);
      expect(fake.shell.openExternal).toHaveBeenCalledWith(new URL(url).href);
      // The dialog shows the exact URL and defaults to Cancel.
      const options = fake.dialog.showMessageBox.mock.calls[1]![1] as {
        detail: string;
        defaultId: number;
        cancelId: number;
      };
      expect(options.detail).toBe(new URL(url).href);
      expect(options.defaultId).toBe(0);
      expect(options.cancelId).toBe(0);
    },
  );

  it('reports a failure to open as a value, not an exception', async () => {
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    fake.shell.openExternal.mockRejectedValueOnce(new Error('no handler'));
    const result = await openExternalSafe('https://example.com/', win(), deps());
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
  });

  it('normalises what it opens (checkExternalUrl)', () => {
    expect(checkExternalUrl('HTTPS://Example.COM/a')).toEqual({
      ok: true,
      url: 'https://example.com/a',
    });
  });
});
