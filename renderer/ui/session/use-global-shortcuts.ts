/**
 * The review's global shortcuts (`scope: 'global'` in `editor/shortcuts.ts`)
 * anywhere in the window: outside text fields, or when the article editor
 * let the key through. A handled key press is used up (default prevented).
 */
import { useEffect } from 'preact/hooks';
import type { ReviewCommand } from '../../editor/shortcuts';
import { inFormField } from '../imports';
import { globalShortcut } from './session-commands';

/** `run` must be stable (it is registered once); return true when the command was handled. */
export function useGlobalShortcuts(run: (cmd: ReviewCommand) => boolean): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const cmd = globalShortcut(e, inFormField(e.target));
      if (cmd && run(cmd)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
