/**
 * HTML (and Markdown, via HTML) to an article, step 2 of 2.
 *
 * Step 1 happens in the host: the raw HTML is sanitised by DOMPurify in an
 * inert document with {@link SANITIZE_CONFIG} (only the tags the article
 * schema knows, links restricted to http(s)/mailto), giving a DOM fragment.
 * Step 2, here: the fragment's nesting is flattened to one textblock per
 * leaf block (a `<p>` inside a `<blockquote>` becomes a quote), parsed by the
 * ProseMirror `DOMParser` of the strict article schema (which re-checks every
 * link in `getAttrs`), and turned into the standoff article model.
 *
 * The canonical text of an HTML article is derived: the text of its blocks,
 * in order, separated by a blank line (`"\n\n"`); a `<br>` is `"\n"`.
 * Whitespace is collapsed as a browser would show it.
 */
import { DOMParser as PMDOMParser, type Node as PMNode } from 'prosemirror-model';
import type { ArticleMeta, Block, InlineMark, ParsedArticle } from '../model/article';
import { emptyMeta } from '../model/article';
import { articleSchema } from './article-schema';
import { splitTweetAttribution, TWEET_ATTRIBUTION_ONLY_RE } from './plain-text';
import { deriveTitle } from './article-title';
import { readHtmlOpening } from './html-opening';

/** Tags kept by the sanitiser: exactly what the schema (and its flattening) understands. */
export const ALLOWED_TAGS = [
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'figcaption',
  'figure',
  'ul',
  'ol',
  'li',
  'a',
  'em',
  'i',
  'strong',
  'b',
  'span',
  'article',
  'section',
  'main',
  'header',
  'footer',
  'pre',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'caption',
];

/**
 * DOMPurify configuration for article imports. Anything not listed is removed;
 * script-like elements lose their content too. No attribute survives but
 * `href` (checked against http(s)/mailto) and `class` (used only to spot
 * embedded tweets; never rendered).
 */
export const SANITIZE_CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ['href', 'class'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  FORBID_CONTENTS: [
    'script',
    'style',
    'template',
    'noscript',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'select',
    'textarea',
    'button',
    'title',
    'head',
  ],
  RETURN_DOM_FRAGMENT: true,
} as const;

/** The slice of the DOM API the flattening needs (jsdom and browsers both provide it). */
export interface DomElementLike {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<DomElementLike>;
  parentNode: DomElementLike | null;
  ownerDocument: { createElement(tag: string): DomElementLike } | null;
  textContent: string | null;
  insertBefore(node: DomElementLike, ref: DomElementLike | null): unknown;
  removeChild(node: DomElementLike): unknown;
  appendChild(node: DomElementLike): unknown;
  getAttribute?(name: string): string | null;
}

const ELEMENT = 1;
/** Elements that hold a block of text. */
const LEAF_BLOCKS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'FIGCAPTION',
  'LI',
  'PRE',
  'DT',
  'DD',
  'TD',
  'TH',
  'CAPTION',
  'DIV',
]);
/** Elements that only group blocks. */
const CONTAINERS = new Set([
  'ARTICLE',
  'SECTION',
  'MAIN',
  'HEADER',
  'FOOTER',
  'FIGURE',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
]);
/** Leaf blocks whose kind passes to the blocks nested inside them. */
const KIND_CARRIERS = new Set(['BLOCKQUOTE', 'LI', 'FIGCAPTION']);

function isBlock(n: DomElementLike): boolean {
  return n.nodeType === ELEMENT && (LEAF_BLOCKS.has(n.nodeName) || CONTAINERS.has(n.nodeName));
}

/**
 * Flatten nested blocks in place so every leaf block holds only inline
 * content: `<blockquote><p>a</p><p>b</p></blockquote>` becomes two
 * blockquotes; `<li><p>a</p></li>` becomes `<li>a</li>`; loose inline text
 * between blocks is wrapped in a block of the container's kind.
 */
export function flattenBlocks(root: DomElementLike): void {
  const children = Array.from(root.childNodes);
  for (const child of children) if (child.nodeType === ELEMENT) flattenBlocks(child);
  if (root.nodeType !== ELEMENT || !LEAF_BLOCKS.has(root.nodeName)) return;
  const kids = Array.from(root.childNodes);
  if (!kids.some(isBlock)) return;
  const doc = root.ownerDocument;
  const parent = root.parentNode;
  if (!doc || !parent) return;
  const leafTag = KIND_CARRIERS.has(root.nodeName) ? root.nodeName.toLowerCase() : 'p';
  let run: DomElementLike | null = null;
  for (const k of kids) {
    if (isBlock(k)) {
      run = null;
      if (KIND_CARRIERS.has(root.nodeName) && (k.nodeName === 'P' || k.nodeName === 'DIV')) {
        const renamed = doc.createElement(leafTag);
        for (const g of Array.from(k.childNodes)) renamed.appendChild(g);
        parent.insertBefore(renamed, root);
      } else {
        parent.insertBefore(k, root);
      }
    } else {
      if (!run) {
        run = doc.createElement(leafTag);
        parent.insertBefore(run, root);
      }
      run.appendChild(k);
    }
  }
  parent.removeChild(root);
}

