/**
 * The one JSON serialiser of every JSON and JSON-LD export (ClaimReview, W3C
 * Web Annotation, the portable session file, the CLI's session files).
 *
 * ClaimReview is published by pasting it into a page inside
 * `<script type="application/ld+json">`. `JSON.stringify` leaves `<`, `>`
 * and `&` as they are, so a site name taken from an imported page, such as
 * `</script><script>…`, would end the script element and run its own code
 * on the fact-checker's site; U+2028 and U+2029 end a line in older
 * JavaScript parsers. Here they are written as `\u003c`, `\u003e`, `\u0026`,
 * `\u2028` and `\u2029`: the output contains no `</script` and no `<!--` in
 * any case, is safe to embed in HTML anywhere, and parses back to exactly
 * the same strings. These characters can only occur inside JSON strings, so
 * replacing them in the serialised text is exact.
 */

const UNSAFE = /[<>&\u2028\u2029]/g;

function escape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * `JSON.stringify(value, null, indent)` with `<`, `>`, `&`, U+2028 and U+2029
 * escaped as `\u003c` and so on. Throws only where `JSON.stringify` throws
 * (cycles, BigInt); `undefined` serialises to `"null"` rather than nothing.
 */
export function stringifyJsonSafe(value: unknown, indent?: number): string {
  return (JSON.stringify(value, null, indent) ?? 'null').replace(UNSAFE, escape);
}
