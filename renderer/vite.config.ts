import { defineConfig } from 'vite';

// Builds the renderer into dist/renderer/ with relative URLs (the Electron
// custom protocol and the loopback host both serve it from a folder). Paths
// are relative to the project root, where `npm run build:renderer` runs.
// No inline scripts: the page's CSP allows only 'self', so the
// module-preload polyfill (an inline script) is off.
export default defineConfig({
  root: 'renderer',
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
});
