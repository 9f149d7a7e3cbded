/**
 * SHA-256 of a text's UTF-8 bytes, as lowercase hex. Pure JavaScript
 * (@noble/hashes), so the same digest comes out in Node, the renderer and the CLI.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Lowercase hex SHA-256 of the UTF-8 encoding of `text`. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** `urn:sha256:<hex>`, the identifier of an article that has no URL. */
export function sha256Urn(text: string): string {
  return `urn:sha256:${sha256Hex(text)}`;
}
