/**
 * The session view's file commands: the context the file actions
 * (`session-files-actions.ts`) work in, and the handlers the File menu and
 * the host's menu share (`session-menus.ts`), with the view's own for opening
 * another session file, adding from the library, the settings and closing.
 */
import type { ApiClient, OpenedSession } from '../../../shared/api/contract';
import type { HostPlatform } from '../../api/platform';
import type { NoticeApi } from '../notices';
import { importFactchecks } from '../factcheck-import';
import type { SessionController } from '../../state/session-controller';
import type { FileActionContext } from './session-files-actions';
import { announceOpened, openSessionFile } from './session-files';
import { fileHandlers } from './session-menus';
import type { Overlay } from './session-overlays';

export interface SessionFilesDeps {
  client: ApiClient;
  platform: HostPlatform;
  controller: SessionController;
  notices: NoticeApi;
  articleId: string | null;
  openArticle: (id: string) => void;
  setOverlay: (overlay: Overlay) => void;
  onClose: () => void;
  onReplace: (opened: OpenedSession) => void;
  /** File → Merge session file… (team review). */
  mergeFile: () => void;
}

export function useSessionFiles(deps: SessionFilesDeps) {
  const { client, notices, controller } = deps;
  const fileCtx: FileActionContext = {
    client,
    platform: deps.platform,
    controller,
    notices,
    currentArticleId: () => deps.articleId,
    openSettings: () => deps.setOverlay({ type: 'settings' }),
    openArticle: deps.openArticle,
  };
  const openFile = async () => {
    const r = await openSessionFile(client, notices, () => controller.flush());
    if (r) {
      deps.onReplace(r.opened);
      announceOpened(notices, r);
    }
  };
  const files = fileHandlers(fileCtx, {
    openFile: () => void openFile(),
    addFromLibrary: () => deps.setOverlay({ type: 'add-article' }),
    settings: () => deps.setOverlay({ type: 'settings' }),
    close: deps.onClose,
    importFactchecks: () => void importFactchecks(client, notices),
    mergeFile: deps.mergeFile,
  });
  return { fileCtx, files };
}
