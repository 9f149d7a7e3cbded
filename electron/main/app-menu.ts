/**
 * The application menu. Every item that is not a native role sends a `menu`
 * event with one of the contract's MENU_COMMANDS to the page; the page owns
 * the action (the editor owns undo/redo, so Edit ▸ Undo is a command, not
 * the native role). Standard accelerators: {@link menuAccelerators}; native roles bring their own.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/contract';

/** Labels of the Export submenu, one per export format, in menu order. */
export const EXPORT_MENU_ITEMS: readonly { command: MenuCommand; label: string }[] = [
  { command: 'export.html', label: 'HTML Report…' },
  { command: 'export.pdf', label: 'PDF Report…' },
  { command: 'export.md', label: 'Markdown…' },
  { command: 'export.csv', label: 'CSV…' },
  { command: 'export.w3c', label: 'W3C Web Annotation (JSON-LD)…' },
  { command: 'export.claimreview', label: 'ClaimReview (JSON-LD)…' },
  { command: 'export.brat', label: 'brat Standoff…' },
];

/** The accelerators of command items, per platform family where they differ. */
export function menuAccelerators(platform: NodeJS.Platform): Partial<Record<MenuCommand, string>> {
  return {
    'session.new': 'CmdOrCtrl+N',
    'session.openFile': 'CmdOrCtrl+O',
    'article.import': 'CmdOrCtrl+I',
    'session.saveAs': 'CmdOrCtrl+Shift+S',
    'export.html': 'CmdOrCtrl+E',
    'export.pdf': 'CmdOrCtrl+P',
    'edit.undo': 'CmdOrCtrl+Z',
    'edit.redo': platform === 'win32' ? 'Ctrl+Y' : 'CmdOrCtrl+Shift+Z',
    'view.library': 'CmdOrCtrl+L',
    'view.help': 'F1',
  };
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Development build: adds Reload and the developer tools to View. */
  isDev: boolean;
  appName: string;
  /** Deliver a command to the page. */
  send(command: MenuCommand): void;
}

/** The menu template: File, Edit, View, Help (plus the app menu and Window menu on macOS). */
export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const keys = menuAccelerators(opts.platform);
  const isMac = opts.platform === 'darwin';
  const item = (command: MenuCommand, label: string): MenuItemConstructorOptions => ({
    id: command,
    label,
    accelerator: keys[command],
    click: () => opts.send(command),
  });

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      item('session.new', 'New Session'),
      item('session.openFile', 'Open Session File…'),
      item('session.mergeFile', 'Merge Session File…'),
      { type: 'separator' },
      item('article.import', 'Import Article…'),
      item('article.reimport', 'Re-import Article Text…'),
      item('factchecks.import', 'Import Fact-checks…'),
      { type: 'separator' },
      item('session.saveAs', 'Save Session As…'),
      { label: 'Export', submenu: EXPORT_MENU_ITEMS.map((e) => item(e.command, e.label)) },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      item('edit.undo', 'Undo'),
      item('edit.redo', 'Redo'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      item('view.library', 'Toggle Library'),
      { id: 'view.help.toggle', label: 'Toggle Help Panel', click: () => opts.send('view.help') },
      { type: 'separator' },
      ...(opts.isDev
        ? ([
            { role: 'reload' },
            { role: 'forceReload' },
            { role: 'toggleDevTools' },
            { type: 'separator' },
          ] as MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      item('view.help', `${opts.appName} Help`),
      ...(isMac ? [] : [{ role: 'about' } as MenuItemConstructorOptions]),
    ],
  };
  const macApp: MenuItemConstructorOptions = {
    label: opts.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  return isMac
    ? [macApp, file, edit, view, { role: 'windowMenu' }, help]
    : [file, edit, view, help];
}
