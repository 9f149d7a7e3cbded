/**
 * The banners at the top of a session, each for one state the reviewer must
 * know about and may act on: the session is read-only (written by a newer
 * version), a crash left unsaved changes to restore or discard, the latest
 * changes are not saved (with the way out of a conflict), and an annotation
 * is being re-attached. Each shows only when its state holds; what the
 * buttons do is the caller's.
 */
import { useState } from 'preact/hooks';
import type { ApiClient, OpenedSession } from '../../../shared/api/contract';
import type { SaveState, SessionController } from '../../state/session-controller';
import { formatDateTime, plural } from '../format';
import type { NoticeApi } from '../notices';

/**
 * The banners of the session's state, in order: read-only, crash recovery,
 * save error. A restore, discard or reload reopens the session (`onReplace`).
 */
export function SessionBanners({
  client,
  controller,
  save,
  opened,
  notices,
  onReplace,
}: {
  client: ApiClient;
  controller: SessionController;
  save: SaveState;
  opened: OpenedSession;
  notices: NoticeApi;
  onReplace: (opened: OpenedSession) => void;
}) {
  const [recovery, setRecovery] = useState(opened.recovery);
  return (
    <>
      <ReadOnlyBanner show={controller.readOnly} />
      <RecoveryBanner
        recovery={recovery}
        onRecover={(action) =>
          void recoverSession(client, opened.session.id, action, notices).then((o) => {
            if (!o) return;
            setRecovery(null);
            onReplace(o);
          })
        }
      />
      <SaveErrorBanner
        save={save}
        onKeepMine={() => void controller.resolveConflict('keep-mine')}
        onReload={() =>
          void controller.resolveConflict('reload').then((o) => {
            if (o) onReplace(o);
          })
        }
      />
    </>
  );
}

export function ReadOnlyBanner({ show }: { show: boolean }) {
  if (!show) return null;
  return (
    <div class="banner banner-warning" role="note">
      <strong>Read-only.</strong> This session was written by a newer version of Factcheck
      Workbench. You can read and export it; nothing you do here is saved, and the file is never
      rewritten.
    </div>
  );
}

export type Recovery = OpenedSession['recovery'];

export function RecoveryBanner({
  recovery,
  onRecover,
}: {
  recovery: Recovery;
  onRecover: (action: 'restore' | 'discard') => void;
}) {
  if (!recovery) return null;
  return (
    <div class="banner banner-recovery" role="alert" data-testid="recovery-offer">
      <p>
        <strong>This session was not closed cleanly.</strong>{' '}
        {plural(recovery.changes, 'unsaved change')} from {formatDateTime(recovery.lastChangeAt)}{' '}
        can be restored.
      </p>
      <div class="banner-actions">
        <button type="button" class="button button-primary" onClick={() => onRecover('restore')}>
          Restore changes
        </button>
        <button type="button" class="button" onClick={() => onRecover('discard')}>
          Discard them
        </button>
      </div>
    </div>
  );
}

/**
 * Restore or discard the changes a crash left in the journal. The reopened
 * session on success (a notice says so), or null (a notice says why not).
 */
export async function recoverSession(
  client: ApiClient,
  id: string,
  action: 'restore' | 'discard',
  notices: NoticeApi,
): Promise<OpenedSession | null> {
  const r = await client.call('sessions.recover', { id, action });
  if (!r.ok) {
    notices.error(
      `The unsaved changes could not be ${action === 'restore' ? 'restored' : 'discarded'}: ${r.error.message}`,
    );
    return null;
  }
  notices.show({
    tone: 'success',
    text:
      action === 'restore'
        ? 'The unsaved changes were restored.'
        : 'The unsaved changes were discarded.',
  });
  return r.value;
}

/** Shown while saving fails; after a conflict it offers both ways out. */
export function SaveErrorBanner({
  save,
  onKeepMine,
  onReload,
}: {
  save: SaveState;
  onKeepMine: () => void;
  onReload: () => void;
}) {
  if (save.state !== 'error') return null;
  return (
    <div class="banner banner-error" role="alert">
      <p>
        <strong>Your latest changes are not saved yet.</strong> {save.error.message} They are kept
        in this window{save.retrying ? ' and saving is retried automatically' : ''}.
      </p>
      {save.error.code === 'conflict' ? (
        <div class="banner-actions">
          <button type="button" class="button button-primary" onClick={onKeepMine}>
            Save my version over it
          </button>
          <button type="button" class="button" onClick={onReload}>
            Load the saved version (drops my unsaved changes)
          </button>
        </div>
      ) : null}
    </div>
  );
}

export function ReattachBanner({ show, onCancel }: { show: boolean; onCancel: () => void }) {
  if (!show) return null;
  return (
    <div class="banner banner-info" role="status">
      Re-attaching: select the new text, then press Enter or “Re-attach here”.{' '}
      <button type="button" class="link-button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
