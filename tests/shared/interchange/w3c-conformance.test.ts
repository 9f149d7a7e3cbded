import { describe, expect, it } from 'vitest';
import { buildW3cCollection, type W3cAnnotation } from '../../../shared/interchange/w3c-export';
import { buildSeedReview } from '../../helpers/seed-review';
import {
  loadW3cConformance,
  suiteSample,
  type W3cConformance,
} from '../../helpers/w3c-conformance';
import { buildStressReview } from '../../helpers/session-variants';

const loaded = loadW3cConformance();
const missing = 'missing' in loaded ? loaded.missing : null;
if (missing) console.warn(`Skipping W3C conformance tests: ${missing}`);
const suite = loaded as W3cConformance;

describe.skipIf(missing !== null)(
  'W3C Web Annotation export against the test suite MUST schemas',
  () => {
    it('loads every MUST assertion (54 annotation, 10 collection, 15 page)', () => {
      expect([suite.annotation.length, suite.collection.length, suite.page.length]).toEqual([
        54, 10, 15,
      ]);
    });

    it('the validator fails documents that break a MUST (so passing means something)', () => {
      const good = buildW3cCollection(buildSeedReview()).first.items[0]!;
      const httpsContext = { ...good, '@context': 'https://www.w3.org/ns/anno.jsonld' };
      const noTimezone = { ...good, created: '2017-05-18T09:01:00' };
      const noTarget: Partial<W3cAnnotation> = { ...good };
      delete noTarget.target;
      for (const bad of [httpsContext, noTimezone, noTarget])
        expect(suite.check(suite.annotation, bad)).not.toEqual([]);
      expect(suite.check(suite.annotation, suiteSample('correct', 'anno1.json'))).toEqual([]);
      const badPage = {
        ...buildW3cCollection(buildSeedReview()),
        first: { type: 'AnnotationPage', items: 'nope' },
      };
      expect(suite.check(suite.page, badPage)).not.toEqual([]);
    });

    for (const [name, build] of [
      ['the seed review', buildSeedReview],
      ['a session with an orphan, emoji and a multi-paragraph quote', buildStressReview],
    ] as const) {
      it(`every annotation, the collection and the page of ${name} pass`, () => {
        const collection = buildW3cCollection(build());
        expect(collection.first.items.length).toBeGreaterThan(0);
        for (const item of collection.first.items)
          expect(suite.check(suite.annotation, item), item.id).toEqual([]);
        expect(suite.check(suite.collection, collection)).toEqual([]);
        // The suite's page test takes "an Annotation Collection with an embedded Page" …
        expect(suite.check(suite.page, collection)).toEqual([]);
        // … and the page on its own, in the collection's JSON-LD context.
        expect(
          suite.check(suite.page, { '@context': collection['@context'], ...collection.first }),
        ).toEqual([]);
      });
    }
  },
);
