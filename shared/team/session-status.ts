/**
 * A shared session's status, draft → in review → approved (by an editor) →
 * published, with its labels. Imports nothing, so the renderer can use it
 * without loading the schemas (team-doc.ts re-exports it).
 */
export const SESSION_STATUSES = ['draft', 'in-review', 'approved', 'published'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const STATUS_LABELS: Record<SessionStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
  published: 'Published',
};
