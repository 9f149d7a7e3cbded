import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const afterPack = require('../../build/after-pack-fuses.cjs') as ((
  context: unknown,
) => Promise<void>) & {
  electronBinaryPath(context: unknown): string;
};

// A stand-in for the packaged binary: the fuse sentinel followed by a V1 wire with
// Electron's default states (RunAsNode on, cookie encryption off, NODE_OPTIONS on,
// inspect on, asar integrity off, asar-only off, V8 snapshot off, file privileges on).
const DEFAULT_WIRE = [1, 0, 1, 1, 0, 0, 0, 1];
function writeBinaryStub(file: string) {
  const wire = DEFAULT_WIRE.map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE));
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.alloc(64, 7),
      Buffer.from(SENTINEL),
      Buffer.from([1, wire.length, ...wire]),
      Buffer.alloc(64, 9),
    ]),
  );
}

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('build/after-pack-fuses.cjs', () => {
  it('flips every fuse of the checklist in the packaged binary', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fcw-fuses-'));
    const context = {
      appOutDir: dir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: {
        executableName: 'factcheck-workbench',
        appInfo: { productFilename: 'Factcheck Workbench' },
      },
    };
    const binary = path.join(dir, 'factcheck-workbench');
    writeBinaryStub(binary);
    await afterPack(context);
    const wire = await getCurrentFuseWire(binary);
    const state = (option: FuseV1Options) => wire[option];
    expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE);
  });

  it('finds the binary electron-builder packed on each platform', () => {
    const packager = {
      executableName: 'factcheck-workbench',
      appInfo: { productFilename: 'Factcheck Workbench' },
    };
    const at = (electronPlatformName: string) =>
      afterPack.electronBinaryPath({ appOutDir: '/o', electronPlatformName, packager });
    expect(at('linux')).toBe(path.join('/o', 'factcheck-workbench'));
    expect(at('win32')).toBe(path.join('/o', 'Factcheck Workbench.exe'));
    expect(at('darwin')).toBe(path.join('/o', 'Factcheck Workbench.app'));
  });
});
