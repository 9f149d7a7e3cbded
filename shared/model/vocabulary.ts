/**
 * The fact-checker's vocabulary: annotation kinds, link relations and the
 * default rating scale. Ids are stable (they are stored in session files);
 * labels are what people read and what the W3C export writes, matched without
 * regard to case on import.
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

/** One verdict on a rating scale. `value` maps onto schema.org Rating.ratingValue. */
export interface RatingStep {
  /** Stable id stored on verdicts, e.g. `mostly-true`. */
  id: string;
  /** What readers see, and schema.org Rating.alternateName, e.g. `Mostly true`. */
  label: string;
  /** Numeric value between the scale's worst and best (inclusive). */
  value: number;
  /** What the step means, shown in the report's methodology. */
  description: string;
}

/** A session's verdict scale. Invariant: worst < best, and every step's value lies in [worst, best]. */
export interface RatingScale {
  name: string;
  best: number;
  worst: number;
  steps: RatingStep[];
}

/**
 * The default scale. True..False run 5..1. Misleading (accurate pieces, false
 * impression) rates with Mostly false at 2; Unverifiable (the evidence supports
 * neither side) sits at the midpoint 3 with Mixed.
 */
export const DEFAULT_SCALE: RatingScale = {
  name: 'Factcheck Workbench default',
  best: 5,
  worst: 1,
  steps: [
    {
      id: 'true',
      label: 'True',
      value: 5,
      description: 'Accurate, and nothing significant is missing.',
    },
    {
      id: 'mostly-true',
      label: 'Mostly true',
      value: 4,
      description: 'Accurate, but needs clarification or added context.',
    },
    {
      id: 'mixed',
      label: 'Mixed',
      value: 3,
      description: 'Partly accurate and partly inaccurate.',
    },
    {
      id: 'mostly-false',
      label: 'Mostly false',
      value: 2,
      description:
        'Contains an element of truth, but ignores facts that would change the impression.',
    },
    { id: 'false', label: 'False', value: 1, description: 'Inaccurate.' },
    {
      id: 'misleading',
      label: 'Misleading',
      value: 2,
      description: 'Built from accurate pieces arranged to give a false impression.',
    },
    {
      id: 'unverifiable',
      label: 'Unverifiable',
      value: 3,
      description: 'The available evidence supports neither side.',
    },
  ],
};

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

/** Find a scale step by its id or label, ignoring case. Returns null when none matches. */
export function stepFromLabel(scale: RatingScale, label: string): RatingStep | null {
  const l = label.trim().toLowerCase();
  return scale.steps.find((s) => s.id === l || s.label.toLowerCase() === l) ?? null;
}
