/**
 * Edits kept in the browser until the host acknowledges them (issue 9,
 * defect 3): the session controller writes them to storage as it queues,
 * forgets them once saved, and a controller opened later replays them with
 * the host's conflict rule, or sets them aside when they no longer apply.
 * A host double applies with the real `applyOps`; storage is an in-memory
 * Web Storage stand-in.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient, ApiError, OpenedSession } from '../../../shared/api/contract';
import { applyOps, type SessionOp } from '../../../shared/session/session-ops';
import type { Session } from '../../../shared/model/session';
import { SessionController } from '../../../renderer/state/session-controller';
import { KeptEditsStore, type KeptStorage } from '../../../renderer/state/kept-edits';
import { linkAnnotations, markPassage } from '../../../shared/review/annotation-edits';
import { seedSession, spanOf } from '../../helpers/seed-session';

class MemoryStorage implements KeptStorage {
  map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

class Host {
  revision = 0;
  down = false;
  constructor(public session: Session) {}
  client(): ApiClient {
    return {
      call: (async (method: string, req: { baseRevision: number; ops: SessionOp[] }) => {
        if (this.down)
          return { ok: false, error: { code: 'io', message: 'not answering' } as ApiError };
        if (method === 'sessions.open') return { ok: true, value: this.opened() };
        if (req.baseRevision !== this.revision)
          return { ok: false, error: { code: 'conflict', message: 'changed elsewhere' } };
        const r = applyOps(this.session, req.ops, new Date().toISOString());
        if (!r.ok) return { ok: false, error: { code: 'invalid-request', message: 'no' } };
        this.session = r.session;
        this.revision++;
        return { ok: true, value: { revision: this.revision } };
      }) as ApiClient['call'],
      on: () => () => {},
    };
  }
  opened(): OpenedSession {
    return {
      session: { ...this.session, revision: this.revision },
      readOnly: false,
      notice: null,
      recovery: null,
    };
  }
  /** A change made elsewhere (another window). */
  changeElsewhere(ops: SessionOp[]) {
    const r = applyOps(this.session, ops, new Date().toISOString());
    if (!r.ok) throw new Error(r.problems.join(' '));
    this.session = r.session;
    this.revision++;
  }
}

const NOW = '2024-05-01T12:00:00.000Z';
const fast = { debounceMs: 1, maxWaitMs: 5 };
/**
 * Wait until `check` passes: the saves run on timers of a few milliseconds, so this is
 * quick when idle, and a busy machine only makes it slower (issue 12, item 6).
 */
const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 5 });

function setup() {
  const session = seedSession();
  const host = new Host(session);
  const storage = new MemoryStorage();
  const store = new KeptEditsStore(storage, '/data/dir');
  const open = () => new SessionController(host.client(), host.opened(), { ...fast, kept: store });
  const art = session.articles[0]!;
  const mark = (c: SessionController, quote: string) => {
    const r = markPassage(
      c.session,
      { articleId: art.id, ...spanOf(art, quote), kind: 'claim' },
      NOW,
    );
    if (!r.ok) throw new Error(r.message);
    return r;
  };
  return { host, storage, store, open, mark };
}