/**
 * Turn a sanitised, flattened DOM fragment into an article. `meta` carries
 * what the host read from the page's head (title, outlet, URL, date); a
 * missing title is derived from the text. Never throws for odd markup: what
 * the schema does not know is dropped, its text kept.
 */
export function fragmentToArticle(
  fragment: unknown,
  meta: Partial<ArticleMeta>,
  format: 'html' | 'markdown',
): ParsedArticle {
  flattenBlocks(fragment as DomElementLike);
  const doc = PMDOMParser.fromSchema(articleSchema).parse(fragment as never);
  return docToArticle(doc, meta, format);
}

/** Standoff article from a parsed document; see the module comment for the text it derives. */
export function docToArticle(
  doc: PMNode,
  meta: Partial<ArticleMeta>,
  format: 'html' | 'markdown',
): ParsedArticle {
  const parts: string[] = [];
  const blocks: Block[] = [];
  const marks: InlineMark[] = [];
  let offset = 0;
  doc.forEach((node) => {
    if (!node.isTextblock) return;
    const { text, marks: localMarks } = inlineText(node);
    // Two or more line breaks in a row (`<br><br>`) separate paragraphs, as the page shows them.
    for (const piece of pieces(text)) {
      if (parts.length) {
        parts.push('\n\n');
        offset += 2;
      }
      const start = offset;
      parts.push(text.slice(piece.start, piece.end));
      offset += piece.end - piece.start;
      blocks.push(blockFor(node, start, offset));
      for (const m of localMarks) {
        const s = Math.max(piece.start, m.start);
        const e = Math.min(piece.end, m.end);
        if (e > s)
          marks.push({ ...m, start: start + s - piece.start, end: start + e - piece.start });
      }
    }
  });
  const text = parts.join('');
  const merged = detectTweets(text, blocks);
  const full = { ...emptyMeta(), ...meta };
  readHtmlOpening(text, merged, full);
  if (!full.title) full.title = deriveTitle(text, merged);
  return { text, blocks: merged, marks, meta: full, format };
}

/** The non-blank stretches of a block's text between blank lines, trimmed, as ranges into it. */
function pieces(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\S(?:[^\n]|\n(?!\s*\n))*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[0].trimEnd();
    out.push({ start: m.index, end: m.index + body.length });
  }
  return out;
}

function blockFor(node: PMNode, start: number, end: number): Block {
  switch (node.type.name) {
    case 'heading':
      return { type: 'heading', start, end, level: node.attrs.level as number };
    case 'caption':
      return { type: 'caption', start, end };
    case 'quote':
      return { type: 'quote', start, end };
    case 'list_item':
      return { type: 'list-item', start, end, ordered: node.attrs.ordered as boolean };
    default:
      return { type: 'paragraph', start, end };
  }
}

/** A textblock's text (hard breaks as "\n") and its marks, relative to the block. */
function inlineText(node: PMNode): { text: string; marks: InlineMark[] } {
  let text = '';
  const marks: InlineMark[] = [];
  node.forEach((child) => {
    const start = text.length;
    text += child.isText ? child.text! : child.type.name === 'hard_break' ? '\n' : '';
    for (const m of child.marks) {
      const type = m.type.name as InlineMark['type'];
      const last = marks[marks.length - 1];
      const href = type === 'link' ? (m.attrs.href as string) : undefined;
      if (last && last.type === type && last.href === href && last.end === start)
        last.end = text.length;
      else
        marks.push(
          href === undefined
            ? { type, start, end: text.length }
            : { type, start, end: text.length, href },
        );
    }
  });
  return { text, marks };
}

/**
 * Quoted tweets: a quote or paragraph that ends with a tweet attribution is
 * split into tweet text + attribution; a quote followed by a block that is
 * only an attribution (the markup of embedded tweets) becomes one tweet.
 */
function detectTweets(text: string, blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    const own = text.slice(b.start, b.end);
    if (
      prev &&
      prev.type === 'quote' &&
      (b.type === 'paragraph' || b.type === 'quote') &&
      TWEET_ATTRIBUTION_ONLY_RE.test(own)
    ) {
      out[out.length - 1] = {
        type: 'tweet',
        start: prev.start,
        end: prev.end,
        attribution: { start: b.start, end: b.end },
      };
      continue;
    }
    if (b.type === 'quote' || b.type === 'paragraph') {
      const split = splitTweetAttribution(text, b);
      if (split) {
        out.push(split);
        continue;
      }
    }
    out.push(b);
  }
  return out;
}
