// Issue 14, attack 2: every JSON and JSON-LD export is safe to embed in a
// `<script type="application/ld+json">` (and anywhere else in HTML), and
// parses back to the same strings. On the code before the fix, ClaimReview
// and W3C wrote an imported page's `</script><script>…` as it stood.
import { describe, expect, it } from 'vitest';
import { stringifyJsonSafe } from '../../../shared/interchange/safe-json';
import { renderExport } from '../../../shared/interchange/render-export';
import { exportPortableSession } from '../../../shared/interchange/render-export';
import { readPortableSession } from '../../../shared/interchange/portable-session';
import type { ExportFormat } from '../../../shared/api/contract';
import type { Session } from '../../../shared/model/session';
import { buildSeedReview, GENERATED_AT } from '../../helpers/seed-review';

/** What a hostile page (or a careless pipeline) can put into the metadata and names. */
const HOSTILE = [
  '</script><script>alert(document.domain)</script>',
  '</SCRIPT ><!-- <script>',
  'Fish & Chips <b>bold</b> > less',
  'line\u2028separator\u2029paragraph',
];

function hostileSession(): Session {
  const s = buildSeedReview();
  const a = s.articles[0]!;
  return {
    ...s,
    name: `Review ${HOSTILE[1]}`,
    articles: [
      {
        ...a,
        meta: {
          ...a.meta,
          title: `T ${HOSTILE[0]}`,
          outlet: HOSTILE[0]!,
          byline: HOSTILE[2]!,
          url: 'https://daily.test/a?x=</script>&y=<!--',
        },
      },
      ...s.articles.slice(1),
    ],
    speakers: s.speakers.map((sp, i) => ({ ...sp, name: `${sp.name} ${HOSTILE[i % 4]}` })),
    settings: { ...s.settings, organisationName: `Desk ${HOSTILE[3]}` },
  };
}

/** The checks every JSON export must pass. */
function expectSafe(json: string): void {
  expect(json).not.toMatch(/<\/script/i);
  expect(json).not.toMatch(/<!--/);
  expect(json).not.toMatch(/[<>&\u2028\u2029]/);
}

/** Every string in a parsed value. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

describe('stringifyJsonSafe', () => {
  it('escapes <, >, &, U+2028 and U+2029 and parses back to the same value', () => {
    const value = { a: HOSTILE, n: 1, nested: [{ '<key>': 'x&y' }] };
    const json = stringifyJsonSafe(value, 2);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(json).toContain('\\u0026');
    expect(json).toContain('\\u2028');
    expectSafe(json);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('every JSON export of a session with hostile metadata', () => {
  const session = hostileSession();
  const formats: ExportFormat[] = ['w3c', 'claimreview'];
  for (const format of formats) {
    it(`${format}: no </script, no <!--, and the same strings after parsing`, async () => {
      const r = await renderExport(session, format, { generatedAt: GENERATED_AT });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expectSafe(r.value.content);
      const parsed = strings(JSON.parse(r.value.content));
      // The hostile texts that this format carries come back exactly.
      const carried = HOSTILE.filter((h) => parsed.some((p) => p.includes(h)));
      expect(carried.length).toBeGreaterThan(0);
    });
  }

  it('the portable session file: safe, and it reads back to the same session', () => {
    const file = exportPortableSession(session, GENERATED_AT);
    expectSafe(file.content);
    const back = readPortableSession(file.content);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.session).toEqual(session);
  });
});

describe('the reports treat metadata from imported pages as text', () => {
  const session = hostileSession();
  it('HTML: escaped, never markup; the URL is text unless it is a safe http(s) link', async () => {
    const r = await renderExport(session, 'html', { generatedAt: GENERATED_AT });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.content).not.toContain('<script>alert');
    expect(r.value.content).toContain('&lt;/script&gt;&lt;script&gt;alert(document.domain)');
    expect(r.value.content).not.toMatch(/<!-- <script>/);
  });
  it('Markdown: the markup characters are escaped', async () => {
    const r = await renderExport(session, 'md', { generatedAt: GENERATED_AT });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.content).not.toContain('</script>');
    expect(r.value.content).toContain('\\</script\\>');
  });
  it('CSV: no cell starts a formula', async () => {
    const s = hostileSession();
    s.articles[0]!.meta.title = '=HYPERLINK("https://evil.test","x")';
    const r = await renderExport(s, 'csv', { generatedAt: GENERATED_AT });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.content).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});
