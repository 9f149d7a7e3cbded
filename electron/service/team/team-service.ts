/**
 * The `team.*` methods of the API (and `sessions.mergeFile`): the reviewer's
 * identity, the connection to a team database, the team's sessions, sharing
 * and opening one, and for each tracked session its live sync
 * ({@link SessionSync}), disagreements, resolutions, status and history.
 *
 * The renderer never talks to the team server: everything goes through
 * here, with PouchDB replication underneath (team-sync.ts) and the server's
 * changes feed telling when to pull (change-feed.ts). The parts:
 * connection-handlers.ts (identity, connection, the team's sessions),
 * session-handlers.ts (one session's methods), session-tracker.ts (the
 * tracked sessions). Credentials are kept by {@link TeamFiles} and appear in
 * no answer, event or message.
 */
import type { ApiMethod, ApiRequest, ApiResponses, ApiResult } from '../../../shared/api/contract';
import type { TeamSessionInfo } from '../../../shared/api/team-types';
import type { SessionOp } from '../../../shared/session/op-schema';
import type { TeamExportInfo } from '../../../shared/interchange/team-export';
import type { SessionStore } from '../store';
import { TeamFiles, type SecretBox } from './team-files';
import { DEFAULT_TIMING, type SyncTiming } from './session-sync';
import { SessionTracker } from './session-tracker';
import { connectionHandlers } from './connection-handlers';
import { sessionHandlers } from './session-handlers';

type TeamMethod = Extract<ApiMethod, `team.${string}`> | 'sessions.mergeFile';
export type TeamHandlers = {
  [M in TeamMethod]: (req: ApiRequest<M>) => Promise<ApiResult<ApiResponses[M]>>;
};

export interface TeamServiceOptions {
  dataDir: string;
  store: SessionStore;
  clock: () => string;
  secrets?: SecretBox;
  timing?: Partial<SyncTiming>;
  onInfo(id: string, info: TeamSessionInfo): void;
  onHostChange(id: string, revision: number, ops: SessionOp[]): void;
}

export interface TeamService {
  handlers: TeamHandlers;
  /** A batch was saved to a session: record it for the team (if the session is tracked). */
  edited(id: string): void;
  /** The team side of a session for its exports (null when the session is not tracked). */
  exportInfo(id: string): Promise<TeamExportInfo | null>;
  close(): Promise<void>;
}

export function createTeamService(opts: TeamServiceOptions): TeamService {
  const files = new TeamFiles(opts.dataDir, opts.secrets);
  const timing: SyncTiming = { ...DEFAULT_TIMING, ...opts.timing };
  const tracker = new SessionTracker({
    store: opts.store,
    files,
    timing,
    clock: opts.clock,
    onInfo: opts.onInfo,
    onHostChange: opts.onHostChange,
  });
  const handlers: TeamHandlers = {
    ...connectionHandlers(files, tracker, opts.store),
    ...sessionHandlers({ files, tracker, store: opts.store, timing, clock: opts.clock }),
  };
  return {
    handlers,
    edited(id) {
      void tracker.track(id).then((s) => s?.edited());
    },
    async exportInfo(id) {
      const s = await tracker.track(id);
      if (!s) return null;
      // The latest edits count: record them first (who changed what last).
      return s.run(async () => {
        await s.record();
        return s.exportInfo();
      });
    },
    close: () => tracker.close(),
  };
}
