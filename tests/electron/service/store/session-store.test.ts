import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSessionStore, type SessionStore } from '../../../../electron/service/store';
import { validateSession } from '../../../../shared/session/validate-session';
import {
  makeAnnotation,
  makeSession,
  seedText,
  makeArticle,
} from '../../../helpers/session-fixtures';
import type { Session } from '../../../../shared/model/session';

let dir: string;
let store: SessionStore;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fcw-store-'));
  store = await openSessionStore({ dataDir: dir, compactAfterMs: 60_000 });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function unwrap<T>(
  r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function readFileSession(id: string): Session {
  return JSON.parse(readFileSync(path.join(dir, 'sessions', `${id}.json`), 'utf8')) as Session;
}

describe('session store on real lowdb files', () => {
  it('creates a session as a validated JSON file carrying schemaVersion', async () => {
    const s = makeSession({ annotations: 5, name: 'First' });
    const opened = unwrap(await store.create(s));
    expect(opened.readOnly).toBe(false);
    expect(opened.recovery).toBeNull();
    const onDisk = readFileSession(s.id);
    expect(onDisk.schemaVersion).toBe(1);
    expect(validateSession(onDisk).ok).toBe(true);
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(s)));
    expect(store.has(s.id)).toBe(true);
    expect(store.has('nope')).toBe(false);
  });

  it('refuses a second create with the same id, and an invalid session', async () => {
    const s = makeSession();
    unwrap(await store.create(s));
    const again = await store.create(s);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('conflict');
    const bad = makeSession();
    bad.annotations = [
      { ...makeAnnotation(bad.articles[0]!, 0, 10), note: 5 as unknown as string },
    ];
    const r = await store.create(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid-request');
    expect(existsSync(path.join(dir, 'sessions', `${bad.id}.json`))).toBe(false);
  });

  it('lists sessions most recently changed first', async () => {
    const a = makeSession({ name: 'Older' });
    const b = makeSession({ name: 'Newer' });
    unwrap(await store.create(a));
    unwrap(await store.create(b));
    // Change A last: it becomes the most recent.
    unwrap(await store.apply(b.id, 0, [{ op: 'session.rename', name: 'Newer (edited)' }]));
    await new Promise((r) => setTimeout(r, 5));
    unwrap(await store.apply(a.id, 0, [{ op: 'session.rename', name: 'Older (edited last)' }]));
    const list = await store.list();
    expect(list.map((x) => x.name)).toEqual(['Older (edited last)', 'Newer (edited)']);
    expect(list[0]).toMatchObject({ status: 'ok', annotationCount: 0, recoveryAvailable: false });
  });

  it('reopens a session exactly after the store is closed and opened again', async () => {
    const s = makeSession({ annotations: 20, links: 5 });
    unwrap(await store.create(s));
    const article = s.articles[0]!;
    const extra = makeAnnotation(article, 100, 140, {
      id: 'extra',
      note: 'Added later',
      time: '2024-06-01T00:00:00.000Z',
    });
    const r = unwrap(
      await store.apply(s.id, 0, [
        { op: 'annotation.put', annotation: extra },
        { op: 'view.put', view: { openArticleId: article.id, scroll: { [article.id]: 420 } } },
      ]),
    );
    expect(r.revision).toBe(1);
    const before = unwrap(await store.open(s.id)).session;
    await store.close();
    // A clean close compacts and removes the emptied journal.
    expect(existsSync(path.join(dir, 'sessions', `${s.id}.journal`))).toBe(false);
    expect(readFileSession(s.id).revision).toBe(1);
    store = await openSessionStore({ dataDir: dir });
    const again = unwrap(await store.open(s.id));
    expect(again.recovery).toBeNull();
    expect(again.session).toEqual(before);
    expect(again.session.annotations.find((a) => a.id === 'extra')?.note).toBe('Added later');
    expect(again.session.view.scroll[article.id]).toBe(420);
  });

  it('renames a session and keeps the new name on disk', async () => {
    const s = makeSession({ name: 'Draft' });
    unwrap(await store.create(s));
    const summary = unwrap(await store.rename(s.id, '  Final review  '));
    expect(summary.name).toBe('Final review');
    await store.flush(s.id);
    expect(readFileSession(s.id).name).toBe('Final review');
    expect(readFileSession(s.id).revision).toBe(1);
  });

  it('archives a session: its files move to archive/, nothing is erased', async () => {
    const s = makeSession({ annotations: 3 });
    unwrap(await store.create(s));
    unwrap(await store.apply(s.id, 0, [{ op: 'session.rename', name: 'To archive' }]));
    const { archivedAs } = unwrap(await store.archive(s.id));
    expect(path.dirname(archivedAs)).toBe(path.join(dir, 'archive'));
    expect(existsSync(path.join(dir, 'sessions', `${s.id}.json`))).toBe(false);
    const archived = JSON.parse(readFileSync(archivedAs, 'utf8')) as Session;
    expect(archived.name).toBe('To archive'); // the pending change was saved before the move
    expect(readdirSync(path.join(dir, 'archive')).some((n) => n.endsWith('.json.bak'))).toBe(true);
    expect((await store.list()).map((x) => x.id)).not.toContain(s.id);
    expect(store.has(s.id)).toBe(false);
    const reopen = await store.open(s.id);
    expect(reopen.ok).toBe(false);
  });

  it('refuses a batch made on a stale revision with a conflict', async () => {
    const s = makeSession();
    unwrap(await store.create(s));
    unwrap(await store.apply(s.id, 0, [{ op: 'session.rename', name: 'One' }]));
    const stale = await store.apply(s.id, 0, [{ op: 'session.rename', name: 'Two' }]);
    expect(stale.ok).toBe(false);
    if (!stale.ok) {
      expect(stale.error.code).toBe('conflict');
      expect(stale.error.message).toMatch(/changed elsewhere/);
    }
  });

  it('refuses a batch that breaks integrity, leaving the session unchanged', async () => {
    const s = makeSession({ text: seedText() });
    unwrap(await store.create(s));
    const a = makeAnnotation(s.articles[0]!, 10, 20);
    const wrong = {
      ...a,
      target: { ...a.target, quote: { ...a.target.quote, exact: 'not the text' } },
    };
    const r = await store.apply(s.id, 0, [{ op: 'annotation.put', annotation: wrong }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid-request');
    expect(unwrap(await store.open(s.id)).session.revision).toBe(0);
  });

  it('replaces a session, keeping the old file as the backup', async () => {
    const s = makeSession({ annotations: 2, name: 'Original' });
    unwrap(await store.create(s));
    const other = { ...makeSession({ annotations: 4, name: 'Replacement' }), id: s.id };
    const r = unwrap(await store.replace(other));
    expect(r.session.name).toBe('Replacement');
    expect(readFileSession(s.id).name).toBe('Replacement');
    const bak = JSON.parse(
      readFileSync(path.join(dir, 'sessions', `${s.id}.json.bak`), 'utf8'),
    ) as Session;
    expect(bak.name).toBe('Original');
  });

  it('replace saves unsaved edits into the backup and leaves no batch to replay onto the new content', async () => {
    const s = makeSession({ name: 'Original' });
    unwrap(await store.create(s));
    for (let rev = 0; rev < 3; rev++)
      unwrap(await store.apply(s.id, rev, [{ op: 'session.rename', name: `Edit ${rev}` }]));
    unwrap(await store.replace({ ...makeSession({ name: 'Replacement' }), id: s.id }));
    const bak = JSON.parse(
      readFileSync(path.join(dir, 'sessions', `${s.id}.json.bak`), 'utf8'),
    ) as Session;
    expect(bak).toMatchObject({ name: 'Edit 2', revision: 3 });
    expect(readFileSync(path.join(dir, 'sessions', `${s.id}.journal`), 'utf8')).toBe('');
    // As after a crash right now: a second store sees the replacement and nothing to recover.
    const other = await openSessionStore({ dataDir: dir });
    const reopened = unwrap(await other.open(s.id));
    expect(reopened.recovery).toBeNull();
    expect(reopened.session.name).toBe('Replacement');
  });

  it('accepts a second article through an op and validates it through ProseMirror', async () => {
    const s = makeSession();
    unwrap(await store.create(s));
    const second = makeArticle('Second article.\n\nWith two paragraphs.', 'second.txt', 'second');
    unwrap(await store.apply(s.id, 0, [{ op: 'article.put', article: second }]));
    const broken = { ...makeArticle('Third.', 'third.txt', 'third'), sha256: '0'.repeat(64) };
    const r = await store.apply(s.id, 1, [{ op: 'article.put', article: broken }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/SHA-256/);
  });
});
