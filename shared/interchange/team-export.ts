/**
 * The team side of a session as its exports show it (issue 10): the session's
 * status (draft → in review → approved → published), its reviewers, who
 * approved it, and who created and who last changed each annotation and link.
 *
 * Built from the team state by `exportInfoOf` (shared/team/team-info.ts) and
 * passed to `renderExport` as `team`. A session that was never shared has
 * none: its exports say what the session itself records (each annotation's
 * reviewer as its creator) and nothing about a status.
 */
import { STATUS_LABELS, type SessionStatus } from '../team/session-status';

/** A reviewer as exports name them: the stable id, the name, and when they acted. */
export interface ExportAgent {
  /** The reviewer's stable id (a UUID for ids made by the app). */
  id: string;
  name: string;
  at: string;
}

/** Who created an item and who changed it last. */
export interface ExportAuthors {
  createdBy: ExportAgent;
  modifiedBy: ExportAgent;
}

export interface TeamExportInfo {
  status: SessionStatus;
  /** Everyone who changed anything in the session, by name. */
  reviewers: string[];
  /** The editor who approved the session (set while approved or published). */
  approvedBy: ExportAgent | null;
  /** Creator and last modifier of every annotation and link, by item id. */
  authors: ReadonlyMap<string, ExportAuthors>;
}

/** The status in words ("In review"). */
export function statusLabel(team: TeamExportInfo): string {
  return STATUS_LABELS[team.status];
}
