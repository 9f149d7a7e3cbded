/**
 * Identifiers and timestamps. Ids are random UUID v4 strings; the W3C export
 * prefixes them with `urn:uuid:`. Timestamps are ISO 8601 in UTC with a `Z`,
 * as the W3C model requires a timezone.
 */
import { randomBytes } from '@noble/hashes/utils.js';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A fresh random UUID v4 (lowercase). Uses the platform's secure random source. */
export function newId(): string {
  const b = randomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** True for a lowercase UUID string such as {@link newId} makes. */
export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

/** The current time as ISO 8601 UTC (`2017-05-17T10:00:00.000Z`). */
export function nowIso(): string {
  return new Date().toISOString();
}
