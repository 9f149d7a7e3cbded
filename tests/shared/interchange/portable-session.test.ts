import { describe, expect, it } from 'vitest';
import {
  copySessionWithNewIds,
  PORTABLE_FORMAT,
  planPortableImport,
  readPortableSession,
  renderPortableSession,
} from '../../../shared/interchange/portable-session';
import { validateSession } from '../../../shared/session/validate-session';
import { sha256Hex } from '../../../shared/text/sha256';
import { buildSeedReview, fixedId, GENERATED_AT } from '../../helpers/seed-review';
import { buildStressReview } from '../../helpers/session-variants';

describe('portable session file', () => {
  it('wraps the session, with article text and SHA-256, and reads back identical', () => {
    const s = buildStressReview();
    const text = renderPortableSession(s, GENERATED_AT);
    const data = JSON.parse(text);
    expect(data).toMatchObject({
      format: PORTABLE_FORMAT,
      formatVersion: 1,
      exportedAt: GENERATED_AT,
    });
    for (const a of data.session.articles) expect(sha256Hex(a.text)).toBe(a.sha256);
    const back = readPortableSession(text);
    expect(back).toEqual({ ok: true, session: s, wrapped: true });
  });

  it('accepts a bare session as the store keeps it', () => {
    const s = buildSeedReview();
    expect(readPortableSession(JSON.stringify(s))).toEqual({
      ok: true,
      session: s,
      wrapped: false,
    });
  });

  const good = JSON.parse(renderPortableSession(buildSeedReview(), GENERATED_AT));
  it.each([
    ['not JSON', '{', 'damaged', /not valid JSON/],
    ['not a session', '[1,2]', 'damaged', /does not hold a Factcheck Workbench session/],
    [
      'another format',
      JSON.stringify({ ...good, format: 'other' }),
      'damaged',
      /not a Factcheck Workbench session file/,
    ],
    [
      'a newer file format',
      JSON.stringify({ ...good, formatVersion: 2 }),
      'read-only',
      /newer version.*file format 2/,
    ],
    [
      'a newer session version',
      JSON.stringify({ ...good, session: { ...good.session, schemaVersion: 7 } }),
      'read-only',
      /newer version.*session version 7/,
    ],
    [
      'a tampered article text',
      JSON.stringify({
        ...good,
        session: {
          ...good.session,
          articles: [{ ...good.session.articles[0], text: `${good.session.articles[0].text}!` }],
        },
      }),
      'damaged',
      /does not match its SHA-256/,
    ],
    [
      'a link to nowhere',
      JSON.stringify({
        ...good,
        session: { ...good.session, links: [{ ...good.session.links[0], to: 'missing' }] },
      }),
      'damaged',
      /joins an annotation that does not exist/,
    ],
  ])('refuses %s', (_name, text, code, message) => {
    const r = readPortableSession(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message).toMatch(message);
    expect(r.problems.length).toBeGreaterThan(0);
  });

  it('copies with fresh ids everywhere, keeping every reference', () => {
    const s = buildStressReview();
    let n = 0;
    const copy = copySessionWithNewIds(s, () => fixedId(8, ++n));
    expect(validateSession(copy).ok).toBe(true);
    const oldIds = new Set([
      s.id,
      ...s.articles.map((a) => a.id),
      ...s.annotations.map((a) => a.id),
      ...s.links.map((l) => l.id),
      ...s.speakers.map((x) => x.id),
    ]);
    const newIds = [
      copy.id,
      ...copy.articles.map((a) => a.id),
      ...copy.annotations.map((a) => a.id),
      ...copy.links.map((l) => l.id),
      ...copy.speakers.map((x) => x.id),
    ];
    for (const id of newIds) expect(oldIds.has(id)).toBe(false);
    expect(copy.annotations.map((a) => a.target.quote)).toEqual(
      s.annotations.map((a) => a.target.quote),
    );
    expect(copy.view.openArticleId).toBe(copy.articles[0]!.id);
  });
});

describe('planPortableImport', () => {
  let n = 0;
  const counter = () => () => fixedId(8, ++n);
  const s = buildSeedReview();
  const text = renderPortableSession(s, GENERATED_AT);
  it('creates when the id is new, asks, copies or replaces when it exists', () => {
    expect(planPortableImport(text, () => false, 'ask')).toMatchObject({
      ok: true,
      plan: { action: 'create', session: { id: s.id } },
    });
    expect(planPortableImport(text, (id) => id === s.id, 'ask')).toEqual({
      ok: true,
      plan: { action: 'ask', existingId: s.id },
    });
    const copy = planPortableImport(text, (id) => id === s.id, 'copy', counter());
    expect(copy.ok && copy.plan.action === 'copy' && copy.plan.session.id !== s.id).toBe(true);
    expect(planPortableImport(text, () => true, 'replace')).toMatchObject({
      ok: true,
      plan: { action: 'replace', session: { id: s.id } },
    });
  });
  it('refuses a damaged file before deciding anything', () => {
    expect(
      planPortableImport('{"format": "factcheck-workbench-session"}', () => true, 'replace'),
    ).toMatchObject({ ok: false, error: { code: 'damaged' } });
  });
});
