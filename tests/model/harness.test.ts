/**
 * The model harness's own logic, without a browser: the shrinker finds the
 * short sequence that still fails (and gives up on a failure that does not
 * come back), and the model's undo/redo and duplicate-link rule behave as
 * the app documents them.
 */
import { describe, expect, it } from 'vitest';
import type { Action } from './actions';
import { Model } from './model';
import { shrinkFailure, type Replay } from './runner';

const act = (n: number): Action => ({ type: 'scroll', how: 'bar', amount: n / 100 });
const id = (a: Action) => (a.type === 'scroll' ? Math.round(a.amount * 100) : -1);

/** A fake app that fails at the first step after both 3 and 7 were done, in that order. */
function fakeReplay(calls: Action[][]) {
  return async (actions: Action[]): Promise<Replay | null> => {
    calls.push(actions);
    let saw3 = false;
    for (let i = 0; i < actions.length; i++) {
      const n = id(actions[i]!);
      if (n === 3) saw3 = true;
      if (n === 7 && saw3)
        return {
          failedAt: i,
          mismatches: [{ area: 'painted:missing', text: 'x' }],
          performed: actions.map(() => true),
          lines: actions.slice(0, i + 1).map((a) => `step ${id(a)}`),
        };
    }
    return null;
  };
}

describe('the shrinker', () => {
  it('finds the two steps that make the failure, and cuts what comes after', async () => {
    const trace = [1, 2, 3, 4, 5, 6, 11, 12, 13, 7, 8, 9].map(act);
    const calls: Action[][] = [];
    const out: string[] = [];
    const r = await shrinkFailure(
      { shrink: { replays: 100, minutes: 1 }, out: (l) => void out.push(l) },
      trace,
      'painted:missing',
      fakeReplay(calls),
    );
    expect(r?.actions.map(id)).toEqual([3, 7]);
    expect(r?.lines).toEqual(['step 3', 'step 7']);
    expect(calls.length).toBeLessThan(40);
  });

  it('stays within its budget of replays', async () => {
    const trace = Array.from({ length: 40 }, (_, i) => act(i === 5 ? 3 : i === 30 ? 7 : 50 + i));
    const calls: Action[][] = [];
    const r = await shrinkFailure(
      { shrink: { replays: 3, minutes: 1 }, out: () => undefined },
      trace,
      'painted:missing',
      fakeReplay(calls),
    );
    expect(calls).toHaveLength(3);
    expect(r!.actions.length).toBeLessThanOrEqual(31);
    expect(r!.actions.map(id)).toContain(3);
  });

  it('goes on shrinking past a replay that cannot run, and says why', async () => {
    const trace = [1, 2, 3, 4, 5, 6, 11, 12, 13, 7, 8, 9].map(act);
    const calls: Action[][] = [];
    const replay = fakeReplay(calls);
    let n = 0;
    const out: string[] = [];
    const r = await shrinkFailure(
      { shrink: { replays: 100, minutes: 1 }, out: (l) => void out.push(l) },
      trace,
      'painted:missing',
      async (a) => {
        if (++n === 2) throw new Error('fetch failed\n    at api');
        return replay(a);
      },
    );
    expect(r?.actions.map(id)).toEqual([3, 7]);
    expect(out.join('\n')).toContain('A replay could not run: fetch failed');
  });

  it('reports a failure that does not come back on replay as not shrunk', async () => {
    const out: string[] = [];
    const r = await shrinkFailure(
      { shrink: { replays: 10, minutes: 1 }, out: (l) => void out.push(l) },
      [act(1), act(2)],
      'painted:missing',
      async () => null,
    );
    expect(r).toBeNull();
    expect(out.join('\n')).toMatch(/did not happen again/);
  });
});

describe('the model', () => {
  const model = () =>
    new Model([
      {
        id: 'a',
        title: 'A',
        text: 'One two three four.',
        segments: [{ start: 0, end: 19, kind: 'paragraph' }],
      },
    ]);
  const mark = (m: Model, handle: string, start: number, end: number) =>
    m.change((s) =>
      s.annotations.push({
        handle,
        article: 0,
        kind: 'claim',
        start,
        end,
        speaker: null,
        note: '',
        verdict: null,
        made: 0,
      }),
    );

  it('undoes and redoes whole changes; a new change clears redo; a reload forgets both', () => {
    const m = model();
    mark(m, 'a1', 0, 3);
    mark(m, 'a2', 4, 7);
    expect(m.undo()).toBe(true);
    expect(m.state.annotations.map((a) => a.handle)).toEqual(['a1']);
    expect(m.redo()).toBe(true);
    expect(m.state.annotations.map((a) => a.handle)).toEqual(['a1', 'a2']);
    m.undo();
    mark(m, 'a3', 8, 13);
    expect(m.redo()).toBe(false);
    m.forgetHistory();
    expect(m.undo()).toBe(false);
    expect(m.quote(m.get('a3')!)).toBe('three');
  });

  it('refuses the same link twice, and "same claim as" in either direction', () => {
    const m = model();
    m.change(
      (s) => void s.links.push({ from: 'a1', to: 'a2', relation: 'same-claim-as', note: '' }),
    );
    expect(m.isDuplicateLink('a2', 'a1', 'same-claim-as')).toBe(true);
    expect(m.isDuplicateLink('a2', 'a1', 'supports')).toBe(false);
    expect(m.isDuplicateLink('a1', 'a2', 'same-claim-as')).toBe(true);
  });
});
