// electron-builder afterPack hook: flips the Electron fuses of the packaged binary before it is
// signed (electron-builder signs after afterPack). Settings follow the Electron security
// checklist; tests/build/after-pack-fuses.test.ts flips a binary stub and reads the wire back.
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads this hook as CommonJS */
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

/** The fuse settings, by @electron/fuses option. */
const FUSES = Object.freeze({
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // electron-builder 26 embeds the asar integrity data (Info.plist on macOS, a resource on
  // Windows); Electron ignores this fuse on Linux.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
});

// builder-util's Arch enum: arm64 = 3, universal = 4.
const APPLE_SILICON_ARCHS = new Set([3, 4]);

/** The packaged Electron binary (what `flipFuses` expects: the .app bundle on macOS). */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    default:
      return path.join(appOutDir, packager.executableName);
  }
}

async function afterPack(context) {
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(electronBinaryPath(context), {
    version: FuseVersion.V1,
    // Flipping fuses breaks the ad-hoc signature arm64 macOS binaries need to launch.
    resetAdHocDarwinSignature: isMac && APPLE_SILICON_ARCHS.has(context.arch),
    ...FUSES,
  });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.electronBinaryPath = electronBinaryPath;
