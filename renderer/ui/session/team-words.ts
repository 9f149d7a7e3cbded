/**
 * Team review in words for the session view: the sync state ("Synced",
 * "Offline: 3 changes waiting"), the status with who approved it, the moves
 * a reviewer or an editor may make from a status, and a disagreement as
 * "Verdict: Alice: False · Bob: Misleading". Pure, so the parts that show
 * them are tested without a host.
 */
import type {
  TeamDisagreement,
  TeamSessionInfo,
  TeamSyncState,
} from '../../../shared/api/team-types';
import type { ReviewerRole } from '../../../shared/team/reviewer';
import { STATUS_LABELS, type SessionStatus } from '../../../shared/team/session-status';
import { plural } from '../format';

export interface Words {
  text: string;
  tone: 'ok' | 'busy' | 'warn' | 'error' | 'quiet';
  /** The longer explanation (a tooltip). */
  title?: string;
}

/** The sync state in words. */
export function syncWords(s: TeamSyncState): Words {
  switch (s.kind) {
    case 'local':
      return {
        text: 'Not shared',
        tone: 'quiet',
        title: 'This session is not shared with a team database.',
      };
    case 'synced':
      return { text: 'Synced', tone: 'ok', title: `Synced with the team at ${s.at}.` };
    case 'syncing':
      return { text: 'Syncing…', tone: 'busy' };
    case 'offline':
      return {
        text: s.waiting ? `Offline: ${plural(s.waiting, 'change')} waiting` : 'Offline',
        tone: 'warn',
        title: `${s.reason} Trying again in ${Math.max(1, Math.round(s.retryInMs / 1000))} s; your changes are kept.`,
      };
    case 'error':
      return { text: `Sync error: ${s.reason}`, tone: 'error', title: s.reason };
  }
}

/** The status in words, with who approved it. */
export function statusWords(info: Pick<TeamSessionInfo, 'status' | 'approvedBy'>): string {
  const label = STATUS_LABELS[info.status];
  return (info.status === 'approved' || info.status === 'published') && info.approvedBy
    ? `${label} by ${info.approvedBy}`
    : label;
}

export interface StatusMove {
  to: SessionStatus;
  label: string;
  /** Why it cannot be made now, or null. */
  blocked: string | null;
}

const MOVES: Record<SessionStatus, { to: SessionStatus; label: string; editor: boolean }[]> = {
  draft: [{ to: 'in-review', label: 'Send to review', editor: false }],
  'in-review': [
    { to: 'approved', label: 'Approve', editor: true },
    { to: 'draft', label: 'Back to draft', editor: false },
  ],
  approved: [
    { to: 'published', label: 'Mark as published', editor: true },
    { to: 'in-review', label: 'Back to review', editor: false },
  ],
  published: [{ to: 'in-review', label: 'Back to review', editor: true }],
};

/** The moves from `status`, each with why it is blocked for this reviewer now. */
export function statusMoves(
  status: SessionStatus,
  role: ReviewerRole,
  openDisagreements: number,
): StatusMove[] {
  return MOVES[status].map((m) => ({
    to: m.to,
    label: m.label,
    blocked:
      m.editor && role !== 'editor'
        ? 'Only an editor can do this (Settings → Reviewer).'
        : m.to === 'approved' && openDisagreements > 0
          ? `Resolve the ${plural(openDisagreements, 'open disagreement')} first.`
          : null,
  }));
}

/** "Verdict: Alice: False · Bob: Misleading". */
export function disagreementWords(d: TeamDisagreement): string {
  const field = d.fieldLabel.charAt(0).toUpperCase() + d.fieldLabel.slice(1);
  return `${field}: ${d.values.map((v) => `${v.name}: ${v.label}`).join(' · ')}`;
}

/** The disagreements about one annotation (its own fields, and the reviewers' verdicts on it). */
export function disagreementsOn(
  info: TeamSessionInfo | null,
  annotationId: string,
): TeamDisagreement[] {
  return (
    info?.disagreements.filter((d) => d.type === 'annotation' && d.itemId === annotationId) ?? []
  );
}

/** The ids of annotations with an open disagreement. */
export function disputedAnnotationIds(info: TeamSessionInfo | null): Set<string> {
  return new Set(
    (info?.disagreements ?? []).filter((d) => d.type === 'annotation').map((d) => d.itemId),
  );
}

/** Whether editing must be confirmed first (an approved or published session goes back to review). */
export function needsEditWarning(info: TeamSessionInfo | null): boolean {
  return !!info?.tracked && (info.status === 'approved' || info.status === 'published');
}
