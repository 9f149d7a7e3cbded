/**
 * Test fixtures: the seed article as an `Article`, and a session holding it.
 * Built from the real seed file with the real parser.
 */
import { readFileSync } from 'node:fs';
import type { Article } from '../../shared/model/article';
import { createSession, type Session } from '../../shared/model/session';
import { makeArticle, SEED_PATH } from './session-fixtures';

export { SEED_PATH };

/** An article from plain text, as the library would make it. */
export function articleFromText(raw: string, id = 'article-1', fileName = 'article.txt'): Article {
  return makeArticle(raw, fileName, id);
}

/** The seed article. */
export function seedArticle(id = 'seed-1'): Article {
  return articleFromText(readFileSync(SEED_PATH, 'utf8'), id, 'seed.txt');
}

/** A fresh session holding the seed article, with a reviewer name set. */
export function seedSession(): Session {
  const s = createSession('Seed review', [seedArticle()], 'Test Reviewer');
  return s;
}

/**
 * UTF-16 range of the first occurrence of `quote` in the article text, as
 * `start`/`end` and as `start16`/`end16`; throws when absent.
 */
export function spanOf(
  article: Pick<Article, 'text'>,
  quote: string,
  from = 0,
): { start: number; end: number; start16: number; end16: number } {
  const start = article.text.indexOf(quote, from);
  if (start < 0) throw new Error(`quote not in article: ${quote}`);
  return { start, end: start + quote.length, start16: start, end16: start + quote.length };
}
