/**
 * Turning a file (or pasted content) into an article snapshot, with the
 * checks every import goes through, in order: size limit, empty, text
 * encoding (UTF-8, or UTF-16 with its byte-order mark), binary, supported
 * type, nesting and element limits, and at least one block of text. Each
 * refusal is an `ApiResult` error with a sentence the UI shows as it is.
 *
 * Plain text (`.txt`, and the seed's format) keeps the file's text as its
 * canonical text (see shared/article/plain-text.ts). Markdown is rendered to
 * HTML by markdown-it (markdown.ts); HTML (and that) is read in one streaming
 * pass by html-parse.ts into the strict article model.
 *
 * These functions run wherever they are called. The app's service runs them
 * in a worker thread (import-runner.ts) so the host keeps answering; the CLI
 * and the seed library call them directly. The HTML and Markdown readers
 * (htmlparser2, markdown-it) load the first time a page or a Markdown file is
 * imported: a plain-text import never loads them (`factcheck suggest` on a
 * .txt starts faster).
 */
import { createHash } from 'node:crypto';
import type { ApiResult } from '../../../shared/api/contract';
import { toArticle, type Article, type ParsedArticle } from '../../../shared/model/article';
import { MAX_ARTICLE_BYTES, formatSizeAndLimit } from '../../../shared/model/limits';
import { nowIso } from '../../../shared/model/ids';
import { normalizeNewlines, parsePlainText } from '../../../shared/article/plain-text';
import { ImportLimitError } from '../../../shared/article/html-import';
import type { parseHtmlArticle } from './html-parse';
import type { markdownToHtml } from './markdown';

type Kind = 'text' | 'markdown' | 'html';

interface Readers {
  parseHtmlArticle: typeof parseHtmlArticle;
  markdownToHtml: typeof markdownToHtml;
}
let readers: Readers | null = null;

/** Load the HTML and Markdown readers unless `kind` is plain text or they are loaded already. */
async function loadReaders(kind: Kind | null): Promise<void> {
  if (readers || kind === null || kind === 'text') return;
  const [html, markdown] = await Promise.all([import('./html-parse'), import('./markdown')]);
  readers = { parseHtmlArticle: html.parseHtmlArticle, markdownToHtml: markdown.markdownToHtml };
}

/** The loaded readers; importText only asks for them after {@link loadReaders} has run. */
function loadedReaders(): Readers {
  if (!readers) throw new Error('the HTML and Markdown readers were used before they were loaded');
  return readers;
}

/**
 * SHA-256 of the text's UTF-8 bytes as lowercase hex, as shared/text/sha256.ts
 * gives it, by Node's native hash (a lone surrogate is encoded as U+FFFD by
 * both).
 */
export function nodeSha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** How far an import has come, from 0 to 1. */
export type ImportProgressFn = (fraction: number) => void;

const EXTENSIONS: Record<string, Kind> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

function fail(
  code: 'too-large' | 'unsupported' | 'invalid-request',
  message: string,
): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

/** The kind of an article file by its extension, or null when unsupported. */
export function kindOfFile(fileName: string): Kind | null {
  const m = /\.[A-Za-z0-9]+$/.exec(fileName.trim());
  return m ? (EXTENSIONS[m[0].toLowerCase()] ?? null) : null;
}

/** True when the bytes look like a binary file rather than text (NUL bytes, or many control bytes). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** The encoding a byte-order mark announces, if any (UTF-8's is stripped by the decoder). */
function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The size refusal, naming the size and the limit precisely enough to tell them apart. */
export function tooLargeMessage(name: string, size: number): string {
  const [is, max] = formatSizeAndLimit(size, MAX_ARTICLE_BYTES);
  return `“${name}” is ${is}; articles can be at most ${max}. Split it into parts and import each.`;
}

/**
 * Import an article file. Never throws: every refusal is an error value. The
 * file name decides the format (.txt / .md / .html and variants).
 */
export async function importArticleFile(
  fileName: string,
  bytes: Uint8Array,
  onProgress?: ImportProgressFn,
): Promise<ApiResult<Article>> {
  await loadReaders(kindOfFile(fileName.split(/[\\/]/).pop() || ''));
  return importArticleBytes(fileName, bytes, onProgress);
}

