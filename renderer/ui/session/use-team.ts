/**
 * The team side of the open session (issue 10), through the API only: its
 * team info (sync state, status, disagreements), kept current by the host's
 * `team.session` events; colleagues' changes (`session.changed`) applied to
 * the controller's copy; and the actions: share, sync now, change the
 * status, settle a disagreement (an undoable change), show an annotation's
 * history, merge a colleague's file.
 *
 * While the session is approved or published, the first change asks for a
 * confirmation ("Edit anyway"): editing sends it back to review.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../../../shared/api/contract';
import type {
  ReviewerIdentity,
  TeamDisagreement,
  TeamHistoryLine,
  TeamSessionInfo,
} from '../../../shared/api/team-types';
import type { SessionStatus } from '../../../shared/team/session-status';
import type { SessionController } from '../../state/session-controller';
import type { NoticeApi } from '../notices';
import { pickFiles } from '../files';
import { plural } from '../format';
import { needsEditWarning } from './team-words';

export interface TeamApi {
  info: TeamSessionInfo | null;
  identity: ReviewerIdentity | null;
  connected: boolean;
  /** The reviewer confirmed editing an approved session. */
  editConfirmed: boolean;
  confirmEdit(): void;
  share(): Promise<void>;
  syncNow(): void;
  setStatus(to: SessionStatus): Promise<void>;
  resolve(d: TeamDisagreement, choice: number): Promise<void>;
  history(itemId: string): Promise<TeamHistoryLine[] | null>;
  mergeFile(): Promise<void>;
}

export const EDIT_APPROVED_WARNING =
  'This session is approved: a change sends it back to review. Choose “Edit anyway” beside its status first.';

export function useTeam(
  client: ApiClient,
  controller: SessionController,
  notices: NoticeApi,
): TeamApi {
  const id = controller.session.id;
  const [info, setInfo] = useState<TeamSessionInfo | null>(null);
  const [identity, setIdentity] = useState<ReviewerIdentity | null>(null);
  const [connected, setConnected] = useState(false);
  const [editConfirmed, setEditConfirmed] = useState(false);

  useEffect(() => {
    let live = true;
    void client.call('team.session', { id }).then((r) => live && r.ok && setInfo(r.value));
    void client.call('team.identity', {}).then((r) => live && r.ok && setIdentity(r.value));
    void client.call('team.connection', {}).then((r) => live && r.ok && setConnected(!!r.value));
    const offInfo = client.on('team.session', (e) => {
      if (e.id === id) setInfo(e.info);
    });
    const offChanged = client.on('session.changed', (e) => {
      if (e.id !== id) return;
      const r = controller.applyHost(e.ops, e.revision);
      if (!r.ok) notices.error(`A colleague’s change could not be shown: ${r.message}`);
    });
    return () => {
      live = false;
      offInfo();
      offChanged();
    };
  }, [controller]);

  // Editing an approved session asks first.
  const warn = needsEditWarning(info) && !editConfirmed;
  useEffect(() => {
    controller.setEditGuard(warn ? () => EDIT_APPROVED_WARNING : null);
    return () => controller.setEditGuard(null);
  }, [controller, warn]);
  useEffect(() => {
    if (!needsEditWarning(info)) setEditConfirmed(false);
  }, [info?.status]);

  const fail = (what: string, message: string): void => void notices.error(`${what}: ${message}`);

  return {
    info,
    identity,
    connected,
    editConfirmed,
    confirmEdit: () => setEditConfirmed(true),
    async share() {
      await controller.flush();
      const r = await client.call('team.share', { id });
      if (!r.ok) return fail('The session was not shared', r.error.message);
      setInfo(r.value);
      notices.show({ tone: 'success', text: `Shared with ${r.value.remote ?? 'the team'}.` });
    },
    syncNow() {
      void client.call('team.sync', { id }).then((r) => {
        if (r.ok) setInfo(r.value);
        else fail('Could not sync', r.error.message);
      });
    },
    async setStatus(to) {
      await controller.flush();
      const r = await client.call('team.setStatus', { id, status: to });
      if (!r.ok) return fail('The status was not changed', r.error.message);
      setInfo(r.value);
    },
    async resolve(d, choice) {
      await controller.flush();
      const r = await client.call('team.resolve', {
        id,
        docId: d.docId,
        field: d.field,
        choice,
      });
      if (!r.ok) return fail('The disagreement was not settled', r.error.message);
      controller.applyHost(r.value.ops, r.value.revision, `Settle ${d.fieldLabel}`);
      setInfo(r.value.info);
    },
    async history(itemId) {
      const r = await client.call('team.history', { id, itemId });
      if (!r.ok) {
        fail('The history could not be read', r.error.message);
        return null;
      }
      return r.value;
    },
    async mergeFile() {
      const [file] = await pickFiles('.json,.fcw.json,application/json');
      if (!file) return;
      let content: string;
      try {
        content = await file.text();
      } catch {
        return fail(`“${file.name}”`, 'it could not be read.');
      }
      await controller.flush();
      const r = await client.call('sessions.mergeFile', { id, fileName: file.name, content });
      if (!r.ok) return fail(`“${file.name}” was not merged`, r.error.message);
      controller.applyHost(r.value.ops, r.value.revision, 'Merge session file');
      setInfo(r.value.info);
      const n = r.value.info.disagreements.length;
      notices.show({
        tone: n ? 'warning' : 'success',
        text: `Merged “${file.name}”: ${n ? `${plural(n, 'disagreement')} to settle` : 'no disagreements'}.`,
      });
    },
  };
}
