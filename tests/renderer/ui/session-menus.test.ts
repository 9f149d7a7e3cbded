/**
 * The session view's menus as data (renderer/ui/session/session-menus.ts):
 * which items there are, which are disabled, and what each one runs.
 */
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../../shared/api/contract';
import { createSession } from '../../../shared/model/session';
import type { MenuItem } from '../../../renderer/ui/menu';
import {
  contextMenuItems,
  fileMenuItems,
  runMenuCommand,
  type ContextMenuInput,
  type FileHandlers,
} from '../../../renderer/ui/session/session-menus';
import { articleFromText } from '../../helpers/seed-session';
import { makeAnnotation } from '../../helpers/session-fixtures';

function recordingHandlers(log: string[]): FileHandlers {
  const h = (name: string) => () => void log.push(name);
  return {
    saveAs: h('saveAs'),
    openFile: h('openFile'),
    importArticle: h('importArticle'),
    addFromLibrary: h('addFromLibrary'),
    reimport: h('reimport'),
    importAnnotations: h('importAnnotations'),
    importFactchecks: h('importFactchecks'),
    mergeFile: h('mergeFile'),
    settings: h('settings'),
    exportAs: (f) => void log.push(`export ${f}`),
    close: h('close'),
  };
}

const enabled = (items: MenuItem[]) => items.filter((i) => !i.disabled).map((i) => i.label);

describe('fileMenuItems', () => {
  it('offers every file action, each running its handler', () => {
    const log: string[] = [];
    const items = fileMenuItems(recordingHandlers(log), { readOnly: false, hasArticle: true });
    expect(enabled(items)).toHaveLength(10);
    for (const it of items) it.run!();
    expect(log).toEqual([
      'saveAs',
      'openFile',
      'mergeFile',
      'importArticle',
      'addFromLibrary',
      'reimport',
      'importAnnotations',
      'importFactchecks',
      'settings',
      'close',
    ]);
  });

  it('disables what would change a read-only session, and re-import without an article', () => {
    const h = recordingHandlers([]);
    expect(enabled(fileMenuItems(h, { readOnly: true, hasArticle: true }))).toEqual([
      'Save session as…',
      'Open session file…',
      'Import fact-checks…',
      'Session settings…',
      'Close session',
    ]);
    const noArticle = fileMenuItems(h, { readOnly: false, hasArticle: false });
    expect(noArticle.filter((i) => i.disabled).map((i) => i.label)).toEqual([
      'Re-import this article from an updated file…',
    ]);
  });
});

describe('contextMenuItems', () => {
  const article = articleFromText('Alpha said one thing. Beta said another.\n', 'a1');
  const session = createSession('S', [article], 'Tester');
  session.annotations = [
    makeAnnotation(article, 0, 5, { id: 'c1', kind: 'claim' }),
    makeAnnotation(article, 22, 26, { id: 'e1', kind: 'evidence' }),
  ];
  const input = (over: Partial<ContextMenuInput>, log: string[] = []): ContextMenuInput => ({
    session,
    ids: [],
    hasSelection: true,
    readOnly: false,
    reattaching: false,
    run: (c) => void log.push(`run ${c}`),
    reattach: () => void log.push('reattach'),
    open: (id) => void log.push(`open ${id}`),
    link: (id) => void log.push(`link ${id}`),
    askDelete: (id) => void log.push(`delete ${id}`),
    ...over,
  });

  it('marks the selection as each kind, and selects sentences and quotations', () => {
    const log: string[] = [];
    const items = contextMenuItems(input({}, log));
    expect(items.map((i) => [i.label, i.hint])).toEqual([
      ['Mark as Claim', '1'],
      ['Mark as Counter-statement', '2'],
      ['Mark as Evidence', '3'],
      ['Mark as Context', '4'],
      ['Select sentence', 'S'],
      ['Select quotation', 'Q'],
    ]);
    for (const it of items) it.run!();
    expect(log).toEqual([
      'run mark-claim',
      'run mark-counter-statement',
      'run mark-evidence',
      'run mark-context',
      'run select-sentence',
      'run select-quotation',
    ]);
  });

  it('explains why marking is disabled without a selection, and disables it when read-only', () => {
    const none = contextMenuItems(input({ hasSelection: false }));
    expect(none.slice(0, 4).every((i) => i.disabled && i.title === 'Select some text first')).toBe(
      true,
    );
    const ro = contextMenuItems(input({ readOnly: true }));
    expect(ro.slice(0, 4).every((i) => i.disabled && i.title === undefined)).toBe(true);
    expect(enabled(ro)).toEqual(['Select sentence', 'Select quotation']);
  });

  it('puts "Re-attach here" first while re-attaching, enabled with a selection', () => {
    const log: string[] = [];
    const items = contextMenuItems(input({ reattaching: true }, log));
    expect(items[0]!.label).toBe('Re-attach here');
    expect(items[0]!.disabled).toBe(false);
    items[0]!.run!();
    expect(log).toEqual(['reattach']);
    expect(contextMenuItems(input({ reattaching: true, hasSelection: false }))[0]!.disabled).toBe(
      true,
    );
  });

  it('opens, links and deletes each annotation under it; only opens when read-only', () => {
    const log: string[] = [];
    const items = contextMenuItems(input({ ids: ['e1', 'gone', 'c1'] }, log)).slice(6);
    expect(items.map((i) => i.label)).toEqual([
      'Open Evidence “Beta”',
      'Link Evidence…',
      'Delete Evidence…',
      'Open Claim “Alpha”',
      'Link Claim…',
      'Delete Claim…',
    ]);
    expect(items.map((i) => !!i.separatorBefore)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
    // The L key links only when one annotation is under the menu.
    expect(items[1]!.hint).toBeUndefined();
    for (const it of items) it.run!();
    expect(log).toEqual(['open e1', 'link e1', 'delete e1', 'open c1', 'link c1', 'delete c1']);
    const one = contextMenuItems(input({ ids: ['c1'] })).slice(6);
    expect(one[1]!.hint).toBe('L');
    const ro = contextMenuItems(input({ ids: ['c1'], readOnly: true })).slice(6);
    expect(ro.map((i) => i.label)).toEqual(['Open Claim “Alpha”']);
  });
});

describe('runMenuCommand', () => {
  it('answers every menu command of the host', () => {
    const expected: Record<MenuCommand, string> = {
      'session.new': 'close',
      'session.openFile': 'openFile',
      'session.saveAs': 'saveAs',
      'article.import': 'importArticle',
      'article.reimport': 'reimport',
      'factchecks.import': 'importFactchecks',
      'session.mergeFile': 'mergeFile',
      'edit.undo': 'run undo',
      'edit.redo': 'run redo',
      'view.help': 'run help',
      'view.library': 'close',
      'export.html': 'export html',
      'export.pdf': 'export pdf',
      'export.md': 'export md',
      'export.csv': 'export csv',
      'export.w3c': 'export w3c',
      'export.claimreview': 'export claimreview',
      'export.brat': 'export brat',
    };
    for (const cmd of MENU_COMMANDS) {
      const log: string[] = [];
      const handled = runMenuCommand(cmd, {
        ...recordingHandlers(log),
        run: (c) => void log.push(`run ${c}`),
      });
      expect(handled, cmd).toBe(true);
      expect(log, cmd).toEqual([expected[cmd]]);
    }
  });

  it('refuses a command it does not know', () => {
    const log: string[] = [];
    const h = { ...recordingHandlers(log), run: (c: string) => void log.push(c) };
    expect(runMenuCommand('view.zoom' as MenuCommand, h)).toBe(false);
    expect(log).toEqual([]);
  });
});
