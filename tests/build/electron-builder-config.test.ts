import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const config = require(path.join(root, 'build/electron-builder.config.cjs')) as Record<
  string,
  unknown
> & {
  linux: { target: string[]; icon: string };
  win: { target: string[] };
  mac: { target: string[] };
  files: string[];
  afterPack: string;
  directories: { buildResources: string };
};

/** electron-builder's own configuration schema, as shipped with the installed version. */
function builderSchemaValidator() {
  const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  // The schema uses one custom keyword for hook options that may be functions.
  ajv.addKeyword({
    keyword: 'typeof',
    validate: (type: string, data: unknown) => typeof data === type,
  });
  return ajv.compile(schema);
}

describe('build/electron-builder.config.cjs', () => {
  it("validates against electron-builder's schema", () => {
    const validate = builderSchemaValidator();
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the validator rejects a broken configuration (the check can fail)', () => {
    const validate = builderSchemaValidator();
    expect(validate({ ...config, linux: { target: 42 } })).toBe(false);
    expect(validate({ ...config, notAnOption: true })).toBe(false);
  });

  it('builds Linux AppImage and deb, Windows NSIS and macOS dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('packs the bundles, the renderer, the seeds and package.json; resources come from build/', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['out/**/*', 'dist/renderer/**/*', 'seeds/**/*', 'package.json']),
    );
    expect(config.directories.buildResources).toBe('build');
    const png = readFileSync(path.join(root, config.linux.icon));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
  });

  it('flips the fuses in its afterPack hook', () => {
    expect(path.resolve(root, config.afterPack)).toBe(
      path.join(root, 'build/after-pack-fuses.cjs'),
    );
    expect(typeof require(path.resolve(root, config.afterPack))).toBe('function');
  });

  it('points package.json main at the built main bundle', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('out/electron/main/main.js');
    expect(pkg.scripts.dist).toMatch(
      /electron-builder --config build\/electron-builder\.config\.cjs/,
    );
  });
});
