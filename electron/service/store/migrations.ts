/**
 * Session file migrations, driven by `schemaVersion`.
 *
 * Each {@link Migration} lifts a parsed file from one version to the next; {@link migrateToCurrent}
 * chains them up to {@link SCHEMA_VERSION}. The result is then validated as a current file, so a
 * migration only has to reshape, never to check.
 *
 * Honest note: no older version of the format has been released. Version 0 below is the
 * pre-release draft shape (no `revision`, no `view`, the reviewer name at the top level) and
 * exists so that the mechanism is exercised end to end by a test fixture before the first real
 * migration is needed. When format 2 arrives, add `{ from: 1, to: 2, … }` with a fixture of a
 * real version-1 file.
 */
import { SCHEMA_VERSION } from '../../../shared/model/session-schema';

export interface Migration {
  from: number;
  to: number;
  /** What changed, for the notice shown after a migration. */
  describe: string;
  /** Reshape a parsed file of version `from` into version `to`. Throws on a shape it cannot read. */
  migrate(data: Record<string, unknown>): Record<string, unknown>;
}

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    to: 1,
    describe:
      'added the revision counter and the saved view, and moved the reviewer name into the settings',
    migrate(data) {
      const { reviewer, settings, ...rest } = data;
      const articles = Array.isArray(data.articles) ? data.articles : [];
      const first = articles[0] as { id?: unknown } | undefined;
      return {
        ...rest,
        schemaVersion: 1,
        revision: 0,
        settings: {
          ...(isRecord(settings) ? settings : {}),
          reviewer: typeof reviewer === 'string' ? reviewer : '',
        },
        view: { openArticleId: typeof first?.id === 'string' ? first.id : null, scroll: {} },
      };
    },
  },
];

export type MigrationOutcome =
  | { kind: 'current'; data: Record<string, unknown>; migratedFrom: number | null }
  | { kind: 'newer'; version: number }
  | { kind: 'failed'; problem: string };

/**
 * Bring a parsed session file to the current version. Never throws: an unknown or missing
 * version, or a migration that fails, comes back as `failed` with a sentence; a version newer
 * than this build reads comes back as `newer`.
 */
export function migrateToCurrent(
  data: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrationOutcome {
  if (!isRecord(data)) return { kind: 'failed', problem: 'it does not hold a session object' };
  const version = data.schemaVersion;
  if (version === undefined) return { kind: 'failed', problem: 'it has no schemaVersion' };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return {
      kind: 'failed',
      problem: `its schemaVersion (${JSON.stringify(version)?.slice(0, 40)}) is not a version number`,
    };
  }
  if (version > SCHEMA_VERSION) return { kind: 'newer', version };
  let current: Record<string, unknown> = data;
  let v = version;
  while (v < SCHEMA_VERSION) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { kind: 'failed', problem: `no migration is known from format ${v}` };
    try {
      current = step.migrate(current);
    } catch (e) {
      return {
        kind: 'failed',
        problem: `migrating it from format ${v} failed (${(e as Error).message})`,
      };
    }
    v = step.to;
  }
  return {
    kind: 'current',
    data: current,
    migratedFrom: version === SCHEMA_VERSION ? null : version,
  };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
