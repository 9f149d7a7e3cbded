/** Validation of shared documents that arrive from outside: hostile and malformed ones are refused. */
import { describe, expect, it } from 'vitest';
import { makeReviewer } from '../../../shared/team/reviewer';
import { recordSession } from '../../../shared/team/record-changes';
import { parseTeamDoc, teamDocId, type TeamDoc } from '../../../shared/team/team-doc';
import { buildSeedReview, CLAIM_ID } from '../../helpers/seed-review';

const session = buildSeedReview();
const alice = makeReviewer('Alice');
if (typeof alice === 'string') throw new Error(alice);
const r = recordSession(null, session, { reviewer: alice, now: '2024-01-01T00:00:00.000Z' });
if (!r.ok) throw new Error(r.problem);
const claim = r.state.docs.get(teamDocId(session.id, 'annotation', CLAIM_ID))!;
const raw = (): Record<string, unknown> => JSON.parse(JSON.stringify({ ...claim, _rev: '3-abc' }));

const cases: [string, (d: Record<string, unknown>) => unknown][] = [
  ['an unknown key', (d) => ({ ...d, extra: 1 })],
  ['an attachment', (d) => ({ ...d, _attachments: { x: { data: 'AA==' } } })],
  ['a kind not in the vocabulary', (d) => setHead(d, 'kind', 'rumour')],
  ['a note over the limit', (d) => setHead(d, 'note', 'x'.repeat(20_001))],
  ['an id that does not match its content', (d) => ({ ...d, id: 'someone-else' })],
  [
    'another session',
    (d) => ({ ...d, session: 'other', _id: teamDocId('other', 'annotation', CLAIM_ID) }),
  ],
  ['a reviewer id that is not one', (d) => setHeadKey(d, 'note', 'by', '<script>')],
  [
    'no heads',
    (d) => ({ ...d, fields: { ...(d.fields as object), note: { heads: [], past: [] } } }),
  ],
  [
    'a __proto__ key',
    (d) => JSON.parse(JSON.stringify(d).replace('"type":', '"__proto__":{"polluted":1},"type":')),
  ],
  [
    'a field of another type',
    (d) => ({
      ...d,
      fields: { ...(d.fields as object), relation: (d.fields as Record<string, unknown>).note },
    }),
  ],
  ['not an object', () => ['array']],
];

function setHead(d: Record<string, unknown>, field: string, v: unknown): unknown {
  return setHeadKey(d, field, 'v', v);
}
function setHeadKey(d: Record<string, unknown>, field: string, key: string, v: unknown): unknown {
  const fields = d.fields as Record<string, { heads: Record<string, unknown>[] }>;
  const f = fields[field]!;
  return { ...d, fields: { ...fields, [field]: { ...f, heads: [{ ...f.heads[0], [key]: v }] } } };
}

describe('parseTeamDoc', () => {
  it('accepts a document as the app writes it, with CouchDB bookkeeping keys', () => {
    const p = parseTeamDoc(
      { ...raw(), _conflicts: ['2-x'], _revisions: { start: 3, ids: [] } },
      session.id,
    );
    expect(p.ok).toBe(true);
    if (p.ok) expect((p.doc as TeamDoc & { _conflicts?: unknown })._conflicts).toBeUndefined();
  });
  it.each(cases)('refuses %s', (_, make) => {
    const p = parseTeamDoc(make(raw()), session.id);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problem.length).toBeGreaterThan(5);
  });
});
