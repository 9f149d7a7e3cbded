/**
 * The list of review sessions. Damaged sessions say why and offer their
 * backup when a valid one exists; read-only ones say they came from a newer
 * version; sessions with journaled changes say they can be recovered.
 * Rename is inline; delete asks first and moves the file to the archive.
 */
import { useState } from 'preact/hooks';
import type { ApiClient, OpenedSession } from '../../../shared/api/contract';
import type { SessionSummary } from '../../../shared/model/session';
import { useNotices } from '../notices';
import { ConfirmDialog } from '../dialog';
import { formatRelative, plural } from '../format';
import { showInvisibles } from '../../../shared/text/visible-text';

export interface SessionListProps {
  client: ApiClient;
  sessions: SessionSummary[] | null;
  onOpen: (opened: OpenedSession) => void;
  onChanged: () => Promise<void>;
}

export function SessionList({ client, sessions, onOpen, onChanged }: SessionListProps) {
  const notices = useNotices();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<SessionSummary | null>(null);

  if (!sessions) return <p class="muted">Loading sessions…</p>;
  if (!sessions.length)
    return (
      <div class="empty-state">
        <p>No review sessions yet.</p>
        <p class="muted">Choose an article in the library and press “Start review”.</p>
      </div>
    );

  const open = async (s: SessionSummary) => {
    const r = await client.call('sessions.open', { id: s.id });
    if (r.ok) onOpen(r.value);
    else notices.error(`“${s.name}” could not be opened: ${r.error.message}`);
  };

  const restore = async (s: SessionSummary) => {
    const r = await client.call('sessions.restoreBackup', { id: s.id });
    if (r.ok) {
      notices.show({
        tone: 'success',
        text: r.value.notice ?? `“${r.value.session.name}” was restored from its backup.`,
      });
      onOpen(r.value);
    } else notices.error(`The backup could not be restored: ${r.error.message}`);
  };

  const rename = async (s: SessionSummary, name: string) => {
    setRenaming(null);
    const trimmed = name.trim();
    if (!trimmed || trimmed === s.name) return;
    const r = await client.call('sessions.rename', { id: s.id, name: trimmed });
    if (!r.ok) notices.error(`The session could not be renamed: ${r.error.message}`);
    await onChanged();
  };

  const remove = async (s: SessionSummary) => {
    setDeleting(null);
    const r = await client.call('sessions.delete', { id: s.id });
    if (r.ok)
      notices.show({
        tone: 'success',
        text: `“${s.name}” was moved to the archive (${r.value.archivedAs}). It was not erased.`,
      });
    else notices.error(`“${s.name}” could not be deleted: ${r.error.message}`);
    await onChanged();
  };

  return (
    <>
      <ul class="card-list" aria-label="Review sessions">
        {sessions.map((s) => (
          <li key={s.id} class={`session-item session-${s.status}`} data-testid="session-item">
            <div class="session-main">
              {renaming === s.id ? (
                <form
                  class="inline-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void rename(
                      s,
                      (e.currentTarget.elements.namedItem('name') as HTMLInputElement).value,
                    );
                  }}
                >
                  <label class="visually-hidden" for={`rename-${s.id}`}>
                    New name
                  </label>
                  <input
                    id={`rename-${s.id}`}
                    name="name"
                    class="input"
                    defaultValue={s.name}
                    maxLength={200}
                    autoFocus
                    onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), setRenaming(null))}
                  />
                  <button type="submit" class="button button-small button-primary">
                    Save
                  </button>
                  <button
                    type="button"
                    class="button button-small"
                    onClick={() => setRenaming(null)}
                  >
                    Cancel
                  </button>
                </form>
              ) : (
                <h3 class="session-name">{showInvisibles(s.name)}</h3>
              )}
              <p class="session-meta muted">
                {s.articleTitles.length
                  ? showInvisibles(s.articleTitles.join(' · '))
                  : 'No articles'}{' '}
                · {plural(s.annotationCount, 'annotation')} · {plural(s.linkCount, 'link')} · edited{' '}
                {formatRelative(s.updatedAt)}
              </p>
              {s.status === 'damaged' ? (
                <p class="status-line status-damaged" data-testid="damaged-reason">
                  <strong>Damaged:</strong> {s.problem ?? 'the file could not be read.'} The file
                  was set aside and is never overwritten.
                  {s.backupAvailable ? ' A valid backup exists.' : ' No valid backup was found.'}
                </p>
              ) : null}
              {s.status === 'read-only' ? (
                <p class="status-line status-readonly">
                  <strong>Read-only:</strong>{' '}
                  {s.problem ?? 'written by a newer version of the app.'}
                </p>
              ) : null}
              {s.recoveryAvailable ? (
                <p class="status-line status-recovery">
                  Unsaved changes from an unexpected shutdown can be recovered when you open it.
                </p>
              ) : null}
            </div>
            <div class="session-actions">
              {s.status === 'damaged' ? (
                s.backupAvailable ? (
                  <button
                    type="button"
                    class="button button-primary"
                    onClick={() => void restore(s)}
                  >
                    Restore backup
                  </button>
                ) : null
              ) : (
                <button
                  type="button"
                  class="button button-primary"
                  onClick={() => void open(s)}
                  aria-label={`Open ${s.name}`}
                >
                  Open
                </button>
              )}
              {s.status !== 'damaged' ? (
                <button
                  type="button"
                  class="button"
                  onClick={() => setRenaming(s.id)}
                  aria-label={`Rename ${s.name}`}
                >
                  Rename
                </button>
              ) : null}
              <button
                type="button"
                class="button button-quiet"
                onClick={() => setDeleting(s)}
                aria-label={`Delete ${s.name}`}
              >
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
      {deleting ? (
        <ConfirmDialog
          title="Delete this session?"
          message={`“${deleting.name}” will be moved to the archive folder in your data directory. It is not erased, and can be recovered from there.`}
          confirmLabel="Move to archive"
          danger
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </>
  );
}
