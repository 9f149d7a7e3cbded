/**
 * Turning a file (or pasted content) into an article snapshot, with the
 * checks every import goes through, in order: size limit, empty, binary,
 * UTF-8, supported type, and at least one block of text. Each refusal is an
 * `ApiResult` error with a sentence the UI shows as it is.
 *
 * Plain text (`.txt`, and the seed's format) keeps the file's text as its
 * canonical text (see shared/article/plain-text.ts). Markdown is rendered to
 * HTML by `marked`; HTML (and that) goes through DOMPurify + the strict
 * ProseMirror schema (see html-sanitize.ts and shared/article/html-import.ts).
 */
import { marked } from 'marked';
import type { ApiResult } from '../../../shared/api/contract';
import type { Article, ParsedArticle } from '../../../shared/model/article';
import { MAX_ARTICLE_BYTES, formatBytes } from '../../../shared/model/limits';
import { newId, nowIso } from '../../../shared/model/ids';
import { normalizeNewlines, parsePlainText } from '../../../shared/article/plain-text';
import { fragmentToArticle } from '../../../shared/article/html-import';
import { sha256Hex } from '../../../shared/text/sha256';
import { sanitizeHtml } from './html-sanitize';

type Kind = 'text' | 'markdown' | 'html';

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

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Import an article file. Never throws: every refusal is an error value.
 * The file name decides the format (.txt / .md / .html and variants).
 */
export async function importArticleFile(
  fileName: string,
  bytes: Uint8Array,
): Promise<ApiResult<Article>> {
  const name = fileName.split(/[\\/]/).pop() || 'article';
  const kind = kindOfFile(name);
  if (!kind) {
    return fail(
      'unsupported',
      `“${name}” is not an article file this app can read. Import plain text (.txt), Markdown (.md) or HTML (.html).`,
    );
  }
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return fail(
      'too-large',
      `“${name}” is ${formatBytes(bytes.length)}; articles can be at most ${formatBytes(MAX_ARTICLE_BYTES)}. Split it into parts and import each.`,
    );
  }
  if (bytes.length === 0)
    return fail('invalid-request', `“${name}” is empty: there is no text to review.`);
  if (looksBinary(bytes)) {
    return fail(
      'unsupported',
      `“${name}” looks like a binary file, not text. Export it as plain text, Markdown or HTML and import that.`,
    );
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return fail(
      'unsupported',
      `“${name}” is not UTF-8 text. Save it with UTF-8 encoding and import it again.`,
    );
  }
  return importText(name, kind, text, bytes.length);
}

/** Import pasted text or HTML. `label` names the result in the library. */
export async function importPasted(
  kind: 'text' | 'html',
  content: string,
  label?: string,
): Promise<ApiResult<Article>> {
  const bytes = new TextEncoder().encode(content).length;
  const name = label?.trim() || (kind === 'html' ? 'Pasted page.html' : 'Pasted text.txt');
  if (bytes > MAX_ARTICLE_BYTES) {
    return fail(
      'too-large',
      `The pasted ${kind === 'html' ? 'page' : 'text'} is ${formatBytes(bytes)}; articles can be at most ${formatBytes(MAX_ARTICLE_BYTES)}.`,
    );
  }
  if (content.includes('\u0000'))
    return fail('unsupported', 'The pasted content contains binary data, not text.');
  return importText(name, kind, content, bytes);
}

function importText(name: string, kind: Kind, raw: string, bytes: number): ApiResult<Article> {
  let parsed: ParsedArticle;
  if (kind === 'text') {
    parsed = parsePlainText(normalizeNewlines(raw));
  } else {
    const html =
      kind === 'markdown'
        ? (marked.parse(normalizeNewlines(raw), { async: false, gfm: true }) as string)
        : raw;
    const { fragment, meta } = sanitizeHtml(html);
    parsed = fragmentToArticle(fragment, meta, kind === 'markdown' ? 'markdown' : 'html');
  }
  if (parsed.blocks.length === 0 || parsed.text.trim() === '') {
    return fail(
      'invalid-request',
      `“${name}” has no article text: it is empty or holds only markup.`,
    );
  }
  return { ok: true, value: toArticle(parsed, name, bytes) };
}

/** An article snapshot from parsed content: fresh id, hash, source record. */
export function toArticle(
  parsed: ParsedArticle,
  fileName: string,
  bytes: number,
  id = newId(),
): Article {
  return {
    id,
    meta: parsed.meta,
    text: parsed.text,
    sha256: sha256Hex(parsed.text),
    blocks: parsed.blocks,
    marks: parsed.marks,
    source: { format: parsed.format, fileName, bytes, importedAt: nowIso() },
  };
}
