/**
 * The session toolbar's team part (issue 10): the sync state in words
 * (synced, syncing, offline with changes waiting, an error with its reason,
 * with "Sync now"), the status with who approved it and the moves this
 * reviewer may make (draft → in review → approved → published), the count of
 * open disagreements, "Share with team" for a session not shared yet, and
 * "Edit anyway" while an approved session waits for a confirmation before
 * its first change.
 */
import type { TeamApi } from './use-team';
import { MenuButton } from '../menu';
import { plural } from '../format';
import { needsEditWarning, statusMoves, statusWords, syncWords } from './team-words';

export interface TeamBarProps {
  team: Pick<
    TeamApi,
    | 'info'
    | 'identity'
    | 'connected'
    | 'editConfirmed'
    | 'confirmEdit'
    | 'share'
    | 'syncNow'
    | 'setStatus'
  >;
  readOnly: boolean;
}

export function TeamBar({ team, readOnly }: TeamBarProps) {
  const { info } = team;
  if (!info) return null;
  if (!info.tracked)
    return team.connected && !readOnly ? (
      <div class="team-bar" data-testid="team-bar">
        <button type="button" class="link-button" onClick={() => void team.share()}>
          Share with team
        </button>
      </div>
    ) : null;
  const sync = syncWords(info.sync);
  const moves = statusMoves(
    info.status,
    team.identity?.role ?? 'reviewer',
    info.disagreements.length,
  );
  const open = info.disagreements.length;
  return (
    <div class="team-bar" data-testid="team-bar">
      <span
        class={`sync-state sync-${sync.tone}`}
        title={sync.title}
        data-testid="sync-state"
        role="status"
      >
        {sync.text}
      </span>
      {info.remote && (info.sync.kind === 'offline' || info.sync.kind === 'error') ? (
        <button type="button" class="link-button" onClick={team.syncNow}>
          Sync now
        </button>
      ) : null}
      <MenuButton
        label={`Status: ${statusWords(info)}`}
        class="button-quiet status-button"
        title="Draft → in review → approved (by an editor) → published"
        items={moves.map((m) => ({
          label: m.label,
          disabled: readOnly || m.blocked !== null,
          title: m.blocked ?? undefined,
          run: () => void team.setStatus(m.to),
        }))}
      />
      {open ? (
        <span class="dispute-count" data-testid="disagreement-count">
          {plural(open, 'disagreement')}
        </span>
      ) : null}
      {needsEditWarning(info) && !team.editConfirmed && !readOnly ? (
        <button
          type="button"
          class="button button-quiet"
          title="Editing an approved session sends it back to review."
          onClick={team.confirmEdit}
        >
          Edit anyway
        </button>
      ) : null}
    </div>
  );
}
