/**
 * Migrations, each on a fixture of the older version. There is no released older format: the
 * v0 fixture is the pre-release draft shape defined in `migrations.ts`, there to prove the
 * mechanism (registry → validation → save with the original kept as the backup).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS, migrateToCurrent, openSessionStore } from '../../../../electron/service/store';
import type { Session } from '../../../../shared/model/session';
import { SCHEMA_VERSION } from '../../../../shared/model/session-schema';
import { validateSession } from '../../../../shared/session/validate-session';
import { makeSession } from '../../../helpers/session-fixtures';

/** A v0 (pre-release draft) file made from a current session: no revision, no view, reviewer at the top. */
function v0Fixture(s: Session): Record<string, unknown> {
  const { revision: _r, view: _v, settings, ...rest } = s;
  const { reviewer, ...otherSettings } = settings;
  return { ...rest, schemaVersion: 0, reviewer, settings: otherSettings };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fcw-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations', () => {
  it('chain from every registered version up to the current one', () => {
    const versions = new Set(MIGRATIONS.map((m) => m.from));
    for (let v = 0; v < SCHEMA_VERSION; v++)
      expect(versions.has(v), `migration from ${v}`).toBe(true);
    for (const m of MIGRATIONS) expect(m.to).toBe(m.from + 1);
  });

  it('0 → 1 turns the v0 fixture into a valid current session', () => {
    const s = makeSession({ annotations: 4 });
    s.settings.reviewer = 'Ana';
    const out = migrateToCurrent(v0Fixture(s));
    expect(out.kind).toBe('current');
    if (out.kind !== 'current') return;
    expect(out.migratedFrom).toBe(0);
    const v = validateSession(out.data);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.value.settings.reviewer).toBe('Ana');
    expect(v.value.revision).toBe(0);
    expect(v.value.view).toEqual({ openArticleId: s.articles[0]!.id, scroll: {} });
    expect({ ...v.value, view: s.view }).toEqual(s);
  });

  it('refuses unknown, missing and newer versions with a reason', () => {
    expect(migrateToCurrent({ name: 'x' })).toEqual({
      kind: 'failed',
      problem: 'it has no schemaVersion',
    });
    expect(migrateToCurrent({ schemaVersion: 'one' }).kind).toBe('failed');
    expect(migrateToCurrent({ schemaVersion: -1 }).kind).toBe('failed');
    expect(migrateToCurrent({ schemaVersion: SCHEMA_VERSION + 1 })).toEqual({
      kind: 'newer',
      version: SCHEMA_VERSION + 1,
    });
    expect(migrateToCurrent([1, 2]).kind).toBe('failed');
  });

  it('the store opens a v0 file, says so, and saves it as v1 keeping the original as the backup', async () => {
    const s = makeSession({ id: 'old-one', annotations: 2 });
    const original = JSON.stringify(v0Fixture(s));
    mkdirSync(path.join(dir, 'sessions'), { recursive: true });
    const file = path.join(dir, 'sessions', 'old-one.json');
    writeFileSync(file, original);
    const store = await openSessionStore({ dataDir: dir });
    const r = await store.open('old-one');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.notice).toMatch(/older format \(0\).*upgraded/);
    expect((await store.apply('old-one', 0, [{ op: 'session.rename', name: 'Upgraded' }])).ok).toBe(
      true,
    );
    await store.close();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Session;
    expect(saved.schemaVersion).toBe(1);
    expect(saved.name).toBe('Upgraded');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(original);
  });
});
