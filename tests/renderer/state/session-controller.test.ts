import { describe, expect, it, vi } from 'vitest';
import type { ApiClient, ApiError, OpenedSession } from '../../../shared/api/contract';
import { applyOps, type SessionOp } from '../../../shared/session/session-ops';
import type { Session } from '../../../shared/model/session';
import { SessionController } from '../../../renderer/state/session-controller';
import { markPassage } from '../../../shared/review/annotation-edits';
import { seedSession, spanOf } from '../../helpers/seed-session';

/**
 * A stand-in for the host's `sessions.*` methods: it keeps a session and its
 * revision, applies what it receives with the same `applyOps`, and refuses a
 * stale base revision with `conflict`, as the contract describes. Failures
 * can be scripted to test how the controller keeps unsaved edits.
 */
class HostDouble {
  revision = 0;
  calls: { baseRevision: number; ops: SessionOp[] }[] = [];
  failNext: ApiError[] = [];
  constructor(public session: Session) {}
  client(): ApiClient {
    return {
      call: (async (method: string, req: { baseRevision: number; ops: SessionOp[] }) => {
        if (method === 'sessions.open')
          return {
            ok: true,
            value: {
              session: { ...this.session, revision: this.revision },
              readOnly: false,
              notice: null,
              recovery: null,
            },
          };
        if (method !== 'sessions.apply') throw new Error(`unexpected ${method}`);
        this.calls.push(req);
        const fail = this.failNext.shift();
        if (fail) return { ok: false, error: fail };
        if (req.baseRevision !== this.revision)
          return { ok: false, error: { code: 'conflict', message: 'changed elsewhere' } };
        const r = applyOps(this.session, req.ops, new Date().toISOString());
        if (!r.ok)
          return { ok: false, error: { code: 'invalid-request', message: r.problems.join(' ') } };
        this.session = r.session;
        this.revision++;
        return { ok: true, value: { revision: this.revision } };
      }) as ApiClient['call'],
      on: () => () => {},
    };
  }
}

function setup(readOnly = false) {
  const session = seedSession();
  const host = new HostDouble(session);
  const opened: OpenedSession = { session, readOnly, notice: null, recovery: null };
  const controller = new SessionController(host.client(), opened, { debounceMs: 5, maxWaitMs: 20 });
  const art = session.articles[0]!;
  const mark = (quote: string) => {
    const r = markPassage(
      controller.session,
      { articleId: art.id, ...spanOf(art, quote), kind: 'claim' },
      new Date().toISOString(),
    );
    if (!r.ok) throw new Error(r.message);
    return { ops: r.ops, id: r.annotation.id };
  };
  return { host, controller, mark };
}

/** Wait until `check` passes (saves run on short timers; a busy machine only makes this slower). */
const until = (check: () => void, timeout = 10_000) => vi.waitFor(check, { timeout, interval: 5 });

const idle = (c: SessionController) =>
  new Promise<void>((resolve) => {
    const check = () => (c.hasUnsaved ? setTimeout(check, 5) : resolve());
    check();
  });

