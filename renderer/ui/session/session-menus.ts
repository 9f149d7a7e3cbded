/**
 * The session view's menus, as data: the toolbar's File menu, the article's
 * context menu, and what each command of the host's menu (the desktop shell,
 * a second launch) does. Each is a plain function of what the view holds
 * now and the handlers it passes in, so the items and their enabled states
 * are tested without a browser (tests/renderer/ui/session-menus.test.ts).
 */
import type { ExportFormat, MenuCommand } from '../../../shared/api/contract';
import type { Session } from '../../../shared/model/session';
import { ANNOTATION_KINDS, KIND_LABELS } from '../../../shared/model/vocabulary';
import { wrapQuote } from '../../../shared/text/quote-marks';
import { shortcutLabel, type ReviewCommand } from '../../editor/shortcuts';
import { shorten } from '../format';
import type { MenuItem } from '../menu';
import {
  exportAs,
  importAnnotations,
  importIntoSession,
  reimportArticle,
  saveSessionAs,
  type FileActionContext,
} from './session-files-actions';

/** What the session's file commands do (the File menu and the host's menu share them). */
export interface FileHandlers {
  saveAs: () => void;
  openFile: () => void;
  importArticle: () => void;
  addFromLibrary: () => void;
  reimport: () => void;
  importAnnotations: () => void;
  /** Fact-check files (ClaimReview) that "seen before" searches besides the library (issue 13). */
  importFactchecks: () => void;
  /** File → Merge session file…: a colleague's copy of this session, merged offline (issue 10). */
  mergeFile: () => void;
  settings: () => void;
  exportAs: (format: ExportFormat) => void;
  /** Back to the library (a new session starts there). */
  close: () => void;
}

/**
 * The file handlers of a session view: the file actions of
 * `session-files-actions.ts` on `ctx`, and the view's own for the rest.
 */
export function fileHandlers(
  ctx: FileActionContext,
  view: Pick<
    FileHandlers,
    'openFile' | 'addFromLibrary' | 'settings' | 'close' | 'importFactchecks' | 'mergeFile'
  >,
): FileHandlers {
  return {
    ...view,
    saveAs: () => void saveSessionAs(ctx),
    importArticle: () => void importIntoSession(ctx),
    reimport: () => void reimportArticle(ctx),
    importAnnotations: () => void importAnnotations(ctx),
    exportAs: (format) => void exportAs(ctx, format),
  };
}

/** The toolbar's File menu. Changing items are disabled in a read-only session. */
export function fileMenuItems(
  h: FileHandlers,
  state: { readOnly: boolean; hasArticle: boolean },
): MenuItem[] {
  const { readOnly } = state;
  return [
    { label: 'Save session as…', run: h.saveAs },
    { label: 'Open session file…', run: h.openFile },
    { label: 'Merge session file…', run: h.mergeFile, disabled: readOnly },
    {
      label: 'Import article into this session…',
      run: h.importArticle,
      disabled: readOnly,
      separatorBefore: true,
    },
    { label: 'Add an article from the library…', run: h.addFromLibrary, disabled: readOnly },
    {
      label: 'Re-import this article from an updated file…',
      run: h.reimport,
      disabled: readOnly || !state.hasArticle,
    },
    { label: 'Import W3C annotations…', run: h.importAnnotations, disabled: readOnly },
    { label: 'Import fact-checks…', run: h.importFactchecks },
    { label: 'Session settings…', run: h.settings, separatorBefore: true },
    { label: 'Close session', run: h.close },
  ];
}

export interface ContextMenuInput {
  session: Session;
  /** The annotations under the pointer or the caret, innermost first. */
  ids: readonly string[];
  /** Whether the article has a selection to mark or re-attach to. */
  hasSelection: boolean;
  readOnly: boolean;
  /** An annotation waits to be re-attached. */
  reattaching: boolean;
  run: (cmd: ReviewCommand) => void;
  reattach: () => void;
  open: (id: string) => void;
  link: (id: string) => void;
  askDelete: (id: string) => void;
}

/**
 * The article's context menu: mark the selection (one item per kind), select
 * the sentence or quotation, re-attach (while re-attaching), then for each
 * annotation under it Open, and unless read-only Link and Delete.
 */
export function contextMenuItems(input: ContextMenuInput): MenuItem[] {
  const { hasSelection: hasSel, readOnly, ids, run } = input;
  const why = hasSel ? undefined : 'Select some text first';
  const items: MenuItem[] = ANNOTATION_KINDS.map((k) => ({
    label: `Mark as ${KIND_LABELS[k]}`,
    hint: shortcutLabel(`mark-${k}` as ReviewCommand),
    disabled: !hasSel || readOnly,
    title: why,
    run: () => run(`mark-${k}` as ReviewCommand),
  }));
  items.push({
    label: 'Select sentence',
    hint: shortcutLabel('select-sentence'),
    run: () => run('select-sentence'),
    separatorBefore: true,
  });
  items.push({
    label: 'Select quotation',
    hint: shortcutLabel('select-quotation'),
    run: () => run('select-quotation'),
  });
  if (input.reattaching)
    items.unshift({ label: 'Re-attach here', disabled: !hasSel, run: input.reattach });
  const byId = new Map(input.session.annotations.map((a) => [a.id, a]));
  ids.forEach((id, i) => {
    const a = byId.get(id);
    if (!a) return;
    const label = `${KIND_LABELS[a.kind]} ${wrapQuote(shorten(a.target.quote.exact, 28))}`;
    items.push({ label: `Open ${label}`, run: () => input.open(id), separatorBefore: i === 0 });
    if (!readOnly) {
      items.push({
        label: `Link ${KIND_LABELS[a.kind]}…`,
        hint: ids.length === 1 ? shortcutLabel('link') : undefined,
        run: () => input.link(id),
      });
      items.push({ label: `Delete ${KIND_LABELS[a.kind]}…`, run: () => input.askDelete(id) });
    }
  });
  return items;
}

/** Run a command of the host's menu. False when it means nothing in a session. */
export function runMenuCommand(
  cmd: MenuCommand,
  h: FileHandlers & { run: (cmd: ReviewCommand) => void },
): boolean {
  const [group, name] = cmd.split('.') as [string, string];
  if (group === 'export') h.exportAs(name as ExportFormat);
  else if (cmd === 'session.saveAs') h.saveAs();
  else if (cmd === 'session.openFile') h.openFile();
  else if (cmd === 'session.new' || cmd === 'view.library') h.close();
  else if (cmd === 'article.import') h.importArticle();
  else if (cmd === 'article.reimport') h.reimport();
  else if (cmd === 'factchecks.import') h.importFactchecks();
  else if (cmd === 'session.mergeFile') h.mergeFile();
  else if (cmd === 'edit.undo') h.run('undo');
  else if (cmd === 'edit.redo') h.run('redo');
  else if (cmd === 'view.help') h.run('help');
  else return false;
  return true;
}
