/**
 * Disagreements and item values in words, for the CLI and the UI alike:
 * "annotation 3f2a… “We built 400 schools” · verdict · Alice: False · Bob: Misleading".
 */
import type { Session, Verdict } from '../model/session';
import {
  KIND_LABELS,
  RELATION_LABELS,
  type AnnotationKind,
  type LinkRelation,
} from '../model/vocabulary';
import type { Disagreement } from './materialize';
import type { ItemType } from './team-doc';
import { STATUS_LABELS, type SessionStatus } from './team-doc';

const FIELD_LABELS: Record<string, string> = {
  speakerId: 'speaker',
  deleted: 'deleted vs edited',
};

/** A field's name in words. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

function clip(text: string, n = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/** A field value in words, using the session for names (speakers, scale steps). */
export function describeValue(session: Session, field: string, value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  switch (field) {
    case 'verdict': {
      const v = value as Verdict;
      const step = session.scale.steps.find((s) => s.id === v.stepId);
      return step ? step.label : v.stepId;
    }
    case 'speakerId': {
      const s = session.speakers.find((x) => x.id === value);
      return s ? s.name : `(speaker ${String(value).slice(0, 8)})`;
    }
    case 'kind':
      return KIND_LABELS[value as AnnotationKind] ?? String(value);
    case 'relation':
      return RELATION_LABELS[value as LinkRelation] ?? String(value);
    case 'status':
      return STATUS_LABELS[value as SessionStatus] ?? String(value);
    case 'deleted':
      return String(value);
  }
  if (typeof value === 'string') return `“${clip(value)}”`;
  if (Array.isArray(value) && value.every((x) => typeof x === 'string'))
    return value.join(', ') || '(none)';
  return clip(JSON.stringify(value));
}

/** An item in words: its type, id and what identifies it to a person (a quote, a name). */
export function describeItem(session: Session, type: ItemType, itemId: string): string {
  if (type === 'annotation') {
    const a = session.annotations.find((x) => x.id === itemId);
    return a ? `annotation ${itemId} “${clip(a.target.quote.exact, 40)}”` : `annotation ${itemId}`;
  }
  if (type === 'speaker') {
    const s = session.speakers.find((x) => x.id === itemId);
    return s ? `speaker ${itemId} (${s.name})` : `speaker ${itemId}`;
  }
  if (type === 'meta') return `session “${clip(session.name, 40)}”`;
  return `${type} ${itemId}`;
}

/** One line per disagreement: item · field · Name: value · Name: value. */
export function describeDisagreement(session: Session, d: Disagreement): string {
  const values = d.values.map((v) => `${v.name}: ${describeValue(session, d.field, v.value)}`);
  return `${describeItem(session, d.type, d.itemId)} · ${fieldLabel(d.field)} · ${values.join(' · ')}`;
}
