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
