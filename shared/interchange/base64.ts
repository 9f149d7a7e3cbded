/**
 * Base64 (RFC 4648, with padding) of bytes. Written by hand because shared/
 * has neither Node's `Buffer` nor the DOM's `btoa`, and the platform's
 * `Uint8Array.prototype.toBase64` needs a newer runtime than Node 20.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of `bytes`. Linear; builds the result in chunks to keep memory flat. */
export function bytesToBase64(bytes: Uint8Array): string {
  const chunks: string[] = [];
  let out = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out +=
      ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]! + ALPHABET[(v >> 6) & 63]! + ALPHABET[v & 63]!;
    if (out.length >= 65536) {
      chunks.push(out);
      out = '';
    }
  }
  if (i < n) {
    const v = (bytes[i]! << 16) | ((i + 1 < n ? bytes[i + 1]! : 0) << 8);
    out += ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]!;
    out += i + 1 < n ? `${ALPHABET[(v >> 6) & 63]!}=` : '==';
  }
  chunks.push(out);
  return chunks.join('');
}
