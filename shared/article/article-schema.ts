/**
 * The strict ProseMirror schema of an article. It knows only what the article
 * model can hold (see `model/article.ts`): paragraphs, headings, one caption,
 * quotes, list items, quoted tweets with their attribution line, line breaks,
 * and the inline marks link / em / strong. Parsing HTML with it drops
 * everything else; link hrefs are checked in `getAttrs`, so a `javascript:`
 * or relative link loses its mark and keeps its text.
 */
import { Schema, type DOMOutputSpec } from 'prosemirror-model';
import { safeLinkHref } from './safe-url';

type DomLike = { getAttribute(name: string): string | null };

/** The article schema, shared by the editor, the HTML importer and the validators. */
export const articleSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: {
      group: 'block',
      content: 'inline*',
      parseDOM: [{ tag: 'p' }, { tag: 'div', priority: 10 }],
      toDOM: (): DOMOutputSpec => ['p', 0],
    },
    heading: {
      group: 'block',
      content: 'inline*',
      attrs: { level: { default: 2, validate: 'number' } },
      defining: true,
      parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
      toDOM: (node): DOMOutputSpec => [`h${Math.min(6, Math.max(1, Number(node.attrs.level)))}`, 0],
    },
    caption: {
      group: 'block',
      content: 'inline*',
      parseDOM: [{ tag: 'figcaption' }],
      toDOM: (): DOMOutputSpec => ['p', { class: 'article-caption' }, 0],
    },
    quote: {
      group: 'block',
      content: 'inline*',
      parseDOM: [{ tag: 'blockquote' }],
      toDOM: (): DOMOutputSpec => ['blockquote', { class: 'article-quote' }, 0],
    },
    list_item: {
      group: 'block',
      content: 'inline*',
      attrs: { ordered: { default: false, validate: 'boolean' } },
      parseDOM: [
        {
          tag: 'li',
          getAttrs: (dom) => ({
            ordered:
              (dom as unknown as { parentNode: { nodeName: string } | null }).parentNode
                ?.nodeName === 'OL',
          }),
        },
      ],
      toDOM: (node): DOMOutputSpec => [
        'p',
        { class: node.attrs.ordered ? 'article-li article-li-ordered' : 'article-li' },
        0,
      ],
    },
    tweet: {
      group: 'block',
      content: 'tweet_text tweet_attribution?',
      defining: true,
      toDOM: (): DOMOutputSpec => ['blockquote', { class: 'tweet' }, 0],
    },
    tweet_text: {
      content: 'inline*',
      toDOM: (): DOMOutputSpec => ['p', { class: 'tweet-text' }, 0],
    },
    tweet_attribution: {
      content: 'inline*',
      toDOM: (): DOMOutputSpec => ['p', { class: 'tweet-attribution' }, 0],
    },
    text: { group: 'inline' },
    hard_break: {
      group: 'inline',
      inline: true,
      selectable: false,
      parseDOM: [{ tag: 'br' }],
      toDOM: (): DOMOutputSpec => ['br'],
      leafText: () => '\n',
    },
  },
  marks: {
    link: {
      attrs: { href: { validate: 'string' } },
      inclusive: false,
      parseDOM: [
        {
          tag: 'a[href]',
          getAttrs: (dom) => {
            const href = safeLinkHref((dom as unknown as DomLike).getAttribute('href'));
            return href ? { href } : false;
          },
        },
      ],
      toDOM: (mark): DOMOutputSpec => [
        'a',
        {
          href: safeLinkHref(mark.attrs.href as string) ?? '',
          rel: 'noopener noreferrer nofollow',
        },
        0,
      ],
    },
    em: {
      parseDOM: [{ tag: 'i' }, { tag: 'em' }],
      toDOM: (): DOMOutputSpec => ['em', 0],
    },
    strong: {
      parseDOM: [{ tag: 'b' }, { tag: 'strong' }],
      toDOM: (): DOMOutputSpec => ['strong', 0],
    },
  },
});
