/**
 * One tracked session's team state in the running service, and its live
 * sync: local edits are recorded as field assignments (record-changes.ts),
 * pushed and pulled with PouchDB replication (team-sync.ts), and what
 * arrived is applied to the local session as a host change (the store's
 * `applyHostChange`), which the page receives as a `session.changed` event.
 *
 * Invariant: the local session = what `state` shows + edits not recorded
 * yet. So recording diffs the session against `state`; a merge first records
 * the session's latest edits on `state`, then joins that with what the
 * server gave (concurrent changes to one field become a disagreement, never
 * a silent overwrite), and applies the difference. That last step runs in
 * the store's per-session queue, so no edit slips between the look and the
 * change.
 *
 * Scheduling: an edit syncs after a short debounce; an idle session is
 * pulled every `pollMs`; an unreachable server is retried with exponential
 * backoff (the state says "offline, N changes waiting"); a refusal (wrong
 * credentials, no access) is an error in words, retried slowly. Operations on
 * one session run one at a time (`run`).
 */
import type { TeamSessionInfo, TeamSyncState } from '../../../shared/api/team-types';
import type { Session } from '../../../shared/model/session';
import type { SessionOp } from '../../../shared/session/op-schema';
import { diffSharedSession } from '../../../shared/team/session-diff';
import { recordSession, type Recorded } from '../../../shared/team/record-changes';
import { showState, type TeamView } from '../../../shared/team/team-session';
import { teamInfoOf } from '../../../shared/team/team-info';
import type { TeamFileInfo } from '../../../shared/team/team-file';
import { mergeStates, type ChangeContext, type TeamState } from '../../../shared/team/team-state';
import type { ApiResult } from '../../../shared/api/contract';
import type { SessionStore } from '../store';
import { KeyedQueue } from '../store/keyed-queue';
import { TeamSyncError, type CouchCredentials } from './couch-access';
import type { RetryPolicy, SyncOutcome } from './team-sync';

/** Timing of live sync (tests shorten it). */
export interface SyncTiming {
  /** Wait after an edit before syncing. */
  debounceMs: number;
  /** Pull an idle session this often. */
  pollMs: number;
  /** Backoff after a failed sync: first wait, and the longest. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Tries within one sync (each with PouchDB's own retry), before the loop's backoff takes over. */
  retry: RetryPolicy;
}

export const DEFAULT_TIMING: SyncTiming = {
  debounceMs: 400,
  pollMs: 5_000,
  backoffMs: 1_000,
  maxBackoffMs: 60_000,
  retry: { attempts: 2, baseDelayMs: 300, maxDelayMs: 1_000 },
};

/** What a tracked session needs from the service around it. */
export interface SessionSyncDeps {
  store: SessionStore;
  timing: SyncTiming;
  context(): Promise<ChangeContext>;
  /** Run one sync of a state with the connected team database (throws TeamSyncError). */
  sync(state: TeamState, remote: string): Promise<SyncOutcome>;
  persist(state: TeamState, session: Session, info: TeamFileInfo): Promise<void>;
  changed(id: string, info: TeamSessionInfo): void;
  hostChanged(id: string, revision: number, ops: SessionOp[]): void;
}

export type { CouchCredentials };

export class SessionSync {
  private sync: TeamSyncState;
  private refused: string[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dueAt = Infinity;
  private failures = 0;
  private closed = false;
  private readonly queue = new KeyedQueue();

  constructor(
    readonly id: string,
    private state: TeamState,
    private info: TeamFileInfo,
    private readonly deps: SessionSyncDeps,
  ) {
    this.sync = info.remote ? { kind: 'syncing' } : { kind: 'local' };
    if (info.remote) this.schedule(0);
  }

  get remote(): string | null {
    return this.info.remote ?? null;
  }

  /** Run `task` after every earlier operation on this session. */
  run<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run('s', task);
  }

  /** The team info now (materializes the state over the stored session). */
  async describe(): Promise<TeamSessionInfo> {
    const opened = await this.deps.store.open(this.id);
    if (!opened.ok) throw new TeamSyncError(opened.error.message, 'usage');
    const v = showState(this.state, opened.value.session);
    if (typeof v === 'string') throw new TeamSyncError(v, 'refused-data');
    return { ...teamInfoOf(v.shown, this.remote, this.refused), sync: this.sync };
  }

  private async announce(): Promise<void> {
    const info = await this.describe().catch(() => null);
    if (info) this.deps.changed(this.id, info);
  }

