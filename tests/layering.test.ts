// Proves the layering rules of eslint.config.js fire: each forbidden import
// is linted as if it lived in the layer, and must be reported. `npm test`
// runs ESLint over the real tree as well, so a real violation fails it.
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
