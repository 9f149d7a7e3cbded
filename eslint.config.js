// One linter for the whole tree. Besides the recommended TypeScript rules it
// enforces the layering of ../shared/DESIGN.md (see README "Architecture"):
// shared/ is pure, renderer/ never reaches electron/, only electron/main and
// electron/preload may import 'electron', the service never reaches the hosts
// above it, and the preload reaches nothing but shared/. Static imports,
// import() and require() are all checked. tests/layering.test.ts proves that
// each of these rules fires; the TypeScript project references (one project
// per part of electron/) fence the same arrows a second time.
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

/** The other parts of electron/, as seen from one of them (any depth: '../../main/x' too). */
function sibling(part) {
  return ['main', 'preload', 'web', 'cli', 'service']
    .filter((p) => p !== part)
    .map((p) => `**/${p}/**`);
}

/**
 * A gitignore-style pattern of no-restricted-imports as a regular expression
 * over the module name: `**` spans folders, `*` stays within one, a pattern
 * without an inner slash matches at any depth, and a match covers everything
 * below it ('fs' also refuses 'fs/promises').
 */
function patternToRegex(pattern) {
  const core = pattern.replace(/^\*\*\//, '').replace(/\/\*\*$/, '');
  const anywhere = pattern.startsWith('**/') || !core.includes('/');
  const body = core
    .split('/')
    .map((seg) =>
      seg === '**'
        ? '.*'
        : seg
            .split('*')
            .map((lit) => lit.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('[^/]*'),
    )
    .join('/');
  return `${anywhere ? '^(?:.*/)?' : '^'}${body}(?:/.*)?$`;
}

/**
 * The rules for one layer. no-restricted-imports covers `import`/`export … from`;
 * it does not see `import('x')` or `require('x')`, so the same patterns also
 * become no-restricted-syntax selectors over ImportExpression and require calls.
 * An import() whose module name is computed is refused too: a layer's reach must
 * be readable from its source.
 */
function layer(message, patterns) {
  const alternatives = patterns.map(patternToRegex).join('|');
  const re = `/${alternatives.replace(/\//g, '\\/')}/`;
  return {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
    'no-restricted-syntax': [
      'error',
      { selector: `ImportExpression[source.value=${re}]`, message },
      { selector: `CallExpression[callee.name='require'][arguments.0.value=${re}]`, message },
      {
        selector: 'ImportExpression[source.type!="Literal"]',
        message: `${message} (a computed import() name cannot be checked)`,
      },
    ],
  };
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
      ...layer(
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
      ...layer(
        'renderer/ runs in the browser sandbox: it talks to the host only through its API client, never to electron/ or Node.',
        [...nodeBuiltins, 'electron', 'electron/*', 'lowdb', 'lowdb/*', 'jsdom', '**/electron/**'],
      ),
    },
  },
  {
    files: ['electron/service/**/*.ts'],
    rules: {
      ...layer(
        'electron/service is the Node service: it never imports electron, the renderer, or the hosts above it (main, preload, web, cli).',
        ['electron', 'electron/*', '**/renderer/**', ...sibling('service')],
      ),
    },
  },
  {
    files: ['electron/web/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      ...layer(
        'The web host and the CLI sit on the service and shared/ only: no electron, no renderer, no other host.',
        [
          'electron',
          'electron/*',
          '**/renderer/**',
          '**/main/**',
          '**/preload/**',
          '../web/**',
          '../cli/**',
        ],
      ),
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      ...layer(
        'The Electron shell uses the service and shared/; never the renderer, the preload, the web host or the CLI.',
        ['**/renderer/**', '**/preload/**', '**/web/**', '**/cli/**'],
      ),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      ...layer(
        'The preload exposes the bridge of shared/api/bridge.ts and nothing else: no service, main, web host, CLI or renderer.',
        [
          '**/renderer/**',
          '**/service/**',
          '**/main/**',
          '**/web/**',
          '**/cli/**',
          ...nodeBuiltins,
        ],
      ),
    },
  },
);
