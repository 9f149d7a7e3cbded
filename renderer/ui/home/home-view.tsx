/**
 * The home view: review sessions (most recent first) beside the article
 * library. Sessions open, rename, delete (to the archive, after asking) and,
 * when damaged, say why and offer a valid backup. Articles import from a
 * file picker, a drop or a paste, and start a new review through a dialog
 * that offers an existing review of the same article and asks for the
 * report's details.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiClient, AppInfo, LibraryEntry, OpenedSession } from '../../../shared/api/contract';
import type { SessionSummary } from '../../../shared/model/session';
import { formatBytes } from '../../../shared/model/limits';
import type { HostPlatform } from '../../api/platform';
import type { ViewHooks } from '../view-hooks';
import { useNotices } from '../notices';
import { ARTICLE_ACCEPT, pickFiles } from '../files';
import { importFiles } from '../imports';
import { SessionList } from './session-list';
import { LibraryList } from './library-list';
import { announceOpened, openSessionFile } from '../session/session-files';
import { ArticlePreview } from './article-preview';
import { StartReviewDialog, type StartReviewChoice } from './start-review-dialog';
import { importFactchecks } from '../factcheck-import';
import { TeamSection } from '../team/team-section';

export interface HomeViewProps {
  client: ApiClient;
  platform: HostPlatform;
  info: AppInfo | null;
  onOpen: (opened: OpenedSession) => void;
  setHooks: (hooks: ViewHooks) => void;
}

export function HomeView({ client, info, onOpen, setHooks }: HomeViewProps) {
  const notices = useNotices();
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [library, setLibrary] = useState<LibraryEntry[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const [s, l] = await Promise.all([
      client.call('sessions.list', {}),
      client.call('library.list', {}),
    ]);
    if (s.ok) setSessions([...s.value].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)));
    else notices.error(`The session list could not be read: ${s.error.message}`);
    if (l.ok) setLibrary(l.value);
    else notices.error(`The article library could not be read: ${l.error.message}`);
  }, [client, notices]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    setHooks({
      onImported: () => void refresh(),
      onMenu: (cmd) => {
        if (cmd === 'article.import') void importArticle();
        else if (cmd === 'session.openFile') void openFile();
        else if (cmd === 'factchecks.import') void importFactchecks(client, notices);
        else return false;
        return true;
      },
    });
  });

  const selected = library?.find((e) => e.id === selectedId) ?? library?.[0] ?? null;

  const importArticle = async () => {
    const files = await pickFiles(ARTICLE_ACCEPT, true);
    if (!files.length) return;
    setBusy(true);
    const done = await importFiles(client, files, notices);
    setBusy(false);
    if (done.length) await refresh();
  };

  const openFile = async () => {
    const r = await openSessionFile(client, notices);
    if (r) {
      onOpen(r.opened);
      announceOpened(notices, r);
    }
  };

  // "Start review" asks first (see start-review-dialog.tsx): open an existing review, or the details.
  const [starting, setStarting] = useState<LibraryEntry | null>(null);
  const startReview = (entry: LibraryEntry) => setStarting(entry);

  const createReview = async (entry: LibraryEntry, choice: StartReviewChoice) => {
    setBusy(true);
    const r = await client.call('sessions.create', {
      articleIds: [entry.id],
      reviewer: choice.reviewer,
      articleMeta: { [entry.id]: choice.meta },
    });
    setBusy(false);
    if (r.ok) {
      setStarting(null);
      onOpen(r.value);
    } else notices.error(`The session could not be created: ${r.error.message}`);
  };

  const openExisting = async (s: SessionSummary) => {
    setBusy(true);
    const r = await client.call('sessions.open', { id: s.id });
    setBusy(false);
    if (r.ok) {
      setStarting(null);
      onOpen(r.value);
    } else notices.error(`“${s.name}” could not be opened: ${r.error.message}`);
  };

  return (
    <div class="home" aria-busy={busy}>
      <header class="app-bar">
        <div class="brand">
          <span class="brand-mark" aria-hidden="true">
            ✓
          </span>
          <h1>Factcheck Workbench</h1>
        </div>
        <div class="app-bar-actions">
          <button
            type="button"
            class="button"
            onClick={() => void openFile()}
            title="Open a portable .fcw.json session file"
          >
            Open session file…
          </button>
          <button
            type="button"
            class="button button-primary"
            onClick={() => void importArticle()}
            title="Import .txt, .md or .html"
          >
            Import article…
          </button>
        </div>
      </header>
      <main class="home-main">
        <div class="home-lists">
          <section class="home-column" aria-labelledby="sessions-heading">
            <div class="section-heading">
              <h2 id="sessions-heading">Review sessions</h2>
              <p class="muted">Most recent first. Sessions save themselves as you work.</p>
            </div>
            <SessionList client={client} sessions={sessions} onOpen={onOpen} onChanged={refresh} />
          </section>
          <section class="home-column" aria-labelledby="library-heading">
            <div class="section-heading">
              <h2 id="library-heading">Article library</h2>
              <p class="muted">
                Import more with the button above, by dropping files on this window, or by pasting
                text or a web page
                {info ? ` (up to ${formatBytes(info.limits.maxArticleBytes)})` : ''}.
              </p>
            </div>
            <LibraryList
              library={library}
              selectedId={selected?.id ?? null}
              onSelect={(e) => setSelectedId(e.id)}
              onStart={startReview}
            />
          </section>
          <TeamSection client={client} onOpen={onOpen} />
          {info ? (
            <footer class="home-footer muted">
              {info.name} {info.version} · {info.host === 'browser' ? 'browser mode' : 'desktop'} ·
              sessions are kept in <code>{info.dataDir}</code>
            </footer>
          ) : null}
        </div>
        {selected ? (
          <ArticlePreview client={client} entry={selected} onStart={startReview} />
        ) : (
          <div class="preview preview-empty muted">Import an article to begin.</div>
        )}
      </main>
      {starting ? (
        <StartReviewDialog
          entry={starting}
          sessions={sessions ?? []}
          busy={busy}
          onStart={(choice) => void createReview(starting, choice)}
          onOpen={(s) => void openExisting(s)}
          onClose={() => setStarting(null)}
        />
      ) : null}
    </div>
  );
}
