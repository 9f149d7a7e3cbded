/**
 * Every keyboard shortcut of the review, in one table: the article keymap is
 * built from it, and the tooltips and the Help panel show it, so what is
 * documented is what works.
 *
 * Keys use prosemirror-keymap notation (`Mod-` is Cmd on macOS, Ctrl
 * elsewhere). Article keys are single keys, because the text is read-only:
 * typing never edits it, so letters and digits are free for commands while
 * the caret is in the article.
 */
export type ReviewCommand =
  | 'mark-claim'
  | 'mark-counter-statement'
  | 'mark-evidence'
  | 'mark-context'
  | 'select-sentence'
  | 'select-quotation'
  | 'open-annotation'
  | 'link'
  | 'verdict'
  | 'delete-annotation'
  | 'next-annotation'
  | 'previous-annotation'
  | 'goto'
  | 'find'
  | 'help'
  | 'escape'
  | 'context-menu'
  | 'undo'
  | 'redo'
  | 'accept-suggestion'
  | 'dismiss-suggestion'
  | 'next-suggestion'
  | 'previous-suggestion'
  | 'toggle-suggestions';

export interface Shortcut {
  command: ReviewCommand;
  /** prosemirror-keymap key names; the first is the one shown. */
  keys: string[];
  description: string;
  /** `article`: while the caret is in the article; `global`: anywhere outside text fields. */
  scope: 'article' | 'global';
}

export const SHORTCUTS: readonly Shortcut[] = [
  {
    command: 'mark-claim',
    keys: ['1'],
    description: 'Mark the selection as a Claim',
    scope: 'article',
  },
  {
    command: 'mark-counter-statement',
    keys: ['2'],
    description: 'Mark the selection as a Counter-statement',
    scope: 'article',
  },
  {
    command: 'mark-evidence',
    keys: ['3'],
    description: 'Mark the selection as Evidence',
    scope: 'article',
  },
  {
    command: 'mark-context',
    keys: ['4'],
    description: 'Mark the selection as Context',
    scope: 'article',
  },
  {
    command: 'select-sentence',
    keys: ['s'],
    description: 'Select the sentence around the caret',
    scope: 'article',
  },
  {
    command: 'select-quotation',
    keys: ['q'],
    description: 'Select the quotation around the caret (without the quotation marks)',
    scope: 'article',
  },
  {
    command: 'open-annotation',
    keys: ['Enter'],
    description: 'Open the annotation at the caret (choose when several overlap)',
    scope: 'article',
  },
  {
    command: 'link',
    keys: ['l'],
    description: 'Link the open annotation to another one',
    scope: 'article',
  },
  {
    command: 'verdict',
    keys: ['v'],
    description: 'Set the verdict of the open claim',
    scope: 'article',
  },
  {
    command: 'delete-annotation',
    keys: ['Delete', 'Backspace'],
    description: 'Delete the open annotation',
    scope: 'article',
  },
  {
    command: 'next-annotation',
    keys: ['n'],
    description: 'Go to the next annotation',
    scope: 'article',
  },
  {
    command: 'previous-annotation',
    keys: ['p'],
    description: 'Go to the previous annotation',
    scope: 'article',
  },
  {
    command: 'goto',
    keys: ['g'],
    description: 'Find an annotation by its text, speaker or note and open it',
    scope: 'article',
  },
  // Claim suggestions (issue 13). Shift+letter keys use the capital letter in keymap notation.
  {
    command: 'next-suggestion',
    keys: ['Shift-N'],
    description: 'Go to the next claim suggestion',
    scope: 'article',
  },
  {
    command: 'previous-suggestion',
    keys: ['Shift-P'],
    description: 'Go to the previous claim suggestion',
    scope: 'article',
  },
  {
    command: 'accept-suggestion',
    keys: ['a'],
    description: 'Accept the suggestion at the caret as a Claim, with its speaker',
    scope: 'article',
  },
  {
    command: 'dismiss-suggestion',
    keys: ['x'],
    description: 'Dismiss the suggestion at the caret (it stays dismissed)',
    scope: 'article',
  },
  {
    command: 'toggle-suggestions',
    keys: ['Shift-S'],
    description: 'Show or hide claim suggestions',
    scope: 'article',
  },
  {
    command: 'find',
    keys: ['Mod-f', '/'],
    description: 'Find text in the article and select it',
    scope: 'global',
  },
  {
    command: 'context-menu',
    keys: ['Shift-F10', 'ContextMenu'],
    description: 'Open the context menu for the selection',
    scope: 'article',
  },
  {
    command: 'escape',
    keys: ['Escape'],
    description: 'Close the open annotation, menu or dialog',
    scope: 'global',
  },
  { command: 'undo', keys: ['Mod-z'], description: 'Undo', scope: 'global' },
  { command: 'redo', keys: ['Shift-Mod-z', 'Mod-y'], description: 'Redo', scope: 'global' },
  { command: 'help', keys: ['?', 'F1'], description: 'Show this help', scope: 'global' },
];

const isMac =
  typeof navigator !== 'undefined' &&
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** A key name as people read it: `Mod-f` → `Ctrl+F` (or `⌘F` on macOS). */
export function displayKey(key: string): string {
  const parts = key.split('-').filter((p, i, all) => p !== '' || i === all.length - 1);
  const last = parts.pop() ?? key;
  const mods = parts.map((m) => {
    if (m === 'Mod') return isMac ? '⌘' : 'Ctrl';
    if (m === 'Shift') return isMac ? '⇧' : 'Shift';
    if (m === 'Alt') return isMac ? '⌥' : 'Alt';
    if (m === 'Ctrl') return isMac ? '⌃' : 'Ctrl';
    return m;
  });
  const name = last.length === 1 ? last.toUpperCase() : last === 'ContextMenu' ? 'Menu' : last;
  return isMac ? mods.join('') + name : [...mods, name].join('+');
}

/** The shown key of a command, e.g. `1` or `Ctrl+F`, or '' when it has none. */
export function shortcutLabel(command: ReviewCommand): string {
  const s = SHORTCUTS.find((x) => x.command === command);
  return s ? displayKey(s.keys[0]!) : '';
}

/** A tooltip: `Mark as Claim (1)`. */
export function withShortcut(text: string, command: ReviewCommand): string {
  const k = shortcutLabel(command);
  return k ? `${text} (${k})` : text;
}

/** Does a keyboard event match a key name (for the window-level shortcuts)? */
export function matchesKey(event: KeyboardEvent, key: string): boolean {
  const parts = key.split('-');
  let name = parts.pop()!;
  if (name === '' && key.endsWith('-')) name = '-';
  const want = { mod: false, shift: false, alt: false, ctrl: false };
  for (const p of parts) {
    if (p === 'Mod') want.mod = true;
    else if (p === 'Shift') want.shift = true;
    else if (p === 'Alt') want.alt = true;
    else if (p === 'Ctrl') want.ctrl = true;
  }
  const mod = isMac ? event.metaKey : event.ctrlKey;
  if (mod !== want.mod || event.altKey !== want.alt) return false;
  const keyName = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const isChar = name.length === 1;
  if (isChar && !/[a-z0-9]/i.test(name)) return event.key === name; // '?', '/': shift is part of the character
  if (event.shiftKey !== want.shift) return false;
  return keyName === (isChar ? name.toLowerCase() : name);
}