describe('SessionController', () => {
  it('applies locally at once and saves in the background, batching quick changes', async () => {
    const { host, controller, mark } = setup();
    const a = mark('The story is false');
    expect(controller.apply(a.ops, 'Mark').ok).toBe(true);
    const b = mark('sticky wicket');
    controller.apply(b.ops, 'Mark');
    expect(controller.session.annotations).toHaveLength(2);
    expect(controller.save.state).toBe('pending');
    await idle(controller);
    expect(controller.save.state).toBe('saved');
    expect(host.session.annotations.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect(host.calls.length).toBeLessThanOrEqual(2);
  });

  it('undoes and redoes, and the host follows', async () => {
    const { host, controller, mark } = setup();
    const a = mark('The story is false');
    controller.apply(a.ops, 'Mark as Claim');
    expect(controller.undoLabel).toBe('Mark as Claim');
    expect(controller.undo()).toMatchObject({ ok: true, label: 'Mark as Claim' });
    expect(controller.session.annotations).toHaveLength(0);
    await idle(controller);
    expect(host.session.annotations).toHaveLength(0);
    expect(controller.redo().ok).toBe(true);
    await idle(controller);
    expect(host.session.annotations.map((x) => x.id)).toEqual([a.id]);
    expect(controller.redo().ok).toBe(false);
  });

  it('never records view changes for undo and sends only the latest one', async () => {
    const { host, controller } = setup();
    const view = controller.session.view;
    for (const top of [10, 20, 30])
      controller.apply([{ op: 'view.put', view: { ...view, scroll: { x: top } } }], 'Scroll');
    expect(controller.undoLabel).toBeNull();
    await idle(controller);
    expect(host.calls.flatMap((c) => c.ops)).toHaveLength(1);
    expect(host.session.view.scroll).toEqual({ x: 30 });
  });

  it('keeps edits when a save fails and retries io errors until they are saved', async () => {
    const { host, controller, mark } = setup();
    host.failNext.push({ code: 'io', message: 'disk busy' });
    const a = mark('The story is false');
    controller.apply(a.ops, 'Mark');
    await until(() => expect(controller.save).toMatchObject({ state: 'error', retrying: true }));
    expect(controller.session.annotations).toHaveLength(1);
    // The retry comes 3 s later: idle, this wait takes those 3 s.
    await until(() => expect(controller.save.state).toBe('saved'), 30_000);
    expect(host.session.annotations.map((x) => x.id)).toEqual([a.id]);
  });

  it('stops on a conflict, keeps the edits, and "keep mine" saves them on top of the saved version', async () => {
    const { host, controller, mark } = setup();
    host.revision = 7; // changed elsewhere
    const a = mark('The story is false');
    controller.apply(a.ops, 'Mark');
    await until(() =>
      expect(controller.save).toMatchObject({
        state: 'error',
        error: { code: 'conflict' },
        retrying: false,
      }),
    );
    expect(controller.hasUnsaved).toBe(true);
    await controller.resolveConflict('keep-mine');
    expect(controller.save.state).toBe('saved');
    expect(host.session.annotations.map((x) => x.id)).toEqual([a.id]);
  });

  it('refuses changes to a read-only session with a sentence, and sends nothing', async () => {
    const { host, controller, mark } = setup(true);
    const r = controller.apply(mark('The story is false').ops, 'Mark');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/read-only/);
    controller.apply(
      [{ op: 'view.put', view: { ...controller.session.view, scroll: { a: 5 } } }],
      'Scroll',
    );
    await controller.flush();
    expect(host.calls).toHaveLength(0);
  });

  it('refuses a batch that breaks integrity without changing anything', () => {
    const { controller } = setup();
    const r = controller.apply(
      [
        {
          op: 'link.put',
          link: {
            id: 'l',
            from: 'x',
            to: 'y',
            relation: 'supports',
            note: '',
            reviewer: '',
            created: '2024-01-01T00:00:00Z',
            modified: '2024-01-01T00:00:00Z',
          },
        },
      ],
      'Link',
    );
    expect(r.ok).toBe(false);
    expect(controller.session.links).toHaveLength(0);
    expect(controller.undoLabel).toBeNull();
  });
});

describe('SessionController and changes the host made (team sync, resolution, merge)', () => {
  it('shows a host change under an edit not saved yet, and the edit still saves on top', async () => {
    const { host, controller, mark } = setup();
    const mine = mark('Russian');
    expect(controller.apply(mine.ops, 'Mark claim').ok).toBe(true);
    // A colleague's annotation arrives: the host applied it before our edit reached it.
    const theirs = mark('intelligence');
    const r = applyOps(host.session, theirs.ops, new Date().toISOString());
    if (!r.ok) throw new Error(r.problems.join(' '));
    host.session = r.session;
    host.revision++;
    expect(controller.applyHost(theirs.ops, host.revision).ok).toBe(true);
    const ids = () => controller.session.annotations.map((a) => a.id).sort();
    expect(ids()).toEqual([mine.id, theirs.id].sort());
    await idle(controller);
    expect(controller.save.state).toBe('saved');
    expect(host.session.annotations.map((a) => a.id).sort()).toEqual(ids());
    expect(controller.undoLabel).toBe('Mark claim'); // a colleague's change is not ours to undo
  });

  it('makes a labelled host change undoable, and asks before editing when a guard says so', async () => {
    const { host, controller, mark } = setup();
    const settled = mark('Russian');
    const r = applyOps(host.session, settled.ops, new Date().toISOString());
    if (!r.ok) throw new Error(r.problems.join(' '));
    host.session = r.session;
    host.revision++;
    controller.applyHost(settled.ops, host.revision, 'Settle verdict');
    expect(controller.undoLabel).toBe('Settle verdict');
    controller.setEditGuard(() => 'Approved: confirm first.');
    expect(controller.undo()).toEqual({ ok: false, message: 'Approved: confirm first.' });
    expect(controller.apply(mark('intelligence').ops, 'Mark claim')).toEqual({
      ok: false,
      message: 'Approved: confirm first.',
    });
    controller.setEditGuard(null);
    expect(controller.undo()).toMatchObject({ ok: true, label: 'Settle verdict' });
    expect(controller.apply(mark('intelligence').ops, 'Mark claim').ok).toBe(true);
    await idle(controller);
    expect(host.session.annotations.map((a) => a.id)).not.toContain(settled.id);
  });
});
