/**
 * Where review sessions live when nobody says otherwise. Browser mode uses the
 * same folder as the desktop app's `app.getPath('userData')`, so both modes
 * see the same sessions: `<appData>/Factcheck Workbench`, where appData is
 * `%APPDATA%` on Windows, `~/Library/Application Support` on macOS and
 * `$XDG_CONFIG_HOME` (default `~/.config`) on Linux.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Factcheck Workbench';

/** The platform's per-user data directory for this app. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = homedir();
  if (platform === 'win32')
    return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_DIR_NAME);
}
