// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderArticleStatic } from '../../../renderer/editor/render-static';
import { seedArticle } from '../../helpers/seed-session';

describe('renderArticleStatic', () => {
  it('renders the seed with the editor’s markup and nothing editable', () => {
    const el = renderArticleStatic(seedArticle())!;
    expect(el.className).toContain('article-text');
    expect(el.querySelectorAll('.article-caption')).toHaveLength(1);
    expect(el.querySelectorAll('blockquote.tweet .tweet-attribution')).toHaveLength(2);
    expect(el.querySelector('[contenteditable]')).toBeNull();
  });

  it('returns null when the structure does not fit the text', () => {
    const a = seedArticle();
    expect(
      renderArticleStatic({
        ...a,
        blocks: [{ type: 'paragraph', start: 0, end: a.text.length + 5 }],
      }),
    ).toBeNull();
  });
});
