/**
 * The article's keyboard shortcuts, from the {@link SHORTCUTS} table. Each key
 * reports its command to the host; when the host handles it the key is
 * consumed, otherwise the browser's default (caret movement, selection) runs.
 */
import type { Plugin } from 'prosemirror-state';
import { keymap } from 'prosemirror-keymap';
import { SHORTCUTS, type ReviewCommand } from '../shortcuts';

/** Build the keymap. `run` returns true when it handled the command. */
export function reviewKeymapPlugin(run: (command: ReviewCommand) => boolean): Plugin {
  const bindings: Record<string, () => boolean> = {};
  for (const s of SHORTCUTS) for (const k of s.keys) bindings[k] = () => run(s.command);
  return keymap(bindings);
}
