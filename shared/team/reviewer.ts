/**
 * Reviewer identity for team review. A reviewer has a display name and a
 * stable id that every change records (who set a field, who created an item).
 * The app keeps a random id per installation (Settings); the CLI's
 * `--reviewer NAME` derives the id from the name, so the same name gives the
 * same id on every machine and in every pipeline run.
 *
 * Roles are what the team server grants (CouchDB roles `reviewer` and
 * `editor`); the client uses them to decide what to offer (only an editor
 * approves or publishes). The server's own validation stays the authority.
 */
import { sha256Hex } from '../text/sha256';
import { MAX_SHORT_TEXT } from '../model/limits';

export const REVIEWER_ROLES = ['reviewer', 'editor'] as const;
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];

/** Who makes a change. `id` is stable; `name` is what people read. */
export interface Reviewer {
  id: string;
  name: string;
  role: ReviewerRole;
}

/** Reviewer ids: `r-` and 16 hex digits, or a UUID (the app's per-installation id). */
export const REVIEWER_ID_RE =
  /^(r-[0-9a-f]{16}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The stable id of a reviewer known only by name: the same name (trimmed, case-folded) gives the same id. */
export function reviewerIdForName(name: string): string {
  return `r-${sha256Hex(name.trim().normalize('NFC').toLowerCase()).slice(0, 16)}`;
}

/**
 * A reviewer from a name given on the command line or in Settings. Returns a
 * sentence instead when the name is empty or too long.
 */
export function makeReviewer(
  name: string,
  role: ReviewerRole = 'reviewer',
  id?: string,
): Reviewer | string {
  const n = name.trim();
  if (!n) return 'A reviewer needs a name.';
  if (n.length > MAX_SHORT_TEXT)
    return `A reviewer name is longer than ${MAX_SHORT_TEXT} characters.`;
  if (id !== undefined && !REVIEWER_ID_RE.test(id)) return 'That reviewer id is not valid.';
  return { id: id ?? reviewerIdForName(n), name: n, role };
}