  private setSync(s: TeamSyncState): void {
    this.sync = s;
    void this.announce();
  }

  /** A local edit was saved: record and sync it soon. */
  edited(): void {
    if (this.info.remote) this.schedule(this.deps.timing.debounceMs);
    else void this.run(() => this.record()).catch(() => undefined); // shown by describe() later
  }

  /** Sync as soon as possible. */
  syncSoon(): void {
    this.failures = 0;
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.closed || !this.info.remote) return;
    const due = Date.now() + ms;
    if (this.timer && this.dueAt <= due) return;
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.dueAt = Infinity;
      void this.run(() => this.syncOnce());
    }, ms);
    this.timer.unref?.();
  }

  /** Record the stored session's unrecorded edits on the state (and keep it on disk). */
  async record(): Promise<void> {
    const opened = await this.deps.store.open(this.id);
    if (!opened.ok) return;
    const r = recordSession(this.state, opened.value.session, await this.deps.context());
    if (!r.ok) throw new TeamSyncError(r.problem, 'refused-data');
    if (!r.changed.length) return;
    this.state = r.state;
    await this.deps.persist(this.state, opened.value.session, this.info);
    await this.announce();
  }

  /**
   * Change the state with `change` (a resolution, a status, a file merge) over the stored
   * session with its edits recorded, then bring the session in line: returns the ops applied.
   */
  async change(
    change: (state: TeamState, session: Session) => Recorded | TeamState,
  ): Promise<ApiResult<{ revision: number; ops: SessionOp[] }>> {
    const ctx = await this.deps.context();
    let next: TeamState | null = null;
    let shown: Session | null = null;
    const r = await this.deps.store.applyHostChange(this.id, (session) => {
      const rec = recordSession(this.state, session, ctx);
      if (!rec.ok) return rec.problem;
      const view = showState(rec.state, session);
      if (typeof view === 'string') return view;
      const out = change(rec.state, view.shown.session);
      if ('ok' in out && !out.ok) return out.problem;
      const state = 'ok' in out ? out.state : out;
      const v: TeamView | string = showState(state, session);
      if (typeof v === 'string') return v;
      next = state;
      shown = session;
      return diffSharedSession(session, v.shown.session);
    });
    if (!r.ok) return r;
    this.state = next!;
    await this.deps.persist(this.state, shown!, this.info);
    if (r.value.ops.length) this.deps.hostChanged(this.id, r.value.revision, r.value.ops);
    if (this.info.remote) this.schedule(0);
    await this.announce();
    return r;
  }

  /** Start syncing with a team database (after sharing or opening a team session). */
  async attach(remote: string): Promise<void> {
    this.info = { ...this.info, remote };
    const opened = await this.deps.store.open(this.id);
    if (opened.ok) await this.deps.persist(this.state, opened.value.session, this.info);
    this.setSync({ kind: 'syncing' });
    this.syncSoon();
  }

  private async syncOnce(): Promise<void> {
    if (this.closed || !this.info.remote) return;
    const t = this.deps.timing;
    try {
      await this.record();
      this.setSync({ kind: 'syncing' });
      const out = await this.deps.sync(this.state, this.info.remote);
      const applied = await this.change((mine) => mergeStates(out.state, mine));
      if (!applied.ok) throw new TeamSyncError(applied.error.message, 'refused-data');
      this.refused = out.refused;
      this.info = { ...this.info, syncedAt: new Date().toISOString() };
      this.failures = 0;
      const waiting = this.state.dirty.size;
      this.setSync({ kind: 'synced', at: this.info.syncedAt! });
      this.schedule(waiting ? 0 : t.pollMs);
    } catch (err) {
      if (this.closed) return;
      const e =
        err instanceof TeamSyncError ? err : new TeamSyncError((err as Error).message, 'server');
      this.failures++;
      const waiting = this.state.dirty.size;
      if (e.kind === 'unreachable') {
        const wait = Math.min(t.backoffMs * 2 ** (this.failures - 1), t.maxBackoffMs);
        this.setSync({ kind: 'offline', waiting, reason: e.message, retryInMs: wait });
        this.schedule(wait);
      } else {
        this.setSync({ kind: 'error', waiting, reason: e.message });
        this.schedule(t.maxBackoffMs);
      }
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The state (for the history view and tests). */
  get teamState(): TeamState {
    return this.state;
  }
}
