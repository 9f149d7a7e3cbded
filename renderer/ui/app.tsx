/**
 * The app: connects to the host, switches between the home view (library and
 * sessions) and a session view, and owns what is global: the notice area,
 * file drops and pastes anywhere in the window (imported as articles), and
 * the host's menu and before-quit events.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient, AppInfo, OpenedSession } from '../../shared/api/contract';
import type { HostPlatform } from '../api/platform';
import { NoticeProvider, useNotices } from './notices';
import { HomeView } from './home/home-view';
import { SessionView } from './session/session-view';
import { importClipboard, importFiles, inFormField } from './imports';
import { ImportProgress } from './import-progress';
import { offerKeptEdits } from './session/kept-edits-notice';
import type { ViewHooks } from './view-hooks';

export interface AppProps {
  client: ApiClient;
  platform: HostPlatform;
}

export function App(props: AppProps) {
  return (
    <NoticeProvider>
      <AppBody {...props} />
    </NoticeProvider>
  );
}

function AppBody({ client, platform }: AppProps) {
  const notices = useNotices();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [opened, setOpened] = useState<OpenedSession | null>(null);
  const [dragging, setDragging] = useState(false);
  const hooks = useRef<ViewHooks>({});
  const setHooks = useCallback((h: ViewHooks) => {
    hooks.current = h;
  }, []);

  useEffect(() => {
    void client.call('app.info', {}).then((r) => {
      if (!r.ok) return void notices.error(`The app’s host did not answer: ${r.error.message}`);
      setInfo(r.value);
      // Edits kept in this browser from a page closed before they were saved.
      void offerKeptEdits(client, platform, r.value.dataDir, notices, (o) => void openSession(o));
    });
  }, [client]);

  // Drops and pastes anywhere import articles.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) =>
      !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const onDragEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const onDragLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (!depth) setDragging(false);
    };
    const onDragOver = (e: DragEvent) => {
      if (hasFiles(e)) {
        e.preventDefault();
        e.dataTransfer!.dropEffect = 'copy';
      }
    };
    const onDrop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      void importFiles(client, [...e.dataTransfer.files], notices).then(
        (entries) => entries.length && hooks.current.onImported?.(entries),
      );
    };
    const onPaste = (e: ClipboardEvent) => {
      if (inFormField(e.target) || !e.clipboardData) return;
      e.preventDefault();
      void importClipboard(client, e.clipboardData, notices).then(
        (entry) => entry && hooks.current.onImported?.([entry]),
      );
    };
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('paste', onPaste);
    };
  }, [client, notices]);

  // Save before the page or the app goes away.
  useEffect(() => {
    const onHide = () => hooks.current.flushOnUnload?.();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void hooks.current.flush?.();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    const offQuit = client.on('before-quit', () => void hooks.current.flush?.());
    const offMenu = client.on('menu', ({ command }) => {
      if (!hooks.current.onMenu?.(command)) notices.info('That command needs an open session.');
    });
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      offQuit();
      offMenu();
    };
  }, [client, notices]);

  const openSession = useCallback(async (o: OpenedSession) => {
    await hooks.current.flush?.();
    setOpened(o);
  }, []);
  const closeSession = useCallback(async () => {
    await hooks.current.flush?.();
    setOpened(null);
  }, []);

  return (
    <div class="app">
      {opened ? (
        <SessionView
          key={opened.session.id}
          client={client}
          platform={platform}
          info={info}
          opened={opened}
          onClose={closeSession}
          onReplace={(o) => setOpened(o)}
          setHooks={setHooks}
        />
      ) : (
        <HomeView
          client={client}
          platform={platform}
          info={info}
          onOpen={openSession}
          setHooks={setHooks}
        />
      )}
      <ImportProgress client={client} />
      {dragging ? (
        <div class="drop-overlay" aria-hidden="true">
          <p>Drop .txt, .md or .html files to import them as articles</p>
        </div>
      ) : null}
    </div>
  );
}
