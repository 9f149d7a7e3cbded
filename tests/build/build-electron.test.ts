import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let outDir: string;
let mainOut: string;
let preloadOut: string;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'fcw-build-'));
  const { buildElectron } = await import('../../build/build-electron.mjs');
  ({ mainOut, preloadOut } = await buildElectron({ outDir }));
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('build/build-electron.mjs', () => {
  /** The npm packages the main bundle imports at run time (static and dynamic). */
  function bundlePackages(): string[] {
    const code = readFileSync(mainOut, 'utf8');
    const specifiers = [
      ...code.matchAll(/^\s*import\b[^'"(]*?["']([^"']+)["']/gm),
      ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    ].map((m) => m[1]!);
    const packageOf = (s: string) =>
      s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!;
    return [
      ...new Set(
        specifiers.filter((s) => !s.startsWith('node:') && s !== 'electron').map(packageOf),
      ),
    ];
  }
  const pkg = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'),
  ) as { dependencies: Record<string, string> };

  it('leaves out of the main bundle only packages the packaged app ships (dependencies)', () => {
    const imported = bundlePackages();
    expect(imported.length).toBeGreaterThan(3);
    const missing = imported.filter((name) => !(name in pkg.dependencies));
    expect(
      missing,
      'imported by main.js but not in package.json dependencies (electron-builder ships only those)',
    ).toEqual([]);
  });

  it('ships nothing the main bundle does not load: renderer packages are bundled by Vite, tools are dev-only', () => {
    const imported = new Set(bundlePackages());
    const extra = Object.keys(pkg.dependencies).filter((name) => !imported.has(name));
    expect(extra, 'in dependencies but never loaded by the desktop app').toEqual([]);
  });

  it('writes the files package.json and the window expect', () => {
    expect(path.relative(outDir, mainOut)).toBe(path.join('electron', 'main', 'main.js'));
    expect(path.relative(outDir, preloadOut)).toBe(path.join('electron', 'preload', 'preload.cjs'));
  });

  it('bundles the preload into one CommonJS file that requires nothing but electron (sandbox rule)', () => {
    const code = readFileSync(preloadOut, 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).toContain('exposeInMainWorld');
  });

  it('bundles the main process as an ES module that keeps electron external', () => {
    const code = readFileSync(mainOut, 'utf8');
    expect(code).toMatch(/from\s*["']electron["']/);
    expect(code).not.toMatch(/\brequire\(\s*["']electron["']\s*\)/);
    // Our own modules are inside the bundle; nothing imports TypeScript at run time.
    expect(code).not.toMatch(/from\s*["'][^"']*\.ts["']/);
    expect(code).toContain('registerSchemesAsPrivileged');
  });
});
