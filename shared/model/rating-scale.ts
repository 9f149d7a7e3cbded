/**
 * The rating scale: the default scale of a new session and finding a step by
 * its label. What a scale is (its fields and invariants) is declared once, by
 * `ratingScaleSchema` in `session-schema.ts`; the types come from there.
 */
import type { RatingScale, RatingStep } from './session-schema';

export type { RatingScale, RatingStep };

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

/** Find a scale step by its id or label, ignoring case. Returns null when none matches. */
export function stepFromLabel(scale: RatingScale, label: string): RatingStep | null {
  const l = label.trim().toLowerCase();
  return scale.steps.find((s) => s.id === l || s.label.toLowerCase() === l) ?? null;
}
