// One linter for the whole tree. Besides the recommended TypeScript rules it
// enforces the layering of ../shared/DESIGN.md (see README "Architecture"):
// shared/ is pure, renderer/ never reaches electron/, and only electron/main
// and electron/preload may import 'electron'. tests/layering.test.ts proves
// that each of these rules fires.
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
  'zlib',
  'buffer',
  'process',
];

/** Restricted-import rule for one layer: `paths` are exact module names, `patterns` are gitignore-style. */
function layer(message, patterns) {
  return ['error', { patterns: [{ group: patterns, message }] }];
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'release/**',
      '.tsbuild/**',
      'test-results/**',
      'bench-results/**',
      'coverage/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(
        'shared/ is the pure domain: no Node built-ins, no Electron, no DOM-bound packages, no imports from electron/ or renderer/.',
        [
          ...nodeBuiltins,
          'electron',
          'electron/*',
          'prosemirror-view',
          'dompurify',
          'jsdom',
          'lowdb',
          'lowdb/*',
          'preact',
          'preact/*',
          '**/electron/**',
          '**/renderer/**',
        ],
      ),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'process',
        'Buffer',
        'require',
        '__dirname',
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': layer(
        'renderer/ runs in the browser sandbox: it talks to the host only through its API client, never to electron/ or Node.',
        [...nodeBuiltins, 'electron', 'electron/*', 'lowdb', 'lowdb/*', 'jsdom', '**/electron/**'],
      ),
    },
  },
  {
    files: ['electron/service/**/*.ts', 'electron/web/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(
        'Only electron/main and electron/preload may import electron; nothing outside renderer/ imports it.',
        ['electron', 'electron/*', '**/renderer/**', '**/main/**', '**/preload/**'],
      ),
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': layer('The Electron shell never imports the renderer.', [
        '**/renderer/**',
      ]),
    },
  },
);
