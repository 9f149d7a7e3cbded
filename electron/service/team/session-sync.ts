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
 * Scheduling: an edit syncs after a short debounce; a change on the server
 * is announced by its live `_changes` feed (change-feed.ts) and pulled at
 * once; as a safety net an idle session is also pulled every `pollMs`. An
 * unreachable server (or a feed that stops) is retried with exponential
 * backoff (the state says "offline, N changes waiting"), and the feed is
 * started again after the next good sync; a refusal (wrong credentials, no
 * access) is an error in words, retried slowly. Operations on one session
 * run one at a time (`run`).
 */
import type { TeamSessionInfo, TeamSyncState } from '../../../shared/api/team-types';
import type { Session } from '../../../shared/model/session';
import type { SessionOp } from '../../../shared/session/op-schema';
import { diffSharedSession } from '../../../shared/team/session-diff';
import { recordSession, type Recorded } from '../../../shared/team/record-changes';
import { showState, type TeamView } from '../../../shared/team/team-session';
import { exportInfoOf, teamInfoOf } from '../../../shared/team/team-info';
import type { TeamFileInfo } from '../../../shared/team/team-file';
import { mergeStates, type ChangeContext, type TeamState } from '../../../shared/team/team-state';
import type { ApiResult } from '../../../shared/api/contract';
import type { SessionStore } from '../store';
import { KeyedQueue } from '../store/keyed-queue';
import { TeamSyncError, type CouchCredentials } from './couch-access';
import type { RetryPolicy, SyncOutcome } from './team-sync';
import type { Watch } from './change-feed';
import { FeedKeeper } from './feed-keeper';
import type { TeamExportInfo } from '../../../shared/interchange/team-export';

/** Timing of live sync (tests shorten it). */
export interface SyncTiming {
  /** Wait after an edit before syncing. */
  debounceMs: number;
  /** Wait after the server's feed announces a change before pulling (to take several at once). */
  feedDebounceMs: number;
  /** Pull an idle session this often even when the feed says nothing (a safety net). */
  pollMs: number;
  /** Backoff after a failed sync: first wait, and the longest. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Tries within one sync (each with PouchDB's own retry), before the loop's backoff takes over. */
  retry: RetryPolicy;
}

