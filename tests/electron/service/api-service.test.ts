// The API service itself, on a real data directory: every method the UI
// uses, refusals as values, and the app's exports byte-identical to the
// `factcheck` CLI's for the same session.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiService, type ApiService } from '../../../electron/service/api-service';
import type { ExportedFile, LibraryEntry, OpenedSession } from '../../../shared/api/contract';
import { EXPORT_FORMATS } from '../../../shared/api/contract';
import { describeRange } from '../../../shared/anchoring';
import { renderPortableSession } from '../../../shared/interchange/portable-session';
import type { Annotation } from '../../../shared/model/session';
import type { SessionOp } from '../../../shared/session/session-ops';
import { buildSeedReview, GENERATED_AT } from '../../helpers/seed-review';
import { b64, serviceCalls } from '../../helpers/service-calls';

const FIXED = '2017-05-20T08:00:00.000Z';
let dir: string;
let service: ApiService;

const { call } = serviceCalls(() => service);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fcw-service-'));
  service = await createApiService({
    dataDir: join(dir, 'data'),
    seedsDir: join(process.cwd(), 'seeds'),
    host: 'browser',
    version: 'test',
    clock: () => FIXED,
  });
});
afterAll(async () => {
  await service?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the API service', () => {
  it('lists the seed in the library and imports files and pasted text', async () => {
    const before = await call<LibraryEntry[]>('library.list', {});
    expect(before[0]).toMatchObject({ origin: 'seed', meta: { date: '2017-05-17' } });
    const file = await call<LibraryEntry>('library.importFile', {
      fileName: 'note.md',
      base64: b64('# A head\n\nBody text.'),
    });
    expect(file).toMatchObject({
      origin: 'imported',
      format: 'markdown',
      meta: { title: 'A head' },
    });
    const pasted = await call<LibraryEntry>('library.importPasted', {
      kind: 'html',
      content: '<p onclick="x()">Pasted <b>words</b></p><script>x()</script>',
    });
    expect(pasted.format).toBe('html');
    const after = await call<LibraryEntry[]>('library.list', {});
    expect(after.map((e) => e.id)).toEqual(expect.arrayContaining([file.id, pasted.id]));
  });

  it('refuses bad imports with a sentence and imports nothing', async () => {
    const count = (await call<LibraryEntry[]>('library.list', {})).length;
    for (const [fileName, base64, code] of [
      ['empty.txt', '', 'invalid-request'],
      ['bin.txt', Buffer.from([0, 1, 2, 3]).toString('base64'), 'unsupported'],
      ['latin.txt', Buffer.from([0x63, 0xe9]).toString('base64'), 'unsupported'],
      ['bad.txt', '***not base64***', 'invalid-request'],
    ] as const) {
      const r = await service.handle('library.importFile', { fileName, base64 });
      expect(r.ok, fileName).toBe(false);
      if (!r.ok) expect(r.error.code, fileName).toBe(code);
    }
    expect((await call<LibraryEntry[]>('library.list', {})).length).toBe(count);
  });

  it('creates a session, applies annotation ops, and reopens it with identical selectors', async () => {
    const seed = (await call<LibraryEntry[]>('library.list', {})).find((e) => e.origin === 'seed')!;
    const { session } = await call<OpenedSession>('sessions.create', { articleIds: [seed.id] });
    expect(session.name).toMatch(/^Review: /);
    const article = session.articles[0]!;
    const quote = 'The story is false';
    const at = article.text.indexOf(quote);
    const sel = describeRange(article.text, at, at + quote.length);
    const annotation: Annotation = {
      id: '0b9c2c55-3c7a-4b1e-9a4e-2f7b8a1c0d11',
      kind: 'counter-statement',
      target: { articleId: article.id, ...sel, status: 'anchored' },
      speakerId: null,
      note: 'Denial.',
      tags: ['denial'],
      verdict: null,
      reviewer: 'Test',
      created: FIXED,
      modified: FIXED,
    };
    const applied = await call<{ revision: number }>('sessions.apply', {
      id: session.id,
      baseRevision: session.revision,
      ops: [{ op: 'annotation.put', annotation }],
    });
    expect(applied.revision).toBe(session.revision + 1);
    await call('sessions.flush', { id: session.id });
    const reopened = await call<OpenedSession>('sessions.open', { id: session.id });
    expect(reopened.session.annotations).toEqual([annotation]);
  });

  it('refuses an op batch that breaks integrity, in words', async () => {
    const { session } = await call<OpenedSession>('sessions.create', {
      articleIds: [(await call<LibraryEntry[]>('library.list', {}))[0]!.id],
    });
    const r = await service.handle('sessions.apply', {
      id: session.id,
      baseRevision: session.revision,
      ops: [
        {
          op: 'link.put',
          link: {
            id: 'l1',
            from: 'nope',
            to: 'nada',
            relation: 'supports',
            note: '',
            reviewer: '',
            created: FIXED,
            modified: FIXED,
          },
        },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/link/i);
  });

  it('re-imports an updated article and reports how each annotation re-anchored', async () => {
    const review = buildSeedReview();
    const imported = await call<{ conflict: false; opened: OpenedSession }>(
      'sessions.importPortable',
      {
        fileName: 'r.fcw.json',
        content: renderPortableSession(review, GENERATED_AT),
        onConflict: 'ask',
      },
    );
    const s = imported.opened.session;
    const old = s.articles[0]!;
    const updated = old.text
      .replace('Even as the Donald Trump', 'CORRECTION appended. Even as the Donald Trump')
      .replace('at no time were intelligence', 'at no time were any intelligence');
    const res = await call<{
      ops: SessionOp[];
      report: { anchored: number; moved: number; changed: number; orphaned: number };
    }>('sessions.reimportArticle', {
      id: s.id,
      articleId: old.id,
      file: { fileName: 'updated.txt', base64: b64(updated) },
    });
    const { anchored, moved, changed, orphaned } = res.report;
    expect(anchored + moved + changed + orphaned).toBe(s.annotations.length);
    // The insertion near the start shifts every quote ("moved"); the edited denial is found by
    // its new wording, which is not the same passage for certain: "changed", to be confirmed.
    expect(orphaned).toBe(0);
    expect(changed).toBe(1);
    expect(moved).toBe(s.annotations.length - 1);
    expect(res.ops[0]).toMatchObject({ op: 'article.put' });
    const applied = await service.handle('sessions.apply', {
      id: s.id,
      baseRevision: s.revision,
      ops: res.ops,
    });
    expect(applied.ok).toBe(true);
  });

  it('asks before importing a portable session whose id exists, then copies or replaces', async () => {
    const review = buildSeedReview();
    const content = renderPortableSession(review, GENERATED_AT);
    const first = await call<{ conflict: boolean }>('sessions.importPortable', {
      fileName: 'a.fcw.json',
      content,
      onConflict: 'ask',
    });
    // buildSeedReview has a fixed id: it may already exist from the re-import test above.
    const asked = await call<{ conflict: boolean; existingName?: string }>(
      'sessions.importPortable',
      { fileName: 'a.fcw.json', content, onConflict: 'ask' },
    );
    expect(first.conflict || asked.conflict).toBe(true);
    expect(asked).toMatchObject({ conflict: true, existingName: review.name });
    const copy = await call<{ opened: OpenedSession }>('sessions.importPortable', {
      fileName: 'a.fcw.json',
      content,
      onConflict: 'copy',
    });
    expect(copy.opened.session.id).not.toBe(review.id);
    expect(copy.opened.session.annotations).toHaveLength(review.annotations.length);
    const replaced = await call<{ opened: OpenedSession }>('sessions.importPortable', {
      fileName: 'a.fcw.json',
      content,
      onConflict: 'replace',
    });
    expect(replaced.opened.session.id).toBe(review.id);
    const broken = await service.handle('sessions.importPortable', {
      fileName: 'b.fcw.json',
      content: content.slice(0, 200),
      onConflict: 'ask',
    });
    expect(broken.ok).toBe(false);
  });

  it('imports W3C annotations as ops without applying them', async () => {
    const review = buildSeedReview();
    const sid = review.id;
    const w3c = await call<ExportedFile>('export.render', { id: sid, format: 'w3c' });
    const fresh = await call<OpenedSession>('sessions.create', {
      articleIds: [
        (await call<LibraryEntry[]>('library.list', {})).find((e) => e.origin === 'seed')!.id,
      ],
    });
    const imported = await call<{
      ops: SessionOp[];
      report: { annotations: number; links: number };
    }>('sessions.importAnnotations', { id: fresh.session.id, content: w3c.content });
    expect(imported.report).toMatchObject({
      annotations: review.annotations.length,
      links: review.links.length,
    });
    const still = await call<OpenedSession>('sessions.open', { id: fresh.session.id });
    expect(still.session.annotations).toHaveLength(0);
  });

  it('explains what ClaimReview needs when the session has no organisation', async () => {
    const { session } = await call<OpenedSession>('sessions.open', { id: buildSeedReview().id });
    const settings = { ...session.settings, organisationName: '', publicationBaseUrl: '' };
    await call('sessions.apply', {
      id: session.id,
      baseRevision: session.revision,
      ops: [{ op: 'settings.put', settings }],
    });
    const r = await service.handle('export.render', { id: session.id, format: 'claimreview' });
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error.message).toMatch(/organisation|base URL/i);
    const withFlags = await service.handle('export.render', {
      id: session.id,
      format: 'claimreview',
      org: 'Desk',
      baseUrl: 'https://checks.example.org/',
    });
    expect(withFlags.ok).toBe(true);
  });
});

describe('the app and the CLI', () => {
  it('produce byte-identical exports for the same session', async () => {
    const review = buildSeedReview();
    const file = join(dir, 'review.fcw.json');
    const content = renderPortableSession(review, GENERATED_AT);
    await writeFile(file, content);
    // The app holds exactly the session the CLI reads (earlier tests changed their copy).
    await call('sessions.importPortable', {
      fileName: 'review.fcw.json',
      content,
      onConflict: 'replace',
    });
    const epoch = String(Date.parse(FIXED) / 1000);
    for (const format of EXPORT_FORMATS.filter((f) => f !== 'pdf')) {
      const extra =
        format === 'claimreview'
          ? ['--org', 'Factcheck Desk', '--base-url', 'https://checks.example.org/reviews/']
          : [];
      const out = join(dir, `cli-${format}`);
      const r = spawnSync(
        process.execPath,
        ['bin/factcheck.js', 'export', file, '--format', format, '--out', out, ...extra],
        {
          env: { ...process.env, SOURCE_DATE_EPOCH: epoch },
          encoding: 'utf8',
        },
      );
      expect(r.status, r.stderr).toBe(0);
      const app = await call<ExportedFile>('export.render', {
        id: review.id,
        format,
        ...(format === 'claimreview'
          ? { org: 'Factcheck Desk', baseUrl: 'https://checks.example.org/reviews/' }
          : {}),
      });
      if (format === 'brat') {
        expect(await readFile(`${out}.txt`, 'utf8')).toBe(
          app.companions?.find((c) => c.fileName.endsWith('.txt'))?.content ?? app.content,
        );
        const ann = [app, ...(app.companions ?? [])].find((f) => f.fileName.endsWith('.ann'))!;
        expect(await readFile(`${out}.ann`, 'utf8')).toBe(ann.content);
      } else {
        expect(await readFile(out, 'utf8'), format).toBe(app.content);
      }
    }
  }, 120_000);
});
