/**
 * What a view (home or session) registers with the app so that global events
 * reach it: articles imported by a drop or paste anywhere, the host's menu
 * commands, and saving before the page or the app goes away. Its own module,
 * so the views and the app (which renders them) do not import each other.
 */
import type { LibraryEntry, MenuCommand } from '../../shared/api/contract';

/** Hooks a view registers so global events reach it. */
export interface ViewHooks {
  onImported?: (entries: LibraryEntry[]) => void;
  /** Handle a menu command; false when this view has nothing to do with it. */
  onMenu?: (command: MenuCommand) => boolean;
  flush?: () => Promise<void>;
  flushOnUnload?: () => void;
}
