import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, EXPORT_MENU_ITEMS } from '../../../electron/main/app-menu';
import { EXPORT_FORMATS, MENU_COMMANDS } from '../../../shared/api/contract';
import type { MenuCommand } from '../../../shared/api/contract';

type Item = MenuItemConstructorOptions;

function build(platform: NodeJS.Platform, isDev = false) {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({
    platform,
    isDev,
    appName: 'Factcheck Workbench',
    send: (c) => sent.push(c),
  });
  return { template, sent };
}

function flatten(items: Item[]): Item[] {
  return items.flatMap((i) => [
    i,
    ...(Array.isArray(i.submenu) ? flatten(i.submenu as Item[]) : []),
  ]);
}

function click(item: Item) {
  (item.click as () => void)();
}

const top = (template: Item[], label: string) =>
  template.find((i) => i.label?.replace('&', '') === label)!;

describe.each(['linux', 'win32', 'darwin'] as const)('the menu on %s', (platform) => {
  it('has File, Edit, View and Help', () => {
    const labels = build(platform).template.map((i) => i.label?.replace('&', '') ?? i.role);
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
  });

  it('gives every item a command or a native role, and every command reaches the page', () => {
    const { template, sent } = build(platform);
    const items = flatten(template).filter((i) => i.type !== 'separator');
    for (const item of items) {
      const hasAction =
        typeof item.click === 'function' || item.role !== undefined || Array.isArray(item.submenu);
      expect(hasAction, `${item.label}`).toBe(true);
      if (typeof item.click === 'function') click(item);
    }
    expect(sent.every((c) => (MENU_COMMANDS as readonly string[]).includes(c))).toBe(true);
    expect(new Set(sent)).toEqual(new Set(MENU_COMMANDS));
  });

  it('has File items in order with Export ▸ one item per format', () => {
    const file = flatten([top(build(platform).template, 'File')])
      .map((i) => i.label)
      .filter(Boolean);
    expect(file).toEqual(
      expect.arrayContaining([
        'New Session',
        'Open Session File…',
        'Import Article…',
        'Save Session As…',
        'Export',
      ]),
    );
    const exportMenu = (top(build(platform).template, 'File').submenu as Item[]).find(
      (i) => i.label === 'Export',
    )!;
    const commands = (exportMenu.submenu as Item[]).map((i) => i.id);
    expect(commands).toEqual(EXPORT_FORMATS.map((f) => `export.${f}`));
    expect(EXPORT_MENU_ITEMS.map((e) => e.label)).toEqual([
      'HTML Report…',
      'PDF Report…',
      'Markdown…',
      'CSV…',
      'W3C Web Annotation (JSON-LD)…',
      'ClaimReview (JSON-LD)…',
      'brat Standoff…',
    ]);
  });

  it('uses the standard accelerators, each at most once', () => {
    const items = flatten(build(platform).template);
    const byId = new Map(items.filter((i) => i.id).map((i) => [i.id, i.accelerator]));
    expect(byId.get('session.new')).toBe('CmdOrCtrl+N');
    expect(byId.get('session.openFile')).toBe('CmdOrCtrl+O');
    expect(byId.get('session.saveAs')).toBe('CmdOrCtrl+Shift+S');
    expect(byId.get('edit.undo')).toBe('CmdOrCtrl+Z');
    expect(byId.get('edit.redo')).toBe(platform === 'win32' ? 'Ctrl+Y' : 'CmdOrCtrl+Shift+Z');
    expect(byId.get('view.help')).toBe('F1');
    const accelerators = items.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
    // Clipboard, zoom and quit come from native roles, which carry the platform's own accelerators.
    const roles = items.map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(
      expect.arrayContaining([
        'cut',
        'copy',
        'paste',
        'selectAll',
        'resetZoom',
        'zoomIn',
        'zoomOut',
        'quit',
      ]),
    );
  });

  it('keeps undo/redo for the editor: commands, not the native roles', () => {
    const edit = top(build(platform).template, 'Edit').submenu as Item[];
    expect(edit.some((i) => i.role === 'undo' || i.role === 'redo')).toBe(false);
    const { template, sent } = build(platform);
    const undo = flatten(template).find((i) => i.id === 'edit.undo')!;
    click(undo);
    expect(sent).toEqual(['edit.undo']);
  });

  it('offers reload and developer tools in development only', () => {
    const roles = (isDev: boolean) => flatten(build(platform, isDev).template).map((i) => i.role);
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) {
      expect(roles(false)).not.toContain(role);
      expect(roles(true)).toContain(role);
    }
  });
});
