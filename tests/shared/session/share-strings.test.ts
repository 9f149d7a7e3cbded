/**
 * `shareSessionStrings` (shared/session/share-strings.ts) leaves every value of a session read
 * from JSON as it was: the same JSON out, the same quotes, ids and words, with astral
 * characters before the quotes (code-point positions), quotes that no longer match the text
 * (changed wording, orphans) and prefixes cut by the text's start.
 */
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/model/session';
import { createSession } from '../../../shared/model/session';
import { shareSessionStrings } from '../../../shared/session/share-strings';
import { makeArticle } from '../../helpers/session-fixtures';
import { annotationOn } from '../anchoring/annotation-fixtures';
import { buildBenchSession, generateArticleText } from '../../bench/corpus';

const fromJson = (s: Session): Session => JSON.parse(JSON.stringify(s)) as Session;

describe('shareSessionStrings', () => {
  it('keeps every value of a long review', () => {
    const session = buildBenchSession(generateArticleText(60_000), 300);
    const json = JSON.stringify(session);
    const parsed = fromJson(session);
    shareSessionStrings(parsed);
    expect(JSON.stringify(parsed)).toBe(json);
    expect(parsed).toEqual(session);
  });

  it('keeps quotes after astral characters, changed quotes and orphans as they were', () => {
    const text =
      'A headline\n\n😀 Emoji first 🎉, then the passage that a reviewer marked as a claim, and more text after it.\n\nAnother paragraph with 🎉 again and a second passage to mark here.';
    const article = makeArticle(text, 'astral.txt', 'article-astral');
    const session = createSession('Astral', [article], 'Tester');
    const t = article.text;
    const on = (phrase: string, id: string) => {
      const start = t.indexOf(phrase);
      expect(start).toBeGreaterThanOrEqual(0);
      const a = annotationOn(t, start, start + phrase.length, id);
      return { ...a, target: { ...a.target, articleId: article.id } };
    };
    const claim = on('the passage that a reviewer marked as a claim', 'a1');
    const second = on('a second passage to mark here', 'a2');
    const head = on('A headline', 'a3');
    const changed = on('Emoji first 🎉, then', 'a4');
    changed.target = {
      ...changed.target,
      status: 'changed',
      quote: { ...changed.target.quote, exact: 'Emoji first 🎉, than' },
    };
    const orphan = {
      ...on('and more text after it', 'a5'),
      target: { ...on('and more text after it', 'a5').target, status: 'orphaned' as const },
    };
    session.annotations = [claim, second, head, changed, orphan];
    expect(claim.target.position.start).toBeLessThan(t.indexOf(claim.target.quote.exact));
    session.links = [
      {
        id: 'l1',
        from: 'a2',
        to: 'a1',
        relation: 'contradicts',
        note: '',
        reviewer: 'Tester',
        created: '2024-01-01T00:00:00.000Z',
        modified: '2024-01-01T00:00:00.000Z',
      },
    ];
    const json = JSON.stringify(session);
    const parsed = fromJson(session);
    shareSessionStrings(parsed);
    expect(JSON.stringify(parsed)).toBe(json);
    expect(parsed.annotations.map((a) => a.target.quote.exact)).toEqual([
      'the passage that a reviewer marked as a claim',
      'a second passage to mark here',
      'A headline',
      'Emoji first 🎉, than',
      'and more text after it',
    ]);
  });
});
