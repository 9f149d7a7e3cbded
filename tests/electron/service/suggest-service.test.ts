// The suggestion part of the API service (issue 13) on a real data directory:
// claim and speaker suggestions of a stored session's article, dismissals as
// saved and undoable ops, "seen before" across sessions (kept current as they
// change) and imported fact-check files, and refusals of hostile files.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiService, type ApiService } from '../../../electron/service/api-service';
import { openFactcheckStore } from '../../../electron/service/suggest/factcheck-store';
import type {
  ArticleSuggestions,
  FactcheckFeed,
  FactcheckImport,
  LibraryEntry,
  OpenedSession,
} from '../../../shared/api/contract';
import { applyOps, type SessionOp } from '../../../shared/session/session-ops';
import {
  acceptSuggestion,
  dismissSuggestion,
  openSuggestions,
} from '../../../shared/suggest/suggestion-review';
import type { SimilarClaim, SpeakerSuggestion } from '../../../shared/suggest';
import { setVerdict } from '../../../shared/review/annotation-edits';
import { b64, serviceCalls } from '../../helpers/service-calls';

const NOW = '2024-03-01T10:00:00.000Z';
let dir: string;
let service: ApiService;

const { call, refusal } = serviceCalls(() => service);

async function newSession(name: string): Promise<OpenedSession> {
  const seed = (await call<LibraryEntry[]>('library.list', {})).find((e) => e.origin === 'seed')!;
  return call<OpenedSession>('sessions.create', { name, articleIds: [seed.id], reviewer: 'Ana' });
}

