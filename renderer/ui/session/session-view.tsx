/**
 * One open review session: toolbar, the article being read (with find,
 * floating mark toolbar and context menu), and the side panel (dispute cards
 * or the open annotation). Commands from keys, menus and buttons all go
 * through {@link runCommand}, so each works the same way whichever way it
 * was given.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ApiClient, AppInfo, MenuCommand, OpenedSession } from '../../../shared/api/contract';
import type { ArticleMeta } from '../../../shared/model/article';
import { KIND_LABELS, type AnnotationKind } from '../../../shared/model/vocabulary';
import { EMPTY_FILTER, type DisputeFilter } from '../../../shared/review/dispute-cards';
import { quotationAround, sentenceAround } from '../../../shared/anchoring/text-units';
import { articleIndex } from '../../../shared/session/session-ops';
import type { HostPlatform } from '../../api/platform';
import type { ArticleEditor, ArticleEditorCallbacks } from '../../editor/article-editor';
import { SHORTCUTS, matchesKey, shortcutLabel, type ReviewCommand } from '../../editor/shortcuts';
import { SessionController, type SaveState } from '../../state/session-controller';
import type { ViewHooks } from '../app';
import { ConfirmDialog } from '../dialog';
import { Menu, type MenuItem } from '../menu';
import { inFormField } from '../imports';
import { formatDateTime, plural, shorten } from '../format';
import { wrapQuote } from '../../../shared/text/quote-marks';
import { createReviewActions } from './review-actions';
import { ArticlePane } from './article-pane';
import { Toolbar } from './toolbar';
import { DisputePanel } from './dispute-panel';
import { AnnotationDetail } from './annotation-detail';
import { LinkPicker } from './link-picker';
import { FindBar } from './find-bar';
import { HelpDialog } from './help-dialog';
import { SettingsDialog } from './settings-dialog';
import { SelectionToolbar } from './selection-toolbar';
import { AnnotationChooser } from './annotation-chooser';
import { AddArticleDialog } from './add-article-dialog';
import {
  annotationChanges,
  type AnnotationChanges,
} from '../../../shared/review/annotation-changes';
import {
  addArticle,
  exportAs,
  importAnnotations,
  importIntoSession,
  reimportArticle,
  saveSessionAs,
  type FileActionContext,
} from './session-files-actions';
import { announceOpened, openSessionFile } from './session-files';
import { useSessionNotices } from './session-notices';
import { showInvisibles } from '../../../shared/text/visible-text';
import { announceReplay } from './kept-edits-notice';
// Claim suggestions, "seen before" and imported fact-checks (issue 13).
import { useSuggestions } from './use-suggestions';
import { SuggestionsPanel } from './suggestions-panel';
import { SeenBefore, takeRevealOnOpen } from './seen-before';
import { importFactchecks } from '../factcheck-import';
import { useSpeakerSuggestions } from './use-speaker-suggestions';

export interface SessionViewProps {
  client: ApiClient;
  platform: HostPlatform;
  info: AppInfo | null;
  opened: OpenedSession;
  onClose: () => void;
  onReplace: (opened: OpenedSession) => void;
  setHooks: (hooks: ViewHooks) => void;
}

export interface FocusRequest {
  target: 'speaker' | 'verdict' | null;
  token: number;
  /** The annotation whose field should take focus. */
  id: string | null;
}

type Overlay =
  | null
  | { type: 'link'; fromId: string }
  | { type: 'goto' }
  | { type: 'help' }
  | { type: 'settings' }
  | { type: 'add-article' }
  | { type: 'chooser'; ids: string[]; point: { x: number; y: number } }
  | { type: 'context'; ids: string[]; point: { x: number; y: number } }
  | { type: 'delete'; id: string; linkCount: number };

const MARK_COMMANDS: Partial<Record<ReviewCommand, AnnotationKind>> = {
  'mark-claim': 'claim',
  'mark-counter-statement': 'counter-statement',
  'mark-evidence': 'evidence',
  'mark-context': 'context',
};