export const DEFAULT_TIMING: SyncTiming = {
  debounceMs: 400,
  feedDebounceMs: 50,
  pollMs: 60_000,
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
  sync(state: TeamState, remote: string, since?: number | string): Promise<SyncOutcome>;
  /** Watch the team database's changes feed for this session (change-feed.ts). */
  watch(
    remote: string,
    sessionId: string,
    handlers: {
      since?: number | string;
      onChange(id: string, revs: string[]): void;
      onError(err: TeamSyncError): void;
    },
  ): Promise<Watch>;
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
  /** The server's live changes feed (started after a good sync, again after it stops). */
  private readonly feed: FeedKeeper;
  private readonly queue = new KeyedQueue();

  constructor(
    readonly id: string,
    private state: TeamState,
    private info: TeamFileInfo,
    private readonly deps: SessionSyncDeps,
  ) {
    this.sync = info.remote ? { kind: 'syncing' } : { kind: 'local' };
    // A stopped feed: sync after the backoff (it says "offline" if the server is gone, and
    // starts a new feed when it is back).
    this.feed = new FeedKeeper({
      backoffMs: deps.timing.backoffMs,
      maxBackoffMs: deps.timing.maxBackoffMs,
      onStopped: (wait) => this.schedule(wait),
    });
    if (info.remote) this.schedule(0);
  }

  get remote(): string | null {
    return this.info.remote ?? null;
  }

  /** Run `task` after every earlier operation on this session. */
  run<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run('s', task);
  }

  /**
   * The state shown over a stored session, kept for the state and the session's revision it
   * was made for: the sync state's announcements and a sync's merge reuse it (materializing a
   * session of 10,000 annotations is not free).
   */
  private shown: { state: TeamState; revision: number; view: TeamView } | null = null;

  private view(state: TeamState, session: Session): TeamView | string {
    const c = this.shown;
    if (c && c.state === state && c.revision === session.revision) return c.view;
    const v = showState(state, session);
    if (typeof v !== 'string') this.shown = { state, revision: session.revision, view: v };
    return v;
  }

  /** The revision of the stored session whose edits `state` holds (all recorded up to it). */
  private recordedRevision = -1;

  /** The team info now (materializes the state over the stored session). */
  async describe(): Promise<TeamSessionInfo> {
    const opened = await this.deps.store.open(this.id);
    if (!opened.ok) throw new TeamSyncError(opened.error.message, 'usage');
    const v = this.view(this.state, opened.value.session);
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

  /**
   * Record the stored session's unrecorded edits on the state (and keep it on disk unless
   * `keep` is false: a sync about to change the state writes it then; until written, the
   * edits are still in the stored session and would be recorded again).
   */
  async record(keep = true): Promise<void> {
    const opened = await this.deps.store.open(this.id);
    if (!opened.ok) return;
    const session = opened.value.session;
    if (session.revision === this.recordedRevision) return;
    const r = recordSession(this.state, session, await this.deps.context());
    if (!r.ok) throw new TeamSyncError(r.problem, 'refused-data');
    this.recordedRevision = session.revision;
    if (!r.changed.length) return;
    this.state = r.state;
    if (keep) await this.deps.persist(this.state, session, this.info);
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
    let after: TeamView | null = null;
    const r = await this.deps.store.applyHostChange(this.id, (session) => {
      const rec: Recorded =
        session.revision === this.recordedRevision
          ? { ok: true, state: this.state, changed: [] }
          : recordSession(this.state, session, ctx);
      if (!rec.ok) return rec.problem;
      const view = this.view(rec.state, session);
      if (typeof view === 'string') return view;
      const out = change(rec.state, view.shown.session);
      if ('ok' in out && !out.ok) return out.problem;
      const state = 'ok' in out ? out.state : out;
      const v: TeamView | string = state === rec.state ? view : showState(state, session);
      if (typeof v === 'string') return v;
      next = state;
      shown = session;
      after = v;
      return diffSharedSession(session, v.shown.session);
    });
    if (!r.ok) return r;
    this.state = next!;
    // The session now is what the new state shows: recorded up to its new revision.
    this.recordedRevision = r.value.revision;
    if (after)
      this.shown = { state: this.state, revision: r.value.revision, view: after as TeamView };
    await this.deps.persist(this.state, shown!, this.info);
    if (r.value.ops.length) this.deps.hostChanged(this.id, r.value.revision, r.value.ops);
    // What changed here goes to the team soon (a sync's own merge leaves nothing waiting).
    if (this.info.remote && this.state.dirty.size > 0) this.schedule(0);
    await this.announce();
    return r;
  }

  /** Start syncing with a team database (after sharing or opening a team session). */
  async attach(remote: string): Promise<void> {
    // Another database than before: its update sequence means nothing here, pull from the start.
    const other = this.info.remote !== undefined && this.info.remote !== remote;
    if (other) this.feed.stop();
    this.info = other ? { remote, syncedAt: this.info.syncedAt } : { ...this.info, remote };
    const opened = await this.deps.store.open(this.id);
    if (opened.ok) await this.deps.persist(this.state, opened.value.session, this.info);
    this.setSync({ kind: 'syncing' });
    this.syncSoon();
  }

  private async syncOnce(): Promise<void> {
    if (this.closed || !this.info.remote) return;
    const t = this.deps.timing;
    try {
      await this.record(false);
      this.setSync({ kind: 'syncing' });
      const out = await this.deps.sync(this.state, this.info.remote, this.info.since);
      // The next pull starts at the new `since`, kept with the merged state (change() writes both).
      const before = this.info;
      this.info = { ...this.info, syncedAt: new Date().toISOString(), since: out.since };
      const applied = await this.change((mine) => mergeStates(out.state, mine));
      if (!applied.ok) {
        this.info = before;
        throw new TeamSyncError(applied.error.message, 'refused-data');
      }
      this.refused = out.refused;
      this.failures = 0;
      const waiting = this.state.dirty.size;
      this.setSync({ kind: 'synced', at: this.info.syncedAt! });
      this.startFeed();
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

  /** Start the live feed if it is not running (after a good sync). */
  private startFeed(): void {
    const remote = this.info.remote;
    if (this.closed || !remote) return;
    this.feed.start((onError) =>
      this.deps.watch(remote, this.id, {
        since: this.info.since,
        onChange: (id, revs) => {
          const mine = this.state.docs.get(id)?._rev;
          if (mine && revs.length === 1 && revs[0] === mine) return; // our own push coming back
          this.schedule(this.deps.timing.feedDebounceMs);
        },
        onError,
      }),
    );
  }

  /** The team side of the session for its exports (status, reviewers, who made what). */
  async exportInfo(): Promise<TeamExportInfo> {
    const opened = await this.deps.store.open(this.id);
    if (!opened.ok) throw new TeamSyncError(opened.error.message, 'usage');
    const v = showState(this.state, opened.value.session);
    if (typeof v === 'string') throw new TeamSyncError(v, 'refused-data');
    return exportInfoOf(v.shown);
  }

  close(): void {
    this.closed = true;
    this.feed.stop();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The state (for the history view and tests). */
  get teamState(): TeamState {
    return this.state;
  }
}
