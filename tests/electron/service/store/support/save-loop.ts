/**
 * Shared by the kill and recovery tests and their child process: a canonical hash of a session
 * and a deterministic stream of small op batches.
 */
import { createHash } from 'node:crypto';
import type { Session } from '../../../../../shared/model/session';
import type { SessionOp } from '../../../../../shared/session/session-ops';
import { makeAnnotation } from '../../../../helpers/session-fixtures';
import { CodePointIndex } from '../../../../../shared/text/code-points';

/** JSON with sorted keys, so equal values give equal text whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of the canonical JSON; `updatedAt` left out when the caller cannot know it yet. */
export function hashSession(s: Session, withUpdatedAt = true): string {
  const v = withUpdatedAt ? s : { ...s, updatedAt: '' };
  return createHash('sha256').update(canonical(v)).digest('hex').slice(0, 32);
}

/** The next small batch for `s`: add, edit or delete an annotation, rename, or move the view. */
export function nextBatch(s: Session, rand: () => number, counter: number): SessionOp[] {
  const article = s.articles[0]!;
  const index = new CodePointIndex(article.text);
  const pick = rand();
  const existing = s.annotations;
  if (existing.length > 25 || (pick < 0.2 && existing.length > 0)) {
    return [{ op: 'annotation.delete', id: existing[Math.floor(rand() * existing.length)]!.id }];
  }
  if (pick < 0.35 && existing.length > 0) {
    const a = existing[Math.floor(rand() * existing.length)]!;
    return [
      {
        op: 'annotation.put',
        annotation: { ...a, note: `edit ${counter}`, modified: new Date().toISOString() },
      },
    ];
  }
  if (pick < 0.45) return [{ op: 'session.rename', name: `Kill test ${counter}` }];
  if (pick < 0.5)
    return [
      { op: 'view.put', view: { openArticleId: article.id, scroll: { [article.id]: counter } } },
    ];
  const span = 10 + Math.floor(rand() * 200);
  const start = Math.floor(rand() * (index.lengthCp - span));
  return [
    {
      op: 'annotation.put',
      annotation: makeAnnotation(
        article,
        start,
        start + span,
        { id: `k-${counter}`, note: `n${counter}` },
        index,
      ),
    },
  ];
}