export function SessionView({
  client,
  platform,
  info,
  opened,
  onClose,
  onReplace,
  setHooks,
}: SessionViewProps) {
  const controller = useMemo(
    () =>
      new SessionController(client, opened, {
        platform,
        kept: info ? platform.keptEdits?.(info.dataDir) : null,
      }),
    [opened],
  );
  // Notices with buttons acting on this session go when it does.
  const notices = useSessionNotices(controller);
  const [session, setSession] = useState(controller.session);
  const [save, setSave] = useState<SaveState>(controller.save);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [tab, setTab] = useState<'disputes' | 'annotation' | 'suggestions'>('disputes');
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [find, setFind] = useState({ open: false, token: 0 });
  // A request to focus a field of the open annotation; cleared once the field took focus.
  const [focusReq, setFocusReq] = useState<FocusRequest>({ target: null, token: 0, id: null });
  const [selRect, setSelRect] = useState<{
    left: number;
    right: number;
    top: number;
    bottom: number;
  } | null>(null);
  const [reattachId, setReattachId] = useState<string | null>(null);
  const [caretNote, setCaretNote] = useState('');
  const [filter, setFilter] = useState<DisputeFilter>(EMPTY_FILTER);
  const [recovery, setRecovery] = useState(opened.recovery);
  const [editor, setEditorState] = useState<ArticleEditor | null>(null);
  const editorRef = useRef<ArticleEditor | null>(null);
  const pendingReveal = useRef<string | null>(null);
  /** What the last op batch changed in the annotation list, so the editor updates in O(changes). */
  const changesRef = useRef<AnnotationChanges | null>(null);
  // Nothing can be changed in a session from a newer version, or while a crash recovery waits for a decision.
  const readOnly = controller.readOnly || !!controller.heldBack;
  const lockedReason =
    controller.heldBack ??
    'This session is read-only: it was written by a newer version of the app, so nothing can be changed here.';

  useEffect(() => {
    setSession(controller.session);
    setSave(controller.save);
    let lastAnnotations = controller.session.annotations;
    const off = controller.subscribe((e) => {
      changesRef.current = annotationChanges(lastAnnotations, e.session.annotations, e.ops);
      lastAnnotations = e.session.annotations;
      setSession(e.session);
      setSave(controller.save);
    });
    if (opened.notice) notices.show({ tone: 'warning', text: opened.notice });
    announceReplay(controller, notices, platform);
    return () => {
      off();
      void controller.flush().finally(() => controller.destroy());
    };
  }, [controller]);

  const articleId = session.view.openArticleId ?? session.articles[0]?.id ?? null;
  const article = session.articles.find((a) => a.id === articleId) ?? null;
  const active = activeId ? (session.annotations.find((a) => a.id === activeId) ?? null) : null;
  useEffect(() => {
    if (activeId && !active) {
      setActiveId(null);
      setTab('disputes');
    }
  }, [activeId, active]);

  const actions = useMemo(
    () => createReviewActions({ controller, notices, editor: () => editorRef.current }),
    [controller, notices],
  );
  // issue 13: claim suggestions of the open article (layer in the text, list in the panel).
  const suggestions = useSuggestions({
    client,
    controller,
    session,
    article,
    editor,
    notices,
    readOnly,
    lockedReason,
    onAccepted: (id) => activate(id),
  });
  // issue 13: names the text gives for the open annotation's speaker field.
  const speakerSuggestions = useSpeakerSuggestions(client, session, active);
  // issue 13: a "seen before" match opened in this session: show it once the article is up.
  useEffect(() => {
    const id = editor ? takeRevealOnOpen(controller.session.id) : null;
    if (id) activate(id, { reveal: true });
  }, [editor]);
  const hint = (text: string) => notices.show({ tone: 'info', text });
  const focusEditor = () => editorRef.current?.focus();
  const requestFocus = (target: 'speaker' | 'verdict', id: string) =>
    setFocusReq((f) => ({ target, token: f.token + 1, id }));
  const focusHandled = () => setFocusReq((f) => (f.target ? { ...f, target: null, id: null } : f));

  const activate = (id: string, opts: { reveal?: boolean } = {}) => {
    setActiveId(id);
    setTab('annotation');
    if (opts.reveal) reveal(id);
  };

  const openArticle = (id: string) => {
    if (id === articleId) return;
    controller.apply(
      [{ op: 'view.put', view: { ...controller.session.view, openArticleId: id } }],
      'Open article',
    );
  };

  /** Scroll to an annotation (switching article if needed), flash and select it. */
  const reveal = (id: string) => {
    const a = controller.session.annotations.find((x) => x.id === id);
    if (!a) return;
    if (a.target.status === 'orphaned')
      return hint(
        'This annotation’s text was not found after a re-import; re-attach it to new text.',
      );
    if (a.target.articleId !== articleId) {
      pendingReveal.current = id;
      openArticle(a.target.articleId);
      return;
    }
    editorRef.current?.reveal(id);
  };

  const annotationAtCaret = (): string | null => {
    if (activeId) return activeId;
    return editorRef.current?.annotationsAtCaret()[0] ?? null;
  };

  const refreshSelection = () => {
    const ed = editorRef.current;
    requestAnimationFrame(() => {
      // Only for a selection made in the focused article (not for "show in the article" from the panel).
      setSelRect(
        ed && !ed.view.state.selection.empty && ed.view.hasFocus() ? ed.selectionRect() : null,
      );
      // Highlights are painted, not in the DOM: tell screen readers what the caret is in.
      if (ed?.view.hasFocus()) setCaretNote(describeAt(ed.annotationsAtCaret()));
    });
  };

  const describeAt = (ids: string[]): string => {
    const s = controller.session;
    const parts = ids.map((id) => {
      const a = s.annotations.find((x) => x.id === id);
      if (!a) return '';
      const who = a.speakerId ? s.speakers.find((x) => x.id === a.speakerId)?.name : undefined;
      return `${KIND_LABELS[a.kind]}${who ? ` by ${who}` : ''}`;
    });
    const list = parts.filter(Boolean);
    return list.length ? `In ${list.join(', inside ')}. Press Enter to open.` : '';
  };

  function runCommand(cmd: ReviewCommand): boolean {
    if (suggestions.runCommand(cmd)) return true; // issue 13
    const ed = editorRef.current;
    const kind = MARK_COMMANDS[cmd];
    if (kind) {
      if (readOnly) return (hint(lockedReason), true);
      const a = actions.mark(kind);
      if (a) {
        activate(a.id);
        requestFocus('speaker', a.id);
      }
      return true;
    }
    switch (cmd) {
      case 'select-sentence':
      case 'select-quotation': {
        if (!ed) return false;
        const fn = cmd === 'select-sentence' ? sentenceAround : quotationAround;
        const span = fn(ed.article.text, ed.caretOffset());
        if (span) ed.selectSpan(span);
        else
          hint(
            cmd === 'select-sentence'
              ? 'There is no sentence at the caret.'
              : 'The caret is not inside a quotation.',
          );
        return true;
      }
      case 'open-annotation': {
        if (!ed) return false;
        if (reattachId && ed.selectedSpan()) return (doReattach(), true);
        const ids = ed.annotationsAtCaret();
        if (!ids.length)
          return (
            hint('There is no annotation at the caret. Select text and press 1–4 to mark it.'),
            true
          );
        if (ids.length === 1) activate(ids[0]!);
        else setOverlay({ type: 'chooser', ids, point: caretPoint(ed) });
        return true;
      }
      case 'link': {
        if (readOnly) return (hint(lockedReason), true);
        const id = annotationAtCaret();
        if (!id)
          return (
            hint(
              'Open an annotation first (put the caret in a highlight and press Enter), then press L to link it.',
            ),
            true
          );
        setOverlay({ type: 'link', fromId: id });
        return true;
      }
      case 'verdict': {
        const id = annotationAtCaret();
        const a = id ? controller.session.annotations.find((x) => x.id === id) : undefined;
        if (!a || a.kind !== 'claim')
          return (hint('Verdicts belong to claims: open a claim, then press V.'), true);
        activate(a.id);
        requestFocus('verdict', a.id);
        return true;
      }
      case 'delete-annotation': {
        if (readOnly) return true;
        const id = annotationAtCaret();
        if (!id) return (hint('There is no annotation at the caret to delete.'), true);
        askDelete(id);
        return true;
      }
      case 'next-annotation':
      case 'previous-annotation': {
        if (!ed) return false;
        const order = ed.annotationOrder();
        if (!order.length) return (hint('This article has no annotations yet.'), true);
        let i = activeId ? order.indexOf(activeId) : -1;
        if (i === -1) {
          const caret = ed.caretOffset();
          const idx = articleIndex(ed.article);
          const byId = new Map(controller.session.annotations.map((a) => [a.id, a]));
          const starts = order.map((id) => idx.toUtf16(byId.get(id)!.target.position.start));
          i =
            cmd === 'next-annotation'
              ? starts.findIndex((s) => s > caret) - 1
              : starts.findIndex((s) => s >= caret);
          if (cmd === 'next-annotation' && i === -2) i = order.length - 1;
          if (cmd === 'previous-annotation' && i === -1) i = order.length;
        }
        const next =
          order[(i + (cmd === 'next-annotation' ? 1 : -1) + order.length) % order.length]!;
        ed.reveal(next);
        activate(next);
        return true;
      }
      case 'goto':
        setOverlay({ type: 'goto' });
        return true;
      case 'find':
        setFind((f) => ({ open: true, token: f.token + 1 }));
        return true;
      case 'help':
        setOverlay({ type: 'help' });
        return true;
      case 'context-menu':
        if (!ed) return false;
        setOverlay({ type: 'context', ids: ed.annotationsAtCaret(), point: caretPoint(ed) });
        return true;
      case 'escape':
        if (overlay) return (setOverlay(null), true);
        if (reattachId) return (setReattachId(null), true);
        if (find.open) return (setFind((f) => ({ ...f, open: false })), true);
        if (activeId) {
          setActiveId(null);
          setTab('disputes');
          return true;
        }
        return false;
      case 'undo':
      case 'redo': {
        const r = cmd === 'undo' ? controller.undo() : controller.redo();
        if (r.ok)
          notices.show({
            tone: 'info',
            text: `${cmd === 'undo' ? 'Undone' : 'Redone'}: ${r.label}.`,
          });
        else hint(r.message);
        return true;
      }
    }
    return false;
  }

  const askDelete = (id: string) => {
    const linkCount = actions.linkCount(id);
    if (linkCount) setOverlay({ type: 'delete', id, linkCount });
    else actions.delete(id);
  };

  const doReattach = () => {
    if (reattachId && actions.reattach(reattachId)) {
      notices.show({ tone: 'success', text: 'Re-attached to the selected text.' });
      activate(reattachId);
      setReattachId(null);
    }
  };

  const startReattach = (id: string) => {
    const a = controller.session.annotations.find((x) => x.id === id);
    if (a && a.target.articleId !== articleId) openArticle(a.target.articleId);
    setReattachId(id);
    notices.show({
      tone: 'info',
      text: 'Select the text this annotation now refers to, then press Enter or “Re-attach here”.',
    });
    focusEditor();
  };

  // Latest handlers for the editor's callbacks (the editor is mounted once per article).
  const latest = useRef({ runCommand, activate, refreshSelection });
  latest.current = { runCommand, activate, refreshSelection };
  const callbacks = useMemo<ArticleEditorCallbacks>(
    () => ({
      onCommand: (cmd) => latest.current.runCommand(cmd),
      onSelectionChange: () => latest.current.refreshSelection(),
      onHighlightClick: (ids, point) => {
        if (ids.length === 1) latest.current.activate(ids[0]!);
        else setOverlay({ type: 'chooser', ids, point });
      },
      onContextMenu: (ids, point) => setOverlay({ type: 'context', ids, point }),
      onRefused: (text) => notices.show({ tone: 'info', text }),
    }),
    [],
  );

  const onEditor = (ed: ArticleEditor | null) => {
    editorRef.current = ed;
    setEditorState(ed);
    if (ed) {
      // The floating toolbar follows the article's focus.
      ed.view.dom.addEventListener('focusin', () => latest.current.refreshSelection());
      ed.view.dom.addEventListener('focusout', () => latest.current.refreshSelection());
    }
    if (ed && pendingReveal.current) {
      const id = pendingReveal.current;
      pendingReveal.current = null;
      requestAnimationFrame(() => ed.reveal(id));
    }
    if (ed && !pendingReveal.current)
      requestAnimationFrame(() => document.activeElement === document.body && ed.focus());
  };

  // Global shortcuts (outside text fields, or when the editor let them through).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const inField = inFormField(e.target);
      for (const s of SHORTCUTS) {
        if (s.scope !== 'global') continue;
        const key = s.keys.find((k) => matchesKey(e, k));
        if (!key) continue;
        if (
          inField &&
          (s.command === 'undo' ||
            s.command === 'redo' ||
            key === '?' ||
            key === '/' ||
            s.command === 'escape')
        )
          return;
        if (latest.current.runCommand(s.command)) e.preventDefault();
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Keep the floating toolbar on the selection while scrolling.
  useEffect(() => {
    if (!selRect) return;
    const onScroll = () => latest.current.refreshSelection();
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => document.removeEventListener('scroll', onScroll, { capture: true });
  }, [!!selRect]);

  const fileCtx: FileActionContext = {
    client,
    platform,
    controller,
    notices,
    currentArticleId: () => articleId,
    openSettings: () => setOverlay({ type: 'settings' }),
    openArticle,
  };

  const openFile = async () => {
    const r = await openSessionFile(client, notices, () => controller.flush());
    if (r) {
      onReplace(r.opened);
      announceOpened(notices, r);
    }
  };

  const fileItems: MenuItem[] = [
    { label: 'Save session as…', run: () => void saveSessionAs(fileCtx) },
    { label: 'Open session file…', run: () => void openFile() },
    {
      label: 'Import article into this session…',
      run: () => void importIntoSession(fileCtx),
      disabled: readOnly,
      separatorBefore: true,
    },
    {
      label: 'Add an article from the library…',
      run: () => setOverlay({ type: 'add-article' }),
      disabled: readOnly,
    },
    {
      label: 'Re-import this article from an updated file…',
      run: () => void reimportArticle(fileCtx),
      disabled: readOnly || !article,
    },
    {
      label: 'Import W3C annotations…',
      run: () => void importAnnotations(fileCtx),
      disabled: readOnly,
    },
    { label: 'Import fact-checks…', run: () => void importFactchecks(client, notices) },
    {
      label: 'Session settings…',
      run: () => setOverlay({ type: 'settings' }),
      separatorBefore: true,
    },
    { label: 'Close session', run: onClose },
  ];

  useEffect(() => {
    setHooks({
      flush: () => controller.flush(),
      flushOnUnload: () => controller.flushOnUnload(),
      onImported: (entries) =>
        notices.show({
          tone: 'info',
          text:
            entries.length === 1
              ? `“${entries[0]!.meta.title}” is in the library.`
              : `${entries.length} articles are in the library.`,
          actions: readOnly
            ? []
            : [
                {
                  label: 'Add to this session',
                  run: () => void Promise.all(entries.map((e) => addArticle(fileCtx, e))),
                },
              ],
        }),
      onMenu: (cmd: MenuCommand) => {
        const [group, name] = cmd.split('.') as [string, string];
        if (group === 'export') void exportAs(fileCtx, name as never);
        else if (cmd === 'session.saveAs') void saveSessionAs(fileCtx);
        else if (cmd === 'session.openFile') void openFile();
        else if (cmd === 'session.new' || cmd === 'view.library') onClose();
        else if (cmd === 'article.import') void importIntoSession(fileCtx);
        else if (cmd === 'article.reimport') void reimportArticle(fileCtx);
        else if (cmd === 'factchecks.import') void importFactchecks(client, notices);
        else if (cmd === 'edit.undo') runCommand('undo');
        else if (cmd === 'edit.redo') runCommand('redo');
        else if (cmd === 'view.help') runCommand('help');
        else return false;
        return true;
      },
    });
  });

  const recover = async (action: 'restore' | 'discard') => {
    const r = await client.call('sessions.recover', { id: session.id, action });
    if (!r.ok)
      return void notices.error(
        `The unsaved changes could not be ${action === 'restore' ? 'restored' : 'discarded'}: ${r.error.message}`,
      );
    setRecovery(null);
    notices.show({
      tone: 'success',
      text:
        action === 'restore'
          ? 'The unsaved changes were restored.'
          : 'The unsaved changes were discarded.',
    });
    onReplace(r.value);
  };

  const contextItems = (ids: string[]): MenuItem[] => {
    const hasSel = !!editorRef.current?.selectedSpan();
    const why = hasSel ? undefined : 'Select some text first';
    const items: MenuItem[] = (['claim', 'counter-statement', 'evidence', 'context'] as const).map(
      (k) => ({
        label: `Mark as ${KIND_LABELS[k]}`,
        hint: shortcutLabel(`mark-${k}` as ReviewCommand),
        disabled: !hasSel || readOnly,
        title: why,
        run: () => runCommand(`mark-${k}` as ReviewCommand),
      }),
    );
    items.push({
      label: 'Select sentence',
      hint: shortcutLabel('select-sentence'),
      run: () => runCommand('select-sentence'),
      separatorBefore: true,
    });
    items.push({
      label: 'Select quotation',
      hint: shortcutLabel('select-quotation'),
      run: () => runCommand('select-quotation'),
    });
    if (reattachId) items.unshift({ label: 'Re-attach here', disabled: !hasSel, run: doReattach });
    const byId = new Map(session.annotations.map((a) => [a.id, a]));
    ids.forEach((id, i) => {
      const a = byId.get(id);
      if (!a) return;
      const label = `${KIND_LABELS[a.kind]} ${wrapQuote(shorten(a.target.quote.exact, 28))}`;
      items.push({ label: `Open ${label}`, run: () => activate(id), separatorBefore: i === 0 });
      if (!readOnly) {
        items.push({
          label: `Link ${KIND_LABELS[a.kind]}…`,
          hint: ids.length === 1 ? shortcutLabel('link') : undefined,
          run: () => setOverlay({ type: 'link', fromId: id }),
        });
        items.push({ label: `Delete ${KIND_LABELS[a.kind]}…`, run: () => askDelete(id) });
      }
    });
    return items;
  };

  const showToolbar = selRect && !overlay && !readOnly;

  return (
    <div class="session-layout">
      <Toolbar
        name={session.name}
        readOnly={readOnly}
        save={save}
        undoLabel={controller.undoLabel}
        redoLabel={controller.redoLabel}
        fileItems={fileItems}
        onExport={(f) => void exportAs(fileCtx, f)}
        onBack={onClose}
        onRename={(name) => {
          const r = controller.apply([{ op: 'session.rename', name }], 'Rename session');
          if (!r.ok) notices.error(r.message);
        }}
        onUndo={() => runCommand('undo')}
        onRedo={() => runCommand('redo')}
        onFind={() => runCommand('find')}
        onSettings={() => setOverlay({ type: 'settings' })}
        onHelp={() => runCommand('help')}
        onRetrySave={() => controller.retry()}
      />
      {controller.readOnly ? (
        <div class="banner banner-warning" role="note">
          <strong>Read-only.</strong> This session was written by a newer version of Factcheck
          Workbench. You can read and export it; nothing you do here is saved, and the file is never
          rewritten.
        </div>
      ) : null}
      {recovery ? (
        <div class="banner banner-recovery" role="alert" data-testid="recovery-offer">
          <p>
            <strong>This session was not closed cleanly.</strong>{' '}
            {plural(recovery.changes, 'unsaved change')} from{' '}
            {formatDateTime(recovery.lastChangeAt)} can be restored.
          </p>
          <div class="banner-actions">
            <button
              type="button"
              class="button button-primary"
              onClick={() => void recover('restore')}
            >
              Restore changes
            </button>
            <button type="button" class="button" onClick={() => void recover('discard')}>
              Discard them
            </button>
          </div>
        </div>
      ) : null}
      {save.state === 'error' ? (
        <div class="banner banner-error" role="alert">
          <p>
            <strong>Your latest changes are not saved yet.</strong> {save.error.message} They are
            kept in this window{save.retrying ? ' and saving is retried automatically' : ''}.
          </p>
          {save.error.code === 'conflict' ? (
            <div class="banner-actions">
              <button
                type="button"
                class="button button-primary"
                onClick={() => void controller.resolveConflict('keep-mine')}
              >
                Save my version over it
              </button>
              <button
                type="button"
                class="button"
                onClick={() =>
                  void controller.resolveConflict('reload').then((o) => {
                    if (o) onReplace(o);
                  })
                }
              >
                Load the saved version (drops my unsaved changes)
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
      <div class="visually-hidden" aria-live="polite" data-testid="caret-note">
        {caretNote}
      </div>
      <div class="workspace">
        <main class="reading-column" aria-label="Article">
          {session.articles.length > 1 ? (
            <div class="article-tabs" role="tablist" aria-label="Articles in this session">
              {session.articles.map((a) => (
                <button
                  key={a.id}
                  type="button"
                  role="tab"
                  aria-selected={a.id === articleId}
                  class={`article-tab ${a.id === articleId ? 'is-active' : ''}`}
                  onClick={() => openArticle(a.id)}
                >
                  {shorten(showInvisibles(a.meta.title), 40)}
                </button>
              ))}
            </div>
          ) : null}
          {find.open ? (
            <FindBar
              editor={editor}
              focusToken={find.token}
              onClose={() => setFind((f) => ({ ...f, open: false }))}
            />
          ) : null}
          {reattachId ? (
            <div class="banner banner-info" role="status">
              Re-attaching: select the new text, then press Enter or “Re-attach here”.{' '}
              <button type="button" class="link-button" onClick={() => setReattachId(null)}>
                Cancel
              </button>
            </div>
          ) : null}
          {article ? (
            <ArticlePane
              key={article.id}
              article={article}
              annotations={session.annotations}
              annotationChanges={changesRef.current}
              activeId={activeId}
              initialScroll={session.view.scroll[article.id] ?? 0}
              readOnly={readOnly}
              callbacks={callbacks}
              onEditor={onEditor}
              onScroll={(top) => {
                const v = controller.session.view;
                if (v.scroll[article.id] === top) return;
                controller.apply(
                  [
                    {
                      op: 'view.put',
                      view: {
                        ...v,
                        openArticleId: article.id,
                        scroll: { ...v.scroll, [article.id]: top },
                      },
                    },
                  ],
                  'Scroll',
                );
              }}
              onMeta={(meta: ArticleMeta) => {
                const r = controller.apply(
                  [{ op: 'article.meta', articleId: article.id, meta }],
                  'Edit article details',
                );
                if (!r.ok) notices.error(r.message);
                return r.ok;
              }}
              onOpenLink={(url) =>
                void platform
                  .openExternal(url)
                  .catch((e: Error) => notices.error(`The link could not be opened: ${e.message}`))
              }
            />
          ) : (
            <p class="empty-state">This session has no articles. Add one from the File menu.</p>
          )}
        </main>
        <aside class="side-panel" aria-label="Review panel">
          <div class="panel-tabs" role="tablist" aria-label="Side panel">
            <button
              type="button"
              role="tab"
              id="tab-disputes"
              aria-selected={tab === 'disputes'}
              aria-controls="panel-body"
              class={`panel-tab ${tab === 'disputes' ? 'is-active' : ''}`}
              onClick={() => setTab('disputes')}
            >
              Disputes
            </button>
            <button
              type="button"
              role="tab"
              id="tab-annotation"
              aria-selected={tab === 'annotation'}
              aria-controls="panel-body"
              class={`panel-tab ${tab === 'annotation' ? 'is-active' : ''}`}
              onClick={() => setTab('annotation')}
              disabled={!active}
            >
              {active ? KIND_LABELS[active.kind] : 'Annotation'}
            </button>
            <button
              type="button"
              role="tab"
              id="tab-suggestions"
              aria-selected={tab === 'suggestions'}
              aria-controls="panel-body"
              class={`panel-tab ${tab === 'suggestions' ? 'is-active' : ''}`}
              onClick={() => setTab('suggestions')}
              data-testid="tab-suggestions"
            >
              Suggestions{suggestions.visible ? ` (${suggestions.list.length})` : ''}
            </button>
          </div>
          <div class="panel-body" id="panel-body" role="tabpanel" aria-labelledby={`tab-${tab}`}>
            {tab === 'suggestions' ? (
              <SuggestionsPanel suggestions={suggestions} readOnly={readOnly} />
            ) : tab === 'annotation' && active ? (
              <>
                <AnnotationDetail
                  key={active.id}
                  annotation={active}
                  session={session}
                  speakerSuggestions={speakerSuggestions}
                  actions={actions}
                  readOnly={readOnly}
                  focus={
                    focusReq.id === active.id ? focusReq : { target: null, token: 0, id: null }
                  }
                  onFocusHandled={focusHandled}
                  onReveal={reveal}
                  onLink={(id) => setOverlay({ type: 'link', fromId: id })}
                  onDelete={askDelete}
                  onReattach={startReattach}
                  onDone={focusEditor}
                  onClose={() => {
                    setActiveId(null);
                    setTab('disputes');
                  }}
                />
                {active.kind === 'claim' ? (
                  <SeenBefore
                    client={client}
                    platform={platform}
                    notices={notices}
                    sessionId={session.id}
                    annotation={active}
                    onOpenSession={onReplace}
                  />
                ) : null}
              </>
            ) : (
              <DisputePanel
                session={session}
                filter={filter}
                activeId={activeId}
                readOnly={readOnly}
                onFilter={setFilter}
                onReveal={(id) => {
                  reveal(id);
                  setActiveId(id);
                }}
                onReattach={startReattach}
              />
            )}
          </div>
        </aside>
      </div>

      {showToolbar ? (
        <SelectionToolbar
          rect={selRect}
          reattaching={!!reattachId}
          onMark={(k) => runCommand(`mark-${k}` as ReviewCommand)}
          onReattach={doReattach}
          onCancelReattach={() => setReattachId(null)}
        />
      ) : null}
      {overlay?.type === 'link' ? (
        <LinkPicker
          mode="link"
          session={session}
          fromId={overlay.fromId}
          onClose={() => {
            setOverlay(null);
            focusEditor();
          }}
          onLink={({ to, relation, reverse, note }) => {
            const l = reverse
              ? actions.link(to, overlay.fromId, relation, note)
              : actions.link(overlay.fromId, to, relation, note);
            return !!l;
          }}
        />
      ) : null}
      {overlay?.type === 'goto' ? (
        <LinkPicker
          mode="goto"
          session={session}
          fromId={null}
          onClose={() => setOverlay(null)}
          onGoto={(id) => {
            setOverlay(null);
            reveal(id);
            activate(id);
            focusEditor();
          }}
        />
      ) : null}
      {overlay?.type === 'help' ? <HelpDialog onClose={() => setOverlay(null)} /> : null}
      {overlay?.type === 'settings' ? (
        <SettingsDialog
          session={session}
          readOnly={readOnly}
          onClose={() => setOverlay(null)}
          onSave={(ops) => {
            const r = controller.apply(ops, 'Change settings');
            return r.ok ? null : r.message;
          }}
        />
      ) : null}
      {overlay?.type === 'add-article' ? (
        <AddArticleDialog
          client={client}
          session={session}
          onClose={() => setOverlay(null)}
          onAdd={(entry) => {
            setOverlay(null);
            void addArticle(fileCtx, entry);
          }}
        />
      ) : null}
      {overlay?.type === 'chooser' ? (
        <AnnotationChooser
          session={session}
          ids={overlay.ids}
          point={overlay.point}
          onPick={(id) => activate(id)}
          onClose={(restore) => {
            setOverlay(null);
            if (restore) focusEditor();
          }}
        />
      ) : null}
      {overlay?.type === 'context' ? (
        <Menu
          items={contextItems(overlay.ids)}
          label="Article actions"
          at={overlay.point}
          onClose={(restore) => {
            setOverlay(null);
            if (restore) focusEditor();
          }}
        />
      ) : null}
      {overlay?.type === 'delete' ? (
        <ConfirmDialog
          title="Delete this annotation and its links?"
          message={`It is linked to ${plural(overlay.linkCount, 'other annotation')}. Deleting it removes ${overlay.linkCount === 1 ? 'that link' : 'those links'} too. Undo (${shortcutLabel('undo')}) brings everything back.`}
          confirmLabel="Delete annotation and links"
          danger
          onCancel={() => setOverlay(null)}
          onConfirm={() => {
            const id = overlay.id;
            setOverlay(null);
            actions.delete(id);
            focusEditor();
          }}
        />
      ) : null}
    </div>
  );
}

function caretPoint(ed: ArticleEditor): { x: number; y: number } {
  try {
    const c = ed.view.coordsAtPos(ed.view.state.selection.head);
    return { x: c.left, y: c.bottom };
  } catch {
    const r = ed.view.dom.getBoundingClientRect();
    return { x: r.left + 40, y: r.top + 40 };
  }
}
