/**
 * Property tests of the loader: it never throws on arbitrary bytes or JSON (every outcome is a
 * session, a newer-version file or a damaged one with a reason), and load → save → load through
 * the store's real files is the identity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  decodeSessionBytes,
  SessionFileAdapter,
  SessionFileError,
} from '../../../../electron/service/store/session-file';
import { SessionValidator } from '../../../../electron/service/store/session-validator';
import { openSessionStore } from '../../../../electron/service/store';
import type { Session } from '../../../../shared/model/session';
import { ANNOTATION_KINDS } from '../../../../shared/model/vocabulary';
import { CodePointIndex } from '../../../../shared/text/code-points';
import { makeAnnotation, makeArticle, makeSession } from '../../../helpers/session-fixtures';
import { createSession } from '../../../../shared/model/session';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fcw-prop-'));
  mkdirSync(path.join(dir, 'bytes'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const validJson = JSON.stringify(makeSession({ annotations: 3, links: 1 }));
const KINDS = new Set(['ok', 'newer', 'damaged']);

/** A valid session's JSON with one value somewhere replaced by arbitrary JSON. */
const mutatedSession = fc.tuple(fc.nat(), fc.jsonValue()).map(([n, value]) => {
  const data = JSON.parse(validJson) as Record<string, unknown>;
  const paths: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        paths.push({ parent: v, key: i });
        walk(x);
      });
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        paths.push({ parent: v as Record<string, unknown>, key: k });
        walk(x);
      }
    }
  };
  walk(data);
  const p = paths[n % paths.length]!;
  (p.parent as Record<string | number, unknown>)[p.key] = value;
  return new TextEncoder().encode(JSON.stringify(data));
});

describe('the session loader never throws', () => {
  const validator = new SessionValidator();
  const check = (bytes: Uint8Array) => {
    const out = decodeSessionBytes(bytes, validator);
    expect(KINDS.has(out.kind)).toBe(true);
    if (out.kind === 'damaged') expect(out.problem.length).toBeGreaterThan(0);
  };

  it('on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), check), { numRuns: 300 });
  });

  it('on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) =>
        check(new TextEncoder().encode(JSON.stringify(v) ?? 'null')),
      ),
      { numRuns: 300 },
    );
  });

  it('on valid sessions with one value replaced by arbitrary JSON', () => {
    fc.assert(fc.property(mutatedSession, check), { numRuns: 300 });
  });

  it('through the lowdb adapter on real files: a session, null, or a SessionFileError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uint8Array({ maxLength: 2048 }), mutatedSession),
        async (bytes) => {
          const file = path.join(dir, 'bytes', 'x.json');
          writeFileSync(file, bytes);
          try {
            const s = await new SessionFileAdapter(file, validator).read();
            expect(s === null || typeof s === 'object').toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(SessionFileError);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** Arbitrary valid sessions: any Unicode text, annotations at arbitrary code-point ranges. */
const arbitrarySession = fc
  .record({
    paragraphs: fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }), {
      minLength: 1,
      maxLength: 6,
    }),
    name: fc.string({ minLength: 1, maxLength: 40 }),
    ranges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.string({ maxLength: 30 })), {
      maxLength: 12,
    }),
    reviewer: fc.string({ maxLength: 20 }),
    scroll: fc.double({ min: 0, max: 1e6, noNaN: true }),
  })
  .map(({ paragraphs, name, ranges, reviewer, scroll }) => {
    const article = makeArticle(paragraphs.join('\n\n'), 'prop.txt', 'prop-article');
    const s = createSession(name, [article], reviewer);
    const index = new CodePointIndex(article.text);
    const len = index.lengthCp;
    s.annotations =
      len < 1
        ? []
        : ranges.map(([a, b, k, note], i) => {
            const start = a % len;
            const end = start + 1 + (b % (len - start));
            return makeAnnotation(
              article,
              start,
              end,
              { id: `p${i}`, kind: ANNOTATION_KINDS[k % ANNOTATION_KINDS.length], note },
              index,
            );
          });
    s.view.scroll = { [article.id]: scroll };
    return s;
  });

describe('load → save → load', () => {
  it('is the identity on real files', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(arbitrarySession, async (s: Session) => {
        const dataDir = path.join(dir, `roundtrip-${run++}`);
        const first = await openSessionStore({ dataDir });
        const created = await first.create(s);
        expect(created.ok, created.ok ? '' : created.error.message).toBe(true);
        await first.close();

        const second = await openSessionStore({ dataDir });
        const loaded = await second.open(s.id);
        expect(loaded.ok).toBe(true);
        if (!loaded.ok) return;
        expect(loaded.value.session).toEqual(JSON.parse(JSON.stringify(s)));
        const saved = await second.replace(loaded.value.session); // save what was loaded
        expect(saved.ok).toBe(true);
        await second.close();

        const third = await openSessionStore({ dataDir });
        const again = await third.open(s.id);
        expect(again.ok && again.value.session).toEqual(loaded.value.session);
        await third.close();
        rmSync(dataDir, { recursive: true, force: true });
      }),
      { numRuns: 40 },
    );
  });
});