function importArticleBytes(
  fileName: string,
  bytes: Uint8Array,
  onProgress?: ImportProgressFn,
): ApiResult<Article> {
  const name = fileName.split(/[\\/]/).pop() || 'article';
  const kind = kindOfFile(name);
  if (!kind) {
    return fail(
      'unsupported',
      `“${name}” is not an article file this app can read. Import plain text (.txt), Markdown (.md) or HTML (.html).`,
    );
  }
  if (bytes.length > MAX_ARTICLE_BYTES)
    return fail('too-large', tooLargeMessage(name, bytes.length));
  if (bytes.length === 0)
    return fail('invalid-request', `“${name}” is empty: there is no text to review.`);
  const utf16 = utf16Bom(bytes);
  if (!utf16 && looksBinary(bytes)) {
    return fail(
      'unsupported',
      `“${name}” looks like a binary file, not text. Export it as plain text, Markdown or HTML and import that.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(
      'unsupported',
      utf16
        ? `“${name}” starts like UTF-16 text but holds bytes that are not. Save it as UTF-8 and import it again.`
        : `“${name}” is not UTF-8 text. Save it with UTF-8 encoding and import it again.`,
    );
  }
  if (utf16 && text.includes('\u0000'))
    return fail('unsupported', `“${name}” contains binary data, not text.`);
  return importText(name, kind, text, bytes.length, onProgress);
}

/** Import pasted text or HTML. `label` names the result in the library. */
export async function importPasted(
  kind: 'text' | 'html',
  content: string,
  label?: string,
  onProgress?: ImportProgressFn,
): Promise<ApiResult<Article>> {
  await loadReaders(kind);
  return importPastedContent(kind, content, label, onProgress);
}

function importPastedContent(
  kind: 'text' | 'html',
  content: string,
  label?: string,
  onProgress?: ImportProgressFn,
): ApiResult<Article> {
  const bytes = new TextEncoder().encode(content).length;
  const name = label?.trim() || (kind === 'html' ? 'Pasted page.html' : 'Pasted text.txt');
  if (bytes > MAX_ARTICLE_BYTES) {
    const [is, max] = formatSizeAndLimit(bytes, MAX_ARTICLE_BYTES);
    return fail(
      'too-large',
      `The pasted ${kind === 'html' ? 'page' : 'text'} is ${is}; articles can be at most ${max}.`,
    );
  }
  if (content.includes('\u0000'))
    return fail('unsupported', 'The pasted content contains binary data, not text.');
  return importText(name, kind, content, bytes, onProgress);
}

function importText(
  name: string,
  kind: Kind,
  raw: string,
  bytes: number,
  onProgress?: ImportProgressFn,
): ApiResult<Article> {
  let parsed: ParsedArticle;
  try {
    if (kind === 'text') {
      onProgress?.(0.1);
      parsed = parsePlainText(normalizeNewlines(raw));
    } else if (kind === 'markdown') {
      onProgress?.(0.05);
      const { markdownToHtml, parseHtmlArticle } = loadedReaders();
      const html = markdownToHtml(normalizeNewlines(raw));
      onProgress?.(0.4);
      parsed = parseHtmlArticle(html, 'markdown', (d, t) => onProgress?.(0.4 + (0.5 * d) / t));
    } else {
      parsed = loadedReaders().parseHtmlArticle(raw, 'html', (d, t) => onProgress?.((0.9 * d) / t));
    }
  } catch (e) {
    if (e instanceof ImportLimitError)
      return fail('too-large', `“${name}” was not imported: ${e.message}.`);
    throw e;
  }
  onProgress?.(0.95);
  if (parsed.blocks.length === 0 || parsed.text.trim() === '') {
    return fail(
      'invalid-request',
      `“${name}” has no article text: it is empty or holds only markup.`,
    );
  }
  const source = { fileName: name, bytes, importedAt: nowIso() };
  return { ok: true, value: toArticle(parsed, source, undefined, nodeSha256Hex) };
}
