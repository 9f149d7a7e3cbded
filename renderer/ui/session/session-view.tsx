/**
 * One open review session: the toolbar, the banners, the reading column
 * (`reading-column.tsx`), the side panel (`review-panel.tsx`) and the
 * overlays (`session-overlays.tsx`). This component holds the view's state
 * (the open annotation, the shown tab, the open overlay, find, re-attaching,
 * the filter) and wires the parts together. Commands from keys, menus and
 * buttons all go through `runCommand` (`session-commands.ts`), so each works
 * the same way whichever way it was given; the menus are built in
 * `session-menus.ts`.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ApiClient, AppInfo, OpenedSession } from '../../../shared/api/contract';
import { EMPTY_FILTER, type DisputeFilter } from '../../../shared/review/dispute-cards';
import type { HostPlatform } from '../../api/platform';
import type { ReviewCommand } from '../../editor/shortcuts';
import type { ViewHooks } from '../view-hooks';
import { createReviewActions } from './review-actions';
import { Toolbar } from './toolbar';
import { DisputePanel } from './dispute-panel';
import { AnnotationTab } from './annotation-tab';
import { SelectionToolbar } from './selection-toolbar';
import { addArticle, offerToAdd } from './session-files-actions';
import { useSessionFiles } from './use-session-files';
import { runCommand as run, type CommandContext } from './session-commands';
import { contextMenuItems, fileMenuItems, runMenuCommand } from './session-menus';
import { SessionOverlays, type Overlay } from './session-overlays';
import { SessionBanners } from './session-banners';
import { useReattach } from './use-reattach';
import { useGlobalShortcuts } from './use-global-shortcuts';
import { ReadingColumn } from './reading-column';
import { ReviewPanel, useOpenAnnotation } from './review-panel';
import { useSession } from './use-session';
import { caretPoint, useArticleEditor } from './use-article-editor';
// Claim suggestions, "seen before" and imported fact-checks (issue 13).
import { useSessionSuggestions } from './use-session-suggestions';
import { SuggestionsPanel } from './suggestions-panel';
// Team review (issue 10): sync state, status, disagreements, history, merge.
import { useTeam } from './use-team';
import { TeamBar } from './team-bar';
import { disputedAnnotationIds } from './team-words';
import { useNavigation } from './use-navigation';

export interface SessionViewProps {
  client: ApiClient;
  platform: HostPlatform;
  info: AppInfo | null;
  opened: OpenedSession;
  onClose: () => void;
  onReplace: (opened: OpenedSession) => void;
  setHooks: (hooks: ViewHooks) => void;
}

export function SessionView(props: SessionViewProps) {
  const { client, platform, opened, onClose, onReplace } = props;
  const { controller, notices, session, save, changesRef, readOnly, lockedReason } = useSession(
    client,
    platform,
    props.info,
    opened,
  );
  const panel = useOpenAnnotation(session);
  const { activeId, active, open: activate } = panel;
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [find, setFind] = useState({ open: false, token: 0 });
  const [filter, setFilter] = useState<DisputeFilter>(EMPTY_FILTER);
  const ed = useArticleEditor({
    runCommand: (cmd) => runCommand(cmd),
    activate: (id) => activate(id),
    setOverlay,
    refused: (text) => notices.show({ tone: 'info', text }),
    session: () => controller.session,
  });
  const { editorRef } = ed;

  const articleId = session.view.openArticleId ?? session.articles[0]?.id ?? null;
  const article = session.articles.find((a) => a.id === articleId) ?? null;

  const actions = useMemo(
    () => createReviewActions({ controller, notices, editor: () => editorRef.current }),
    [controller, notices],
  );
  const hint = (text: string) => notices.show({ tone: 'info', text });
  const focusEditor = () => editorRef.current?.focus();
  const { openArticle, reveal } = useNavigation({ controller, articleId, editor: ed, hint });
  const team = useTeam(client, controller, notices);
  // issue 13: claim suggestions of the open article, names for the speaker, "seen before".
  const { suggestions, speakerSuggestions } = useSessionSuggestions({
    client,
    controller,
    session,
    article,
    editor: ed.editor,
    notices,
    readOnly,
    lockedReason,
    onAccepted: (id) => activate(id),
    active,
    show: (id) => {
      activate(id);
      reveal(id);
    },
  });

  const askDelete = (id: string) => {
    const linkCount = actions.linkCount(id);
    if (linkCount) setOverlay({ type: 'delete', id, linkCount });
    else actions.delete(id);
  };

  const reattach = useReattach({
    session: () => controller.session,
    actions,
    notices,
    articleId,
    openArticle,
    activate,
    focusEditor,
  });
  const { reattachId } = reattach;

  function runCommand(cmd: ReviewCommand): boolean {
    if (suggestions.runCommand(cmd)) return true; // issue 13
    const editor = editorRef.current;
    const ctx: CommandContext = {
      editor,
      session: controller.session,
      readOnly,
      lockedReason,
      activeId,
      reattachId,
      overlay,
      findOpen: find.open,
      caretPoint: () => caretPoint(editor!),
      hint,
      mark: (kind) => actions.mark(kind),
      activate,
      requestFocus: panel.requestFocus,
      reattach: reattach.done,
      askDelete,
      setOverlay,
      cancelReattach: reattach.cancel,
      openFind: () => setFind((f) => ({ open: true, token: f.token + 1 })),
      closeFind: () => setFind((f) => ({ ...f, open: false })),
      closeAnnotation: panel.close,
      undo: () => controller.undo(),
      redo: () => controller.redo(),
    };
    return run(cmd, ctx);
  }

  // Global shortcuts (outside text fields, or when the editor let them through).
  useGlobalShortcuts(ed.runLatest);

  const { fileCtx, files } = useSessionFiles({
    client,
    platform,
    controller,
    notices,
    articleId,
    openArticle,
    setOverlay,
    onClose,
    onReplace,
    mergeFile: () => void team.mergeFile(),
  });

  useEffect(() => {
    props.setHooks({
      flush: () => controller.flush(),
      flushOnUnload: () => controller.flushOnUnload(),
      onImported: (entries) => offerToAdd(fileCtx, entries, readOnly),
      onMenu: (cmd) => runMenuCommand(cmd, { ...files, run: (c) => void runCommand(c) }),
    });
  });

  const showToolbar = ed.selRect && !overlay && !readOnly;

  return (
    <div class="session-layout">
      <Toolbar
        name={session.name}
        readOnly={readOnly}
        save={save}
        undoLabel={controller.undoLabel}
        redoLabel={controller.redoLabel}
        fileItems={fileMenuItems(files, { readOnly, hasArticle: !!article })}
        onExport={files.exportAs}
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
        team={<TeamBar team={team} readOnly={readOnly} />}
      />
      <SessionBanners
        client={client}
        controller={controller}
        save={save}
        opened={opened}
        notices={notices}
        onReplace={onReplace}
      />
      <div class="visually-hidden" aria-live="polite" data-testid="caret-note">
        {ed.caretNote}
      </div>
      <div class="workspace">
        <ReadingColumn
          session={session}
          controller={controller}
          notices={notices}
          platform={platform}
          articleId={articleId}
          openArticle={openArticle}
          find={find}
          closeFind={() => setFind((f) => ({ ...f, open: false }))}
          reattaching={!!reattachId}
          cancelReattach={reattach.cancel}
          editor={ed.editor}
          annotationChanges={changesRef.current}
          activeId={activeId}
          readOnly={readOnly}
          callbacks={ed.callbacks}
          onEditor={ed.onEditor}
        />
        <ReviewPanel
          tab={panel.tab}
          onTab={panel.setTab}
          active={active}
          suggestionCount={suggestions.visible ? suggestions.list.length : null}
        >
          {panel.tab === 'suggestions' ? (
            <SuggestionsPanel suggestions={suggestions} readOnly={readOnly} />
          ) : panel.tab === 'annotation' && active ? (
            <AnnotationTab
              key={active.id}
              annotation={active}
              session={session}
              speakerSuggestions={speakerSuggestions}
              actions={actions}
              readOnly={readOnly}
              focus={panel.focus}
              onFocusHandled={panel.focusHandled}
              onReveal={reveal}
              onLink={(id) => setOverlay({ type: 'link', fromId: id })}
              onDelete={askDelete}
              onReattach={reattach.start}
              onDone={focusEditor}
              onClose={panel.close}
              team={team}
              client={client}
              platform={platform}
              notices={notices}
              onOpenSession={onReplace}
            />
          ) : (
            <DisputePanel
              session={session}
              filter={filter}
              activeId={activeId}
              readOnly={readOnly}
              onFilter={setFilter}
              onReveal={(id) => {
                reveal(id);
                panel.setActiveId(id);
              }}
              onReattach={reattach.start}
              disputed={disputedAnnotationIds(team.info)}
            />
          )}
        </ReviewPanel>
      </div>

      {showToolbar ? (
        <SelectionToolbar
          rect={ed.selRect!}
          reattaching={!!reattachId}
          onMark={(k) => runCommand(`mark-${k}` as ReviewCommand)}
          onReattach={reattach.done}
          onCancelReattach={reattach.cancel}
        />
      ) : null}
      <SessionOverlays
        overlay={overlay}
        setOverlay={setOverlay}
        client={client}
        session={session}
        readOnly={readOnly}
        actions={actions}
        focusEditor={focusEditor}
        reveal={reveal}
        activate={activate}
        addArticle={(entry) => void addArticle(fileCtx, entry)}
        saveSettings={(ops) => {
          const r = controller.apply(ops, 'Change settings');
          return r.ok ? null : r.message;
        }}
        contextItems={(ids) =>
          contextMenuItems({
            session,
            ids,
            hasSelection: !!editorRef.current?.selectedSpan(),
            readOnly,
            reattaching: !!reattachId,
            run: (c) => void runCommand(c),
            reattach: reattach.done,
            open: activate,
            link: (id) => setOverlay({ type: 'link', fromId: id }),
            askDelete,
          })
        }
      />
    </div>
  );
}
