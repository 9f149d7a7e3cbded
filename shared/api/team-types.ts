/**
 * What the UI sees of team review (issue 10), through the contract: the
 * reviewer's identity, the team database it is connected to (never its
 * credentials), the team's sessions, and for an open session its sync state
 * in words, its status, and its open disagreements with who said what. The
 * renderer never talks to the team server; the service does (PouchDB).
 */
import type { SessionOp } from '../session/op-schema';
import type { ReviewerRole } from '../team/reviewer';
import type { HistoryAction, ItemType, SessionStatus } from '../team/team-doc';

/** This installation's reviewer: a name people read and a stable id every change records. */
export interface ReviewerIdentity {
  id: string;
  name: string;
  role: ReviewerRole;
}

/** The team database the app syncs with. The URL is shown without credentials. */
export interface TeamConnection {
  url: string;
  user: string;
  /** What the server said it is ("CouchDB 3.3.3", "PouchDB Server"). */
  server: string;
}

/** A session in the team database. */
export interface TeamSessionEntry {
  id: string;
  name: string;
  status: SessionStatus;
  createdBy: string;
  createdAt: string;
  /** A copy is in this app's library already. */
  local: boolean;
}

/**
 * Sync state in words for the toolbar: `local` (not shared), `synced`,
 * `syncing`, `offline` (changes wait and go when the server is back), or
 * `error` with its reason (wrong credentials, no access, …).
 */
export type TeamSyncState =
  | { kind: 'local' }
  | { kind: 'synced'; at: string }
  | { kind: 'syncing' }
  | { kind: 'offline'; waiting: number; reason: string; retryInMs: number }
  | { kind: 'error'; waiting: number; reason: string };

/** One value of a disputed field, with who set it and how it reads. */
export interface TeamDisputedValue {
  label: string;
  name: string;
  by: string;
  at: string;
}

/** An open disagreement: one field of one item, every value in it. */
export interface TeamDisagreement {
  docId: string;
  type: ItemType;
  itemId: string;
  field: string;
  /** The field in words ("verdict", "speaker", "deleted vs edited"). */
  fieldLabel: string;
  values: TeamDisputedValue[];
}

/** A reviewer's own verdict on a claim. */
export interface TeamReviewerVerdict {
  claimId: string;
  name: string;
  label: string | null;
  at: string;
}

/** The team side of one local session. */
export interface TeamSessionInfo {
  id: string;
  /** The session has a team state (shared, or merged from a colleague's file). */
  tracked: boolean;
  /** The team database it syncs with, shown without credentials; null when not shared. */
  remote: string | null;
  sync: TeamSyncState;
  status: SessionStatus;
  approvedBy: string | null;
  reviewers: string[];
  disagreements: TeamDisagreement[];
  reviewerVerdicts: TeamReviewerVerdict[];
  /** Documents from the server refused at the last sync, in words. */
  refused: string[];
}

/** One line of an item's history. */
export interface TeamHistoryLine {
  at: string;
  name: string;
  action: HistoryAction;
  field: string | null;
  /** "marked it", "changed the verdict to False", … */
  text: string;
}

/** A change the host made to a session (a sync or a merge brought it). */
export interface HostChange {
  revision: number;
  ops: SessionOp[];
}
