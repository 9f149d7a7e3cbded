/**
 * Real Chromium for tests: Debian's `/usr/bin/chromium` (or CHROMIUM_PATH)
 * through playwright-core, never a download. `chromiumMissing` is the reason
 * to print when a test must skip.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../electron/service/pdf-chromium';

export const CHROMIUM = chromiumPath();
export const chromiumMissing: string | null = existsSync(CHROMIUM)
  ? null
  : `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
