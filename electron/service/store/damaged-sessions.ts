/**
 * Sessions that cannot be opened: files that failed validation (quarantined, renamed aside to
 * `<dataDir>/quarantine/`, never deleted) and files from a newer version that this build cannot
 * even show. They stay listed with the reason until restored from their `.bak` or archived.
 */
import type { ApiResult } from '../../../shared/api/contract';
import type { Session, SessionSummary } from '../../../shared/model/session';
import { SessionFileAdapter } from './session-file';
import type { SessionValidator } from './session-validator';
import type { StoreLayout } from './store-layout';
import { fail } from './store-errors';

export interface Damage {
  status: 'damaged' | 'read-only';
  /** Full sentences: what is wrong. */
  problem: string;
  quarantinedAs: string | null;
  at: string;
}

export class DamagedSessions {
  private readonly map = new Map<string, Damage>();

  constructor(
    private readonly layout: StoreLayout,
    private readonly validator: SessionValidator,
  ) {}

  get(id: string): Damage | undefined {
    return this.map.get(id);
  }
  has(id: string): boolean {
    return this.map.has(id);
  }
  delete(id: string): void {
    this.map.delete(id);
  }
  ids(): string[] {
    return [...this.map.keys()];
  }

  /** Learn the quarantined sessions that have no live file (at startup). */
  async scan(): Promise<void> {
    const live = new Set(await this.layout.sessionIds());
    for (const q of (await this.layout.quarantined()).values()) {
      if (!live.has(q.id))
        this.map.set(q.id, {
          status: 'damaged',
          problem: q.reason,
          quarantinedAs: q.file,
          at: q.at,
        });
    }
  }

  /** Record a newer-version file that cannot be shown; returns the sentence for the user. */
  markNewer(id: string, message: string): string {
    const problem = `${message} Update the app to open it; the file is left untouched.`;
    this.map.set(id, {
      status: 'read-only',
      problem,
      quarantinedAs: null,
      at: new Date().toISOString(),
    });
    return problem;
  }

  /** Move a file that failed validation aside and return the `damaged` error for it. */
  async quarantine(id: string, problem: string): Promise<ApiResult<never>> {
    const sentence = `The file ${problem}.`;
    let quarantinedAs: string | null = null;
    try {
      quarantinedAs = await this.layout.quarantine(id, sentence);
    } catch {
      // Could not move it (permissions): it stays where it is and is still never written.
    }
    const d: Damage = {
      status: 'damaged',
      problem: sentence,
      quarantinedAs,
      at: new Date().toISOString(),
    };
    this.map.set(id, d);
    return fail('damaged', await this.message(id, d));
  }

  /** The session's `.bak`, if it exists and is valid. */
  async readBackup(id: string): Promise<Session | null> {
    const adapter = new SessionFileAdapter(this.layout.backupFile(id), this.validator);
    try {
      const s = await adapter.read();
      return s && !adapter.info.readOnly && s.id === id ? s : null;
    } catch {
      return null;
    }
  }

  /** What opening a damaged session tells the user: what happened, where the file is, the backup. */
  async message(id: string, d: Damage): Promise<string> {
    if (d.status === 'read-only') return d.problem;
    const backup = await this.readBackup(id);
    const where = d.quarantinedAs
      ? ` It was moved to ${d.quarantinedAs}; nothing was deleted.`
      : ' It was left where it is and will not be written.';
    const offer = backup
      ? ` A valid backup saved at ${backup.updatedAt} can be restored.`
      : ' No valid backup was found.';
    return `This session could not be opened. ${d.problem}${where}${offer}`;
  }

  /** The session-list entry; names and counts come from the backup when there is one. */
  async summary(id: string, d: Damage): Promise<SessionSummary> {
    const backup = d.status === 'damaged' ? await this.readBackup(id) : null;
    return {
      id,
      name: backup?.name ?? `Damaged session ${id.slice(0, 8)}`,
      updatedAt: d.at,
      createdAt: backup?.createdAt ?? d.at,
      articleTitles: backup?.articles.map((a) => a.meta.title) ?? [],
      annotationCount: backup?.annotations.length ?? 0,
      linkCount: backup?.links.length ?? 0,
      status: d.status,
      problem:
        d.status === 'damaged' && d.quarantinedAs
          ? `${d.problem} It was moved to the quarantine folder.`
          : d.problem,
      backupAvailable: backup !== null,
      recoveryAvailable: false,
    };
  }
}
