// Proves the layering rules of eslint.config.js fire: each forbidden import
// is linted as if it lived in the layer, and must be reported. `npm test`
// runs ESLint over the real tree as well, so a real violation fails it.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function errors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.severity === 2)
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const forbidden: [layer: string, file: string, code: string, rule: string][] = [
  [
    'shared/ importing Node',
    'shared/model/x.ts',
    "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
    'no-restricted-imports',
  ],
  [
    'shared/ importing fs',
    'shared/model/x.ts',
    "import fs from 'fs';\nexport const x = fs;",
    'no-restricted-imports',
  ],
  [
    'shared/ importing Electron',
    'shared/model/x.ts',
    "import { app } from 'electron';\nexport const x = app;",
    'no-restricted-imports',
  ],
  [
    'shared/ importing the DOM view',
    'shared/model/x.ts',
    "import { EditorView } from 'prosemirror-view';\nexport const x = EditorView;",
    'no-restricted-imports',
  ],
  [
    'shared/ using document',
    'shared/model/x.ts',
    'export const x = document.title;',
    'no-restricted-globals',
  ],
  [
    'shared/ using window',
    'shared/model/x.ts',
    'export const x = window.location;',
    'no-restricted-globals',
  ],
  [
    'shared/ importing the service',
    'shared/model/x.ts',
    "import { createApiService } from '../../electron/service/api-service';\nexport const x = createApiService;",
    'no-restricted-imports',
  ],
  [
    'renderer/ importing electron/',
    'renderer/x.ts',
    "import { createApiService } from '../electron/service/api-service';\nexport const x = createApiService;",
    'no-restricted-imports',
  ],
  [
    'renderer/ importing Electron',
    'renderer/x.ts',
    "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;",
    'no-restricted-imports',
  ],
  [
    'renderer/ importing Node',
    'renderer/x.ts',
    "import { readFile } from 'node:fs/promises';\nexport const x = readFile;",
    'no-restricted-imports',
  ],
  [
    'the service importing Electron',
    'electron/service/x.ts',
    "import { app } from 'electron';\nexport const x = app;",
    'no-restricted-imports',
  ],
  [
    'the web host importing Electron',
    'electron/web/x.ts',
    "import { app } from 'electron';\nexport const x = app;",
    'no-restricted-imports',
  ],
  [
    'shared/ importing Node dynamically',
    'shared/model/x.ts',
    "export const x = () => import('node:fs');",
    'no-restricted-syntax',
  ],
  [
    'shared/ requiring Node',
    'shared/model/x.ts',
    "export const x = () => require('fs');",
    'no-restricted-syntax',
  ],
  [
    'shared/ importing a computed module name',
    'shared/model/x.ts',
    "const m = 'node:' + 'fs';\nexport const x = () => import(m);",
    'no-restricted-syntax',
  ],
  [
    'the service importing Electron dynamically',
    'electron/service/x.ts',
    "export const x = () => import('electron');",
    'no-restricted-syntax',
  ],
  [
    'the service importing the Electron shell',
    'electron/service/store/x.ts',
    "import { isAppUrl } from '../../main/app-origin';\nexport const x = isAppUrl;",
    'no-restricted-imports',
  ],
  [
    'the service importing the web host dynamically',
    'electron/service/x.ts',
    "export const x = () => import('../web/web-host');",
    'no-restricted-syntax',
  ],
  [
    'the preload importing the service',
    'electron/preload/x.ts',
    "import { createApiService } from '../service/api-service';\nexport const x = createApiService;",
    'no-restricted-imports',
  ],
  [
    'the preload importing the service dynamically',
    'electron/preload/x.ts',
    "export const x = () => import('../service/api-service');",
    'no-restricted-syntax',
  ],
  [
    'the preload importing the Electron shell',
    'electron/preload/x.ts',
    "import { isAppUrl } from '../main/app-origin';\nexport const x = isAppUrl;",
    'no-restricted-imports',
  ],
  [
    'the preload importing Node',
    'electron/preload/x.ts',
    "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
    'no-restricted-imports',
  ],
  [
    'the Electron shell importing the web host',
    'electron/main/x.ts',
    "import { createWebHost } from '../web/web-host';\nexport const x = createWebHost;",
    'no-restricted-imports',
  ],
  [
    'the CLI importing the Electron shell',
    'electron/cli/x.ts',
    "export const x = () => import('../main/app-origin');",
    'no-restricted-syntax',
  ],
  [
    'the web host importing the CLI',
    'electron/web/x.ts',
    "import { main } from '../cli/main';\nexport const x = main;",
    'no-restricted-imports',
  ],
  [
    'renderer/ importing electron/ dynamically',
    'renderer/x.ts',
    "export const x = () => import('../electron/service/api-service');",
    'no-restricted-syntax',
  ],
];

describe('layering', () => {
  for (const [name, file, code, rule] of forbidden) {
    it(`rejects ${name}`, async () => {
      const found = await errors(code, file);
      expect(
        found.some((e) => e.startsWith(`${rule}:`)),
        found.join('\n'),
      ).toBe(true);
    });
  }

  const allowed: [string, string, string][] = [
    [
      'shared/ importing prosemirror-model',
      'shared/model/x.ts',
      "import { Schema } from 'prosemirror-model';\nexport const x = Schema;",
    ],
    [
      'electron/main importing Electron',
      'electron/main/x.ts',
      "import { app } from 'electron';\nexport const x = app;",
    ],
    [
      'shared/ importing a shared module dynamically',
      'shared/model/x.ts',
      "export const x = () => import('../report/dispute-map');",
    ],
    [
      'the preload importing the bridge',
      'electron/preload/x.ts',
      "import { IPC_CHANNELS } from '../../shared/api/bridge';\nexport const x = IPC_CHANNELS;",
    ],
    [
      'the service importing a domain module (a name that contains no layer)',
      'electron/service/x.ts',
      "import { applyOps } from '../../shared/session/session-ops';\nexport const x = applyOps;",
    ],
    [
      'the CLI loading the service lazily',
      'electron/cli/x.ts',
      "export const x = () => import('../service/pdf-chromium');",
    ],
    [
      'renderer/ importing shared/',
      'renderer/x.ts',
      "import { articleSchema } from '../shared/article/article-schema';\nexport const x = articleSchema;",
    ],
  ];
  for (const [name, file, code] of allowed) {
    it(`allows ${name}`, async () => {
      expect(await errors(code, file)).toEqual([]);
    });
  }
});

// TypeScript keeps the parts of electron/ apart as well: each is a project of
// its own, and a file may only reach the projects its tsconfig references
// (anything else is TS6307 under `tsc -b`). The references must be the plan's
// arrows, no more.
describe('TypeScript project references', () => {
  const plan: Record<string, string[]> = {
    shared: [],
    'electron/service': ['shared'],
    'electron/main': ['shared', 'electron/service'],
    'electron/preload': ['shared'],
    'electron/web': ['shared', 'electron/service'],
    'electron/cli': ['shared', 'electron/service'],
    renderer: ['shared'],
  };
  for (const [project, expected] of Object.entries(plan)) {
    it(`${project} references exactly ${expected.join(', ') || 'nothing'}`, () => {
      const file = join(process.cwd(), project, 'tsconfig.json');
      const config = JSON.parse(readFileSync(file, 'utf8')) as {
        references?: { path: string }[];
      };
      const refs = (config.references ?? [])
        .map((r) => relative(process.cwd(), resolve(dirname(file), r.path)))
        .sort();
      expect(refs).toEqual([...expected].sort());
    });
  }
});
