// electron-builder configuration for `npm run dist` (validated against electron-builder's own
// schema in tests/build/electron-builder-config.test.ts). Linux AppImage + deb, Windows NSIS,
// macOS dmg. Resources (icon) live in build/; the afterPack hook flips the Electron fuses.
/** @type {import('app-builder-lib').Configuration} */
module.exports = {
  appId: 'org.factcheck.workbench',
  productName: 'Factcheck Workbench',
  executableName: 'factcheck-workbench',
  copyright: 'Factcheck Workbench contributors',
  directories: { buildResources: 'build', output: 'release' },
  files: ['out/**/*', '!out/**/*.map', 'dist/renderer/**/*', 'seeds/**/*', 'package.json'],
  asar: true,
  afterPack: './build/after-pack-fuses.cjs',
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build/icon.png',
    category: 'Office',
    synopsis: 'Review news articles: claims, evidence, verdicts, reports',
    maintainer: 'Factcheck Workbench contributors',
    vendor: 'Factcheck Workbench contributors',
  },
  deb: { priority: 'optional' },
  win: { target: ['nsis'], icon: 'build/icon.png' },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    deleteAppDataOnUninstall: false,
  },
  mac: {
    target: ['dmg'],
    icon: 'build/icon.png',
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
  },
  dmg: { title: '${productName} ${version}' },
};
