/**
 * The fact-checker's vocabulary: annotation kinds, link relations, anchor
 * statuses and speaker kinds, each one list of stable ids with the labels
 * people read. Ids are stored in session files; labels are what the UI and the
 * W3C export write, matched without regard to case on import.
 *
 * This module imports nothing: the zod schemas (`session-schema.ts`) build
 * their enums from these lists, and the UI reads the labels without loading
 * the schemas.
 */

/** What a marked passage is. */
export const ANNOTATION_KINDS = ['claim', 'counter-statement', 'evidence', 'context'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const KIND_LABELS: Record<AnnotationKind, string> = {
  claim: 'Claim',
  'counter-statement': 'Counter-statement',
  evidence: 'Evidence',
  context: 'Context',
};

/** How one annotation bears on another. A link points from its source to its target. */
export const LINK_RELATIONS = [
  'contradicts',
  'supports',
  'partially-addresses',
  'responds-to',
  'same-claim-as',
] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];

export const RELATION_LABELS: Record<LinkRelation, string> = {
  contradicts: 'contradicts',
  supports: 'supports',
  'partially-addresses': 'partially addresses',
  'responds-to': 'responds to',
  'same-claim-as': 'same claim as',
};

/**
 * How an annotation relates to its article's current text (the one list; the
 * schema and every export read it from here):
 * - `anchored`: at the place where it was marked, or confirmed by a reviewer;
 * - `moved`: after a re-import, the same exact quote was found at another place;
 * - `changed`: after a re-import (or a W3C import), only a passage whose wording
 *   differs was found. The quote now holds the new wording and `was` the
 *   wording as marked; it stays flagged until a reviewer confirms it or
 *   re-attaches the annotation;
 * - `orphaned`: not found; kept, listed apart, re-attachable.
 */
export const ANCHOR_STATUSES = ['anchored', 'moved', 'changed', 'orphaned'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

/** What the UI, the reports and the CSV call each status. */
export const ANCHOR_STATUS_LABELS: Record<AnchorStatus, string> = {
  anchored: 'Anchored',
  moved: 'Moved',
  changed: 'Changed: confirm',
  orphaned: 'Not found',
};

/** Whether a speaker is a person or an organisation (schema.org `Person` / `Organization`). */
export const SPEAKER_KINDS = ['person', 'organization'] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];

/** Find a kind by its id or its label, ignoring case. Returns null when none matches. */
export function kindFromLabel(label: string): AnnotationKind | null {
  const l = label.trim().toLowerCase();
  for (const k of ANNOTATION_KINDS) if (k === l || KIND_LABELS[k].toLowerCase() === l) return k;
  return null;
}

/** Find a relation by its id or its label, ignoring case. Returns null when none matches. */
export function relationFromLabel(label: string): LinkRelation | null {
  const l = label
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');
  for (const r of LINK_RELATIONS)
    if (r === l.replace(/ /g, '-') || RELATION_LABELS[r] === l) return r;
  return null;
}
