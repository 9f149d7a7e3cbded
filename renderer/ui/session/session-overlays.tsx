/**
 * The session view's overlays: at most one at a time, over the article and
 * the side panel. {@link Overlay} says which one is open (the view keeps it
 * in state); {@link SessionOverlays} shows it and turns its answer into the
 * change it asks for. Closing an overlay opened from the article hands the
 * focus back to the article.
 */
import type { ApiClient, LibraryEntry } from '../../../shared/api/contract';
import type { Session } from '../../../shared/model/session';
import type { SessionOp } from '../../../shared/session/session-ops';
import { shortcutLabel } from '../../editor/shortcuts';
import { ConfirmDialog } from '../dialog';
import { Menu, type MenuItem } from '../menu';
import { plural } from '../format';
import type { ReviewActions } from './review-actions';
import { LinkPicker } from './link-picker';
import { HelpDialog } from './help-dialog';
import { SettingsDialog } from './settings-dialog';
import { ReviewerIdentityForm } from '../team/reviewer-identity';
import { AnnotationChooser } from './annotation-chooser';
import { AddArticleDialog } from './add-article-dialog';

/** A point in the viewport, where a menu or chooser opens. */
export interface Point {
  x: number;
  y: number;
}

/** The overlay that is open, or null. */
export type Overlay =
  | null
  | { type: 'link'; fromId: string }
  | { type: 'goto' }
  | { type: 'help' }
  | { type: 'settings' }
  | { type: 'add-article' }
  | { type: 'chooser'; ids: string[]; point: Point }
  | { type: 'context'; ids: string[]; point: Point }
  | { type: 'delete'; id: string; linkCount: number };

export interface SessionOverlaysProps {
  overlay: Overlay;
  setOverlay: (overlay: Overlay) => void;
  client: ApiClient;
  session: Session;
  readOnly: boolean;
  actions: Pick<ReviewActions, 'link' | 'delete'>;
  /** Hand the focus back to the article. */
  focusEditor: () => void;
  /** Scroll the article to an annotation. */
  reveal: (id: string) => void;
  /** Open an annotation in the side panel. */
  activate: (id: string) => void;
  addArticle: (entry: LibraryEntry) => void;
  /** Apply the settings' ops; a refusal in words, or null. */
  saveSettings: (ops: SessionOp[]) => string | null;
  /** The context menu's items for the annotations under it. */
  contextItems: (ids: string[]) => MenuItem[];
}

/** The question asked before deleting an annotation that has links. */
export function deleteQuestion(linkCount: number): string {
  return `It is linked to ${plural(linkCount, 'other annotation')}. Deleting it removes ${linkCount === 1 ? 'that link' : 'those links'} too. Undo (${shortcutLabel('undo')}) brings everything back.`;
}

export function SessionOverlays(props: SessionOverlaysProps) {
  const { overlay, setOverlay, session, actions, focusEditor } = props;
  const close = () => setOverlay(null);
  /** Close, and give the article the focus back when asked (a menu closed by Escape). */
  const closeRestoring = (restore: boolean) => {
    close();
    if (restore) focusEditor();
  };
  switch (overlay?.type) {
    case 'link':
      return (
        <LinkPicker
          key="link"
          mode="link"
          session={session}
          fromId={overlay.fromId}
          onClose={() => {
            close();
            focusEditor();
          }}
          onLink={({ to, relation, reverse, note }) => {
            const l = reverse
              ? actions.link(to, overlay.fromId, relation, note)
              : actions.link(overlay.fromId, to, relation, note);
            return !!l;
          }}
        />
      );
    case 'goto':
      return (
        <LinkPicker
          key="goto"
          mode="goto"
          session={session}
          fromId={null}
          onClose={close}
          onGoto={(id) => {
            close();
            props.reveal(id);
            props.activate(id);
            focusEditor();
          }}
        />
      );
    case 'help':
      return <HelpDialog onClose={close} />;
    case 'settings':
      return (
        <SettingsDialog
          session={session}
          readOnly={props.readOnly}
          onClose={close}
          onSave={props.saveSettings}
          identity={<ReviewerIdentityForm client={props.client} />}
        />
      );
    case 'add-article':
      return (
        <AddArticleDialog
          client={props.client}
          session={session}
          onClose={close}
          onAdd={(entry) => {
            close();
            props.addArticle(entry);
          }}
        />
      );
    case 'chooser':
      return (
        <AnnotationChooser
          session={session}
          ids={overlay.ids}
          point={overlay.point}
          onPick={(id) => props.activate(id)}
          onClose={closeRestoring}
        />
      );
    case 'context':
      return (
        <Menu
          items={props.contextItems(overlay.ids)}
          label="Article actions"
          at={overlay.point}
          onClose={closeRestoring}
        />
      );
    case 'delete':
      return (
        <ConfirmDialog
          title="Delete this annotation and its links?"
          message={deleteQuestion(overlay.linkCount)}
          confirmLabel="Delete annotation and links"
          danger
          onCancel={close}
          onConfirm={() => {
            const id = overlay.id;
            close();
            actions.delete(id);
            focusEditor();
          }}
        />
      );
    default:
      return null;
  }
}
