/**
 * The W3C Web Annotation test suite's MUST assertions, compiled with ajv
 * (draft-04) from `../shared/conformance/w3c-annotation-schemas/`, read by
 * path and never copied. `loadW3cConformance()` returns null (with the reason)
 * when the folder is absent, so tests can skip and say why.
 *
 * Quirks handled as the folder's README and PROVENANCE describe:
 * - the schemas use relative ids (`annotations.json`, `id.json`, …): every
 *   file in `definitions/` is added by its id before the assertions compile;
 * - page assertions look into `partOf` as an object: a plain IRI string is
 *   checked as `{ "id": IRI }` (the same JSON-LD node);
 * - samples using Composite/List/Independents are rejected by the schemas
 *   (dropped from the Recommendation); our exports never use them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

import { sharedMaterial } from './shared-material';

export const W3C_SCHEMA_DIR = join(sharedMaterial('conformance').path, 'w3c-annotation-schemas');

export interface Assertion {
  file: string;
  title: string;
  validate: ValidateFunction;
}

export interface W3cConformance {
  annotation: Assertion[];
  collection: Assertion[];
  page: Assertion[];
  /** Failures of `doc` against `assertions`: one line per failed MUST. */
  check(assertions: Assertion[], doc: unknown): string[];
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** Compile the three MUST lists, or return the reason they cannot be loaded. */
export function loadW3cConformance(): W3cConformance | { missing: string } {
  if (!existsSync(join(W3C_SCHEMA_DIR, 'annotations/annotationMusts.test'))) {
    return {
      missing: `the W3C annotation schemas are not at ${W3C_SCHEMA_DIR} (see ../shared/conformance/README.md)`,
    };
  }
  const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });
  addFormats(ajv);
  for (const f of readdirSync(join(W3C_SCHEMA_DIR, 'definitions'))) {
    if (f.endsWith('.json')) ajv.addSchema(readJson(join(W3C_SCHEMA_DIR, 'definitions', f)));
  }
  const load = (testFile: string): Assertion[] => {
    const list = readJson(join(W3C_SCHEMA_DIR, testFile)).assertions as string[];
    return list.map((file) => {
      const schema = readJson(join(W3C_SCHEMA_DIR, file));
      if (schema.expectedResult !== 'valid' || schema.assertionType !== 'must') {
        throw new Error(`${file}: expected a MUST assertion expecting "valid"`);
      }
      return {
        file,
        title: String(schema.title ?? file),
        validate: ajv.getSchema(String(schema.id)) ?? ajv.compile(schema),
      };
    });
  };
  return {
    annotation: load('annotations/annotationMusts.test'),
    collection: load('collections/collectionMusts.test'),
    page: load('collections/pages/pageMusts.test'),
    check(assertions, doc) {
      const input = normalisePartOf(doc);
      return assertions
        .filter((a) => !a.validate(input))
        .map(
          (a) =>
            `${a.file}: ${ajv.errorsText(a.validate.errors, { separator: '; ' }).slice(0, 300)}`,
        );
    },
  };
}

/** The suite's `partOf` quirk: a string IRI is the node `{ id: IRI }`. */
function normalisePartOf(doc: unknown): unknown {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return doc;
  const d = doc as Record<string, unknown>;
  const out: Record<string, unknown> = { ...d };
  if (typeof d.partOf === 'string') out.partOf = { id: d.partOf };
  if (
    typeof d.first === 'object' &&
    d.first !== null &&
    typeof (d.first as Record<string, unknown>).partOf === 'string'
  ) {
    out.first = normalisePartOf(d.first);
  }
  return out;
}

/** The suite's own sample files (`tools/samples/{correct,incorrect}`), to prove the validator can fail. */
export function suiteSample(kind: 'correct' | 'incorrect', name: string): unknown {
  return readJson(join(W3C_SCHEMA_DIR, 'tools/samples', kind, name));
}