describe('kept edits', () => {
  it('keeps queued edits in storage until the host acknowledges them, then forgets them', async () => {
    const { host, store, open, mark } = setup();
    host.down = true;
    const c = open();
    const m = mark(c, 'The story is false');
    c.apply(m.ops, 'Mark');
    expect(store.read(c.session.id)?.ops).toEqual(m.ops);
    await until(() => expect(c.save.state).toBe('error'));
    expect(store.read(c.session.id)).toMatchObject({ baseRevision: 0, ops: m.ops });
    host.down = false;
    c.retry();
    await until(() => expect(c.save.state).toBe('saved'));
    expect(store.read(c.session.id)).toBeNull();
    c.destroy();
  });

  it('replays kept edits when the session opens again, and saves them', async () => {
    const { host, store, open, mark } = setup();
    host.down = true;
    const first = open();
    const m = mark(first, 'The story is false');
    first.apply(m.ops, 'Mark');
    first.destroy(); // the page went away with the host down
    host.down = false;
    const second = open();
    expect(second.replay).toMatchObject({ kind: 'replayed', edits: 1, conflict: false });
    expect(second.session.annotations.map((a) => a.id)).toEqual([m.annotation.id]);
    await until(() => expect(second.save.state).toBe('saved'));
    expect(host.session.annotations.map((a) => a.id)).toEqual([m.annotation.id]);
    expect(store.read(second.session.id)).toBeNull();
    second.destroy();
  });

  it('forgets kept edits the host already has (the last save went out as the page closed)', () => {
    const { host, store, open, mark } = setup();
    const c = open();
    const m = mark(c, 'The story is false');
    c.apply(m.ops, 'Mark');
    c.destroy(); // before the debounced save
    host.changeElsewhere(m.ops); // the unload request arrived, its answer did not
    const again = open();
    expect(again.replay.kind).toBe('already-saved');
    expect(store.read(again.session.id)).toBeNull();
    expect(again.hasUnsaved).toBe(false);
    again.destroy();
  });

  it('sends kept edits on their own revision: a session changed meanwhile asks, and "keep mine" saves both', async () => {
    const { host, open, mark } = setup();
    host.down = true;
    const first = open();
    const m = mark(first, 'The story is false');
    first.apply(m.ops, 'Mark');
    first.destroy();
    host.down = false;
    host.changeElsewhere([{ op: 'session.rename', name: 'Renamed elsewhere' }]);
    const second = open();
    expect(second.replay).toMatchObject({ kind: 'replayed', conflict: true });
    await until(() =>
      expect(second.save).toMatchObject({ state: 'error', error: { code: 'conflict' } }),
    );
    expect(second.hasUnsaved).toBe(true);
    await second.resolveConflict('keep-mine');
    expect(second.save.state).toBe('saved');
    expect(host.session.name).toBe('Renamed elsewhere');
    expect(host.session.annotations.map((a) => a.id)).toEqual([m.annotation.id]);
    second.destroy();
  });

  it('"load the saved version" drops the kept copy too (the reviewer chose so)', async () => {
    const { host, store, open, mark } = setup();
    host.down = true;
    const first = open();
    first.apply(mark(first, 'The story is false').ops, 'Mark');
    first.destroy();
    host.down = false;
    host.changeElsewhere([{ op: 'session.rename', name: 'Renamed elsewhere' }]);
    const second = open();
    await until(() => expect(second.save).toMatchObject({ error: { code: 'conflict' } }));
    await second.resolveConflict('reload');
    expect(store.read(second.session.id)).toBeNull();
  });

  it('sets aside edits that no longer apply, keeps them across opens, and discards them only when asked', async () => {
    const { host, store, open, mark } = setup();
    const c = open();
    const a = mark(c, 'The story is false');
    c.apply(a.ops, 'Mark');
    const b = mark(c, 'sticky wicket');
    c.apply(b.ops, 'Mark');
    await until(() => expect(c.save.state).toBe('saved'));
    host.down = true;
    const l = linkAnnotations(
      c.session,
      { from: b.annotation.id, to: a.annotation.id, relation: 'contradicts' },
      NOW,
    );
    if (!l.ok) throw new Error(l.message);
    c.apply(l.ops, 'Link');
    c.destroy();
    host.down = false;
    host.changeElsewhere([{ op: 'annotation.delete', id: a.annotation.id }]);

    const second = open();
    expect(second.replay.kind).toBe('set-aside');
    if (second.replay.kind !== 'set-aside') return;
    expect(second.replay.problems.join(' ')).toMatch(/link/i);
    expect(second.replay.record.ops).toEqual(l.ops);
    expect(second.session.links).toHaveLength(0);
    // New edits do not overwrite what was set aside.
    second.apply(mark(second, 'The story is false').ops, 'Mark');
    await until(() => expect(second.save.state).toBe('saved'));
    expect(store.readAside(second.session.id)?.ops).toEqual(l.ops);
    second.destroy();
    const third = open();
    expect(third.replay.kind).toBe('set-aside');
    third.discardSetAside();
    expect(store.readAside(third.session.id)).toBeNull();
    third.destroy();
  });

  it('lists the sessions of its own data directory only, and survives unusable storage', () => {
    const { storage, store, host } = setup();
    store.write(host.session.id, 'S', 0, [{ op: 'session.rename', name: 'x' }]);
    const other = new KeptEditsStore(storage, '/another/dir');
    expect(store.list().map((x) => x.rec.sessionId)).toEqual([host.session.id]);
    expect(other.list()).toEqual([]);
    storage.setItem(`fcw.kept.v1 ${JSON.stringify(['/data/dir', 'junk'])}`, '{not json');
    expect(store.list()).toHaveLength(1);
    const broken = new KeptEditsStore(
      {
        getItem: () => {
          throw new Error('denied');
        },
        setItem: () => {
          throw new Error('quota');
        },
        removeItem: () => {
          throw new Error('denied');
        },
        key: () => null,
        get length(): number {
          throw new Error('denied');
        },
      },
      '/d',
    );
    expect(broken.write('s', 'S', 0, [])).toBe(false);
    expect(broken.read('s')).toBeNull();
    expect(broken.list()).toEqual([]);
  });
});
