import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CHUNK_SIZE,
  IntervalIndex,
  type IndexedRange,
} from '../../../shared/review/interval-index';

const r = (id: string, from: number, to: number): IndexedRange => ({ id, from, to });

describe('IntervalIndex', () => {
  const idx = IntervalIndex.from([
    r('long', 0, 100),
    r('a', 10, 20),
    r('nested', 12, 15),
    r('b', 30, 40),
    r('c', 95, 120),
  ]);

  it.each([
    [13, ['long', 'a', 'nested']],
    [20, ['long']],
    [0, ['long']],
    [100, ['c']],
    [130, []],
  ])('at(%i)', (pos, ids) => expect(idx.at(pos).map((x) => x.id)).toEqual(ids));

  it('between and inclusive ends', () => {
    expect(idx.between(20, 30).map((x) => x.id)).toEqual(['long', 'b']);
    expect(idx.between(20, 30, true).map((x) => x.id)).toEqual(['long', 'a', 'b']);
  });

  it('updates persistently: put replaces by id, remove drops', () => {
    const next = idx.update([r('a', 50, 60), r('d', 1, 2)], ['b']);
    expect(next.at(13).map((x) => x.id)).toEqual(['long', 'nested']);
    expect(next.at(55).map((x) => x.id)).toEqual(['long', 'a']);
    expect(next.get('b')).toBeUndefined();
    expect(next.size).toBe(5);
    expect(idx.get('b')).toBeDefined();
  });

  it('agrees with a linear scan on random ranges and updates', () => {
    const range = fc
      .tuple(fc.nat(200), fc.integer({ min: 1, max: 60 }))
      .map(([s, len]) => [s, s + len] as const);
    fc.assert(
      fc.property(
        fc.array(range, { maxLength: 60 }),
        fc.array(range, { maxLength: 80 }),
        fc.nat(260),
        fc.nat(30),
        (init, more, q, w) => {
          const list = init.map(([a, b], i) => r(`i${i}`, a, b));
          let index = IntervalIndex.from(list);
          const extra = more.map(([a, b], i) => r(`m${i % 7}`, a, b));
          for (const e of extra) index = index.update([e], []);
          const truth = new Map(list.map((x) => [x.id, x]));
          for (const e of extra) truth.set(e.id, e);
          const expected = [...truth.values()]
            .filter((x) => x.from <= q + w && x.to > q)
            .map((x) => x.id)
            .sort();
          expect(
            index
              .between(q, q + w)
              .map((x) => x.id)
              .sort(),
          ).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agrees with a linear scan across many chunks, through inserts, replacements and removals, and stays persistent', () => {
    const op = fc.record({
      kind: fc.constantFrom('put', 'put', 'remove'),
      id: fc.nat(CHUNK_SIZE * 6),
      from: fc.nat(5000),
      len: fc.integer({ min: 1, max: 400 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: CHUNK_SIZE * 2, max: CHUNK_SIZE * 5 }),
        fc.array(op, { minLength: 1, maxLength: 150 }),
        fc.array(fc.tuple(fc.nat(5400), fc.nat(300)), { minLength: 1, maxLength: 8 }),
        (initial, ops, queries) => {
          const truth = new Map<string, IndexedRange>();
          for (let i = 0; i < initial; i++)
            truth.set(`r${i}`, r(`r${i}`, (i * 37) % 5000, ((i * 37) % 5000) + 1 + (i % 90)));
          let index = IntervalIndex.from(truth.values());
          const snapshot = index;
          const snapshotAll = index.all().map((x) => x.id);
          for (const o of ops) {
            const id = `r${o.id}`;
            if (o.kind === 'remove') {
              index = index.update([], [id]);
              truth.delete(id);
            } else {
              const range = r(id, o.from, o.from + o.len);
              index = index.update([range]);
              truth.set(id, range);
            }
          }
          expect(index.size).toBe(truth.size);
          for (const [id, range] of truth) expect(index.get(id)).toBe(range);
          expect(
            index
              .all()
              .map((x) => x.id)
              .sort(),
          ).toEqual([...truth.keys()].sort());
          for (const [q, w] of queries) {
            const expected = [...truth.values()]
              .filter((x) => x.from <= q + w && x.to > q)
              .map((x) => x.id)
              .sort();
            expect(
              index
                .between(q, q + w)
                .map((x) => x.id)
                .sort(),
            ).toEqual(expected);
          }
          // The index it started from is untouched.
          expect(snapshot.all().map((x) => x.id)).toEqual(snapshotAll);
          expect(snapshot.size).toBe(initial);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('returns ranges in start order', () => {
    const many = Array.from({ length: CHUNK_SIZE * 3 }, (_, i) => r(`x${i}`, i * 2, i * 2 + 50));
    const index = IntervalIndex.from(many).update([r('late', 10, 400)]);
    const got = index.between(100, 120);
    expect(got.map((x) => x.from)).toEqual([...got.map((x) => x.from)].sort((a, b) => a - b));
    expect(got.map((x) => x.id)).toContain('late');
  });
});