async function apply(id: string, ops: SessionOp[]) {
  const s = (await call<OpenedSession>('sessions.open', { id })).session;
  return call<{ revision: number }>('sessions.apply', { id, baseRevision: s.revision, ops });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fcw-suggest-'));
  service = await createApiService({
    dataDir: join(dir, 'data'),
    seedsDir: join(process.cwd(), 'seeds'),
    host: 'browser',
    version: 'test',
  });
});
afterAll(async () => {
  await service?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('suggestions through the API service', () => {
  it('works out a long article’s suggestions off the request thread: a save made meanwhile is answered first', async () => {
    // About 200 kB of article: its analysis takes a second or more, a save milliseconds.
    const seedText = await readFile(
      join(process.cwd(), 'seeds', (await readdir(join(process.cwd(), 'seeds')))[0]!),
      'utf8',
    );
    const body = seedText.split('\n').slice(2).join('\n');
    const long = `Long report\n\n${Array.from({ length: 80 }, () => body).join('\n\n')}`;
    const entry = await call<LibraryEntry>('library.importPasted', {
      kind: 'text',
      content: long,
      label: 'Long report',
    });
    const { session } = await call<OpenedSession>('sessions.create', {
      name: 'Long',
      articleIds: [entry.id],
      reviewer: 'Ana',
    });
    const art = session.articles[0]!;
    expect(art.text.length).toBeGreaterThan(200_000);
    const order: string[] = [];
    const suggesting = call<ArticleSuggestions>('suggest.claims', {
      id: session.id,
      articleId: art.id,
    }).then((r) => (order.push('suggestions'), r));
    const saving = call<{ revision: number }>('sessions.apply', {
      id: session.id,
      baseRevision: session.revision,
      ops: [{ op: 'session.rename', name: 'Renamed while suggesting' }],
    }).then((r) => (order.push('save'), r));
    const [got] = await Promise.all([suggesting, saving]);
    expect(order).toEqual(['save', 'suggestions']);
    expect(got.suggestions.length).toBeGreaterThan(100);
    const cps = [...art.text];
    for (const s of got.suggestions.slice(0, 50))
      expect(cps.slice(s.start, s.end).join('')).toBe(s.text);
  });

  it('suggests claims of a session’s article with the speaker’s role, and the same again from the cache', async () => {
    const { session } = await newSession('One');
    const art = session.articles[0]!;
    const got = await call<ArticleSuggestions>('suggest.claims', {
      id: session.id,
      articleId: art.id,
    });
    expect(got.sha256).toBe(art.sha256);
    expect(got.suggestions.length).toBeGreaterThan(3);
    for (const s of got.suggestions) {
      const cps = [...art.text];
      expect(cps.slice(s.start, s.end).join('')).toBe(s.text);
      expect(s.reasons.length).toBeGreaterThan(0);
    }
    const tillerson = got.suggestions.find((s) => s.speaker === 'Rex Tillerson')!;
    expect(tillerson.speakerDetail).toEqual({
      kind: 'person',
      role: 'Secretary of State',
      organisation: '',
    });
    const again = await call<ArticleSuggestions>('suggest.claims', {
      id: session.id,
      articleId: art.id,
    });
    expect(again).toEqual(got);
    expect((await refusal('suggest.claims', { id: session.id, articleId: 'nope' })).code).toBe(
      'not-found',
    );
  });

  it('suggests speakers for a span: the attributed name first, matched to an existing speaker', async () => {
    const { session } = await newSession('Two');
    const art = session.articles[0]!;
    const sg = await call<ArticleSuggestions>('suggest.claims', {
      id: session.id,
      articleId: art.id,
    });
    const mc = sg.suggestions.find((s) => s.speaker === 'H R McMaster')!;
    let list = await call<SpeakerSuggestion[]>('suggest.speakers', {
      id: session.id,
      articleId: art.id,
      start: mc.start,
      end: mc.end,
    });
    expect(list[0]).toMatchObject({ name: 'H R McMaster', source: 'attributed' });
    expect(list[0]!.speakerId).toBeUndefined();
    // Once he is a speaker (under an alias), the suggestion names that speaker.
    await apply(session.id, [
      {
        op: 'speaker.put',
        speaker: {
          id: 'sp-mc',
          name: 'Herbert Raymond McMaster',
          kind: 'person',
          role: '',
          organisation: '',
          aliases: ['H R McMaster'],
        },
      },
    ]);
    list = await call<SpeakerSuggestion[]>('suggest.speakers', {
      id: session.id,
      articleId: art.id,
      start: mc.start,
      end: mc.end,
    });
    expect(list[0]).toMatchObject({ name: 'Herbert Raymond McMaster', speakerId: 'sp-mc' });
  });

  it('keeps a dismissal in the stored session; its inverse takes it back', async () => {
    const { session } = await newSession('Three');
    const art = session.articles[0]!;
    const { suggestions } = await call<ArticleSuggestions>('suggest.claims', {
      id: session.id,
      articleId: art.id,
    });
    const d = dismissSuggestion(session, art.id, suggestions[0]!, NOW);
    if (!d.ok) throw new Error(d.message);
    await apply(session.id, d.ops);
    await call('sessions.flush', { id: session.id });
    const onDisk = JSON.parse(
      await readFile(join(dir, 'data', 'sessions', `${session.id}.json`), 'utf8'),
    );
    expect(onDisk.dismissed.map((x: { text: string }) => x.text)).toEqual([suggestions[0]!.text]);
    let stored = (await call<OpenedSession>('sessions.open', { id: session.id })).session;
    expect(openSuggestions(stored, art.id, suggestions)).toHaveLength(suggestions.length - 1);
    // Dismissing twice is refused in words; the inverse of the first brings it back.
    expect(dismissSuggestion(stored, art.id, suggestions[0]!, NOW).ok).toBe(false);
    const r = applyOps(session, d.ops, NOW);
    if (!r.ok) throw new Error(r.problems.join(' '));
    await apply(session.id, r.inverse);
    stored = (await call<OpenedSession>('sessions.open', { id: session.id })).session;
    expect(stored.dismissed).toEqual([]);
    expect(openSuggestions(stored, art.id, suggestions)).toHaveLength(suggestions.length);
    // A bad dismissal is refused at the boundary.
    const bad = await refusal('sessions.apply', {
      id: session.id,
      baseRevision: stored.revision,
      ops: [{ op: 'dismissal.put', dismissal: { id: 'x', articleId: art.id, text: '' } }],
    });
    expect(bad.code).toBe('invalid-request');
  });

  it('finds a claim reviewed in another session, not the asking one, and follows changes', async () => {
    const a = await newSession('Earlier review');
    const art = a.session.articles[0]!;
    const { suggestions } = await call<ArticleSuggestions>('suggest.claims', {
      id: a.session.id,
      articleId: art.id,
    });
    const wapo = suggestions.find((s) => s.speaker === 'The Washington Post')!;
    const acc = acceptSuggestion(a.session, art.id, wapo, NOW);
    if (!acc.ok) throw new Error(acc.message);
    const s = applyOps(a.session, acc.ops, NOW);
    if (!s.ok) throw new Error(s.problems.join(' '));
    const v = setVerdict(
      s.session,
      acc.annotationId,
      { stepId: 'mostly-true', rationale: '' },
      NOW,
    );
    if (!v.ok) throw new Error(v.message);
    await apply(a.session.id, [...acc.ops, ...v.ops]);

    const b = await newSession('Later review');
    const query =
      'Trump’s disclosures to the Russians put at risk a critical Islamic State intelligence source';
    let found = await call<SimilarClaim[]>('suggest.similar', {
      text: query,
      excludeSessionId: b.session.id,
    });
    expect(found[0]!.claim).toMatchObject({
      text: wapo.text,
      verdict: 'Mostly true',
      speaker: 'The Washington Post',
      source: { kind: 'session', sessionId: a.session.id, sessionName: 'Earlier review' },
    });
    // The asking session's own claims are left out.
    found = await call<SimilarClaim[]>('suggest.similar', {
      text: query,
      excludeSessionId: a.session.id,
    });
    expect(
      found.some(
        (m) => m.claim.source.kind === 'session' && m.claim.source.sessionId === a.session.id,
      ),
    ).toBe(false);
    // A change to the earlier session (the claim deleted) is seen at the next search.
    await apply(a.session.id, [{ op: 'annotation.delete', id: acc.annotationId }]);
    found = await call<SimilarClaim[]>('suggest.similar', { text: query });
    expect(found.some((m) => m.claim.text === wapo.text)).toBe(false);
  });
});

const FEED = {
  '@context': 'https://schema.org',
  '@type': 'DataFeed',
  dataFeedElement: [
    {
      '@type': 'ClaimReview',
      url: 'https://checks.example/jobs-numbers',
      claimReviewed: 'Unemployment fell to its lowest level in fifty years last month.',
      author: { '@type': 'Organization', name: 'Example Checks' },
      reviewRating: { '@type': 'Rating', alternateName: 'False' },
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Jane Doe' } },
      datePublished: '2023-11-02T09:00:00Z',
    },
    {
      '@type': 'ClaimReview',
      url: 'javascript:alert(1)',
      claimReviewed: 'The bridge repairs cost twice the original estimate.',
      reviewRating: { '@type': 'Rating', alternateName: 'True' },
    },
    { '@type': 'ClaimReview', claimReviewed: 'x'.repeat(6000) },
  ],
};

describe('imported fact-checks', () => {
  it('imports a feed, keeps only safe bounded data, searches it, and survives a restart', async () => {
    const got = await call<FactcheckImport>('factchecks.import', {
      fileName: 'feed.jsonld',
      base64: b64(JSON.stringify(FEED)),
    });
    expect(got.feed).toMatchObject({
      fileName: 'feed.jsonld',
      claims: 2,
      publishers: ['Example Checks'],
    });
    expect(got.problems.join(' ')).toMatch(/longer than 5,000 characters; skipped/);
    expect(got.problems.join(' ')).toMatch(/not an http\(s\) address/);
    const found = await call<SimilarClaim[]>('suggest.similar', {
      text: 'last month unemployment dropped to a fifty-year low',
    });
    expect(found[0]!.claim).toMatchObject({
      verdict: 'False',
      speaker: 'Jane Doe',
      date: '2023-11-02',
      source: {
        kind: 'claimreview',
        url: 'https://checks.example/jobs-numbers',
        publisher: 'Example Checks',
      },
    });
    const bridge = await call<SimilarClaim[]>('suggest.similar', {
      text: 'bridge repairs cost twice the estimate',
    });
    expect(bridge[0]!.claim.source).toMatchObject({ kind: 'claimreview', url: '' });

    // Stored in the data directory, read back by a new store (as after a restart).
    const files = await readdir(join(dir, 'data', 'factchecks'));
    expect(files).toEqual([`${got.feed.id}.json`]);
    const reopened = await openFactcheckStore(join(dir, 'data'));
    expect(reopened.list()).toEqual([got.feed]);
    expect(
      reopened
        .claims()
        .map((c) => c.text)
        .sort(),
    ).toEqual(
      [FEED.dataFeedElement[0]!.claimReviewed, FEED.dataFeedElement[1]!.claimReviewed].sort(),
    );
  });

  it.each([
    ['not JSON', '{"@type": "ClaimReview",', /not JSON/],
    ['no ClaimReview', JSON.stringify({ '@type': 'Article', name: 'x' }), /holds no ClaimReview/],
    ['an empty file', '   ', /empty/],
    [
      'reviews without claims',
      JSON.stringify([{ '@type': 'ClaimReview', url: 'https://a.example' }]),
      /neither claimReviewed nor a claim text/,
    ],
    [
      'deep nesting',
      `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
      /holds no ClaimReview|could not be read/,
    ],
  ])('refuses %s in words and keeps nothing', async (_label, content, message) => {
    const before = await call<FactcheckFeed[]>('factchecks.list', {});
    const err = await refusal('factchecks.import', { fileName: 'bad.json', base64: b64(content) });
    expect(err.message).toMatch(message);
    expect(await call<FactcheckFeed[]>('factchecks.list', {})).toEqual(before);
  });

  it('refuses bytes that are not UTF-8 and files over the size limit', async () => {
    const err = await refusal('factchecks.import', {
      fileName: 'latin1.json',
      base64: Buffer.from([0x7b, 0xe9, 0x7d]).toString('base64'),
    });
    expect(err.message).toMatch(/not UTF-8/);
    const big = await refusal('factchecks.import', {
      fileName: 'big.json',
      base64: Buffer.alloc(16 * 1024 * 1024 + 1, 0x20).toString('base64'),
    });
    expect(big.code).toBe('too-large');
  });

  it('reports a tampered stored file and leaves it in place; removing a feed archives it', async () => {
    const data = join(dir, 'data');
    await writeFile(join(data, 'factchecks', 'tampered.json'), '{"version":1,"id":"../x"}');
    const store = await openFactcheckStore(data);
    expect(store.problems().join(' ')).toMatch(/tampered\.json could not be read/);
    const [feed] = store.list();
    expect(await store.remove(feed!.id)).toBe(true);
    expect(store.list()).toEqual([]);
    expect(
      (await readdir(join(data, 'archive'))).some((f) => f.startsWith(`factchecks-${feed!.id}`)),
    ).toBe(true);
    expect(await store.remove('../../etc')).toBe(false);
  });
});
