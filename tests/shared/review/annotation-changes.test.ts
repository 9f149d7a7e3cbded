import { describe, expect, it } from 'vitest';
import { annotationChanges } from '../../../shared/review/annotation-changes';
import { applyOps, type SessionOp } from '../../../shared/session/session-ops';
import { makeSession } from '../../helpers/session-fixtures';

describe('annotationChanges', () => {
  const session = makeSession({ annotations: 6 });
  const [a, b] = session.annotations;
  const moved = { ...a!, note: 'edited' };

  const cases: [string, SessionOp[], { put: string[]; removed: string[] } | null][] = [
    ['a put', [{ op: 'annotation.put', annotation: moved }], { put: [a!.id], removed: [] }],
    ['a delete', [{ op: 'annotation.delete', id: b!.id }], { put: [], removed: [b!.id] }],
    [
      'a put then a delete of the same',
      [
        { op: 'annotation.put', annotation: moved },
        { op: 'annotation.delete', id: a!.id },
      ],
      { put: [], removed: [a!.id] },
    ],
    [
      'a rename touches no annotation',
      [{ op: 'session.rename', name: 'x' }],
      { put: [], removed: [] },
    ],
    [
      'an article replacement (a re-import) is not spelled out',
      [
        { op: 'article.put', article: session.articles[0]! },
        { op: 'annotation.put', annotation: moved },
      ],
      null,
    ],
  ];
  for (const [name, ops, want] of cases) {
    it(name, () => {
      const r = applyOps(session, ops, new Date().toISOString());
      if (!r.ok) throw new Error(r.problems.join('; '));
      const got = annotationChanges(session.annotations, r.session.annotations, ops);
      expect(got && { put: got.put.map((x) => x.id), removed: got.removed }).toEqual(want);
      if (got) {
        // Applying the changes to the base gives the new list's records.
        const byId = new Map(session.annotations.map((x) => [x.id, x]));
        for (const id of got.removed) byId.delete(id);
        for (const x of got.put) byId.set(x.id, x);
        expect(new Set(byId.values())).toEqual(new Set(r.session.annotations));
      }
    });
  }
});
