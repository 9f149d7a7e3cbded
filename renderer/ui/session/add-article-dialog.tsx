/** Choose a library article to add to the open session (so links can join articles). */
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, LibraryEntry } from '../../../shared/api/contract';
import type { Session } from '../../../shared/model/session';
import { Dialog } from '../dialog';
import { formatDate } from '../format';
import { showInvisibles } from '../../../shared/text/visible-text';

export function AddArticleDialog({
  client,
  session,
  onAdd,
  onClose,
}: {
  client: ApiClient;
  session: Session;
  onAdd: (entry: LibraryEntry) => void;
  onClose: () => void;
}) {
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void client
      .call('library.list', {})
      .then((r) => (r.ok ? setEntries(r.value) : setProblem(r.error.message)));
  }, [client]);
  const inSession = new Set(session.articles.map((a) => a.sha256));
  const available = (entries ?? []).filter((e) => !inSession.has(e.sha256));
  return (
    <Dialog title="Add an article to this session" onClose={onClose}>
      {problem ? <p class="field-error">The library could not be read: {problem}</p> : null}
      {!entries && !problem ? <p class="muted">Loading the library…</p> : null}
      {entries && !available.length ? (
        <p class="muted">
          Every article in the library is already in this session. Import a new one from the File
          menu.
        </p>
      ) : null}
      <ul class="card-list">
        {available.map((e) => (
          <li key={e.id} class="library-item">
            <div class="library-main">
              <h3 class="library-title">{showInvisibles(e.meta.title)}</h3>
              <p class="library-meta muted">
                {e.meta.outlet ? <span>{showInvisibles(e.meta.outlet)}</span> : null}
                {e.meta.date ? <span>{formatDate(e.meta.date)}</span> : null}
              </p>
            </div>
            <button type="button" class="button button-primary" onClick={() => onAdd(e)}>
              Add
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
