/**
 * HTML (and Markdown, via HTML) to an article, built in one pass over a stream
 * of tags and text: no DOM, no recursion, work and memory linear in the input.
 *
 * A tokenizer in the host (htmlparser2, see electron/service/import/) calls
 * {@link HtmlArticleBuilder.open}, `close` and `text` as it reads the page.
 * The builder keeps only what the article model can hold (see
 * `model/article.ts`): blocks of text, line breaks and the marks link / em /
 * strong. It is an allow-list, so the sanitising is by construction: the
 * output is text, every element is dropped, script-like elements lose their
 * content, and a link survives only as an absolute http(s) or mailto href.
 *
 * Blocks. Every block element's start and end ends the current block, so
 * `<blockquote><p>a</p><p>b</p></blockquote>` is two quotes and loose text
 * between blocks is a block of its own. The kind of a block comes from the
 * innermost block element around the text: a heading, quote, list item or
 * caption is that; a `<p>` or `<div>` takes the kind of the nearest quote,
 * list item or caption it sits in through other `<p>`/`<div>`s, else it is a
 * paragraph; text loose in a container (section, list, table, …) is a
 * paragraph.
 *
 * Text. Whitespace is collapsed as a browser shows it (runs of space, tab and
 * newline become one space; a space after a space or a line break is
 * dropped); `<br>` is `"\n"`. The canonical text of an HTML article is the
 * text of its blocks, in order, separated by a blank line (`"\n\n"`); two line
 * breaks in a row separate paragraphs.
 *
 * Limits: nesting deeper than {@link MAX_IMPORT_DEPTH} or more than
 * {@link MAX_IMPORT_ELEMENTS} elements throw {@link ImportLimitError}, whose
 * message names the limit.
 */
import type { ArticleMeta, Block, BlockType, InlineMark, ParsedArticle } from '../model/article';
import { emptyMeta } from '../model/article';
import { MAX_IMPORT_DEPTH, MAX_IMPORT_ELEMENTS } from '../model/limits';
import { safeLinkHref } from './safe-url';
import { splitTweetAttribution, TWEET_ATTRIBUTION_ONLY_RE } from './plain-text';
import { deriveTitle } from './article-title';
import { readHtmlOpening } from './html-opening';

/** Elements dropped together with everything inside them. */
export const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set([
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
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
]);

/** Elements that hold a block of text. */
const LEAF_BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'figcaption',
  'li',
  'pre',
  'dt',
  'dd',
  'td',
  'th',
  'caption',
  'div',
]);
/** Elements that only group blocks. */
const CONTAINERS = new Set([
  'article',
  'section',
  'main',
  'header',
  'footer',
  'figure',
  'ul',
  'ol',
  'dl',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'nav',
  'aside',
  'body',
  'html',
]);
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/** A nesting or size limit was exceeded; `message` names the limit, for the user. */
export class ImportLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportLimitError';
  }
}

type Mark = 'em' | 'strong' | 'link';
const MARK_OF: Record<string, Mark> = {
  em: 'em',
  i: 'em',
  strong: 'strong',
  b: 'strong',
  a: 'link',
};

interface Open {
  tag: string;
  /** 0: inline or other, 1: leaf block, 2: container. */
  block: 0 | 1 | 2;
  /** Dropped with its content. */
  dropped: boolean;
  mark: Mark | null;
  /** The tag of the parent element (for `<li>`: ordered or not). */
  parent: string;
}

/** A block of text as read, before blank lines split it. */
interface TextBlock {
  type: BlockType;
  level?: number;
  ordered?: boolean;
  text: string;
  marks: InlineMark[];
}

/**
 * Builds an article from tag and text events (see the module comment). Feed
 * it in document order, then call {@link HtmlArticleBuilder.finish}. Not
 * reusable. Throws {@link ImportLimitError} from `open` when a limit is hit.
 */
export class HtmlArticleBuilder {
  private readonly stack: Open[] = [];
  /** Indexes into `stack` of the open block elements. */
  private readonly blockStack: number[] = [];
  private dropped = 0;
  private em = 0;
  private strong = 0;
  /** hrefs of the open links; null for a link whose href is not safe. */
  private readonly links: (string | null)[] = [];
  private elements = 0;
  private readonly blocks: TextBlock[] = [];
  private current: TextBlock | null = null;
  private parts: string[] = [];
  private length = 0;
  private lastChar = '';
  /** Blocks of the first `<article>` element, when the page has one. */
  private articleRange: { start: number; end: number | null; depth: number } | null = null;

  constructor(
    private readonly limits = { depth: MAX_IMPORT_DEPTH, elements: MAX_IMPORT_ELEMENTS },
  ) {}

  /** An element starts. `attrs` are its attributes (lowercase names). */
  open(tag: string, attrs: Record<string, string>): void {
    if (++this.elements > this.limits.elements) {
      throw new ImportLimitError(
        `it has more than ${this.limits.elements.toLocaleString('en-US')} elements, the most an import may have`,
      );
    }
    if (this.stack.length >= this.limits.depth) {
      throw new ImportLimitError(
        `its elements are nested more than ${this.limits.depth} levels deep, the most an import may have`,
      );
    }
    const parent = this.stack.length ? this.stack[this.stack.length - 1]!.tag : '';
    const isDropped = DROPPED_WITH_CONTENT.has(tag);
    const block: Open['block'] = LEAF_BLOCKS.has(tag) ? 1 : CONTAINERS.has(tag) ? 2 : 0;
    const entry: Open = { tag, block, dropped: isDropped, mark: null, parent };
    this.stack.push(entry);
    if (isDropped) {
      this.dropped++;
      return;
    }
    if (this.dropped) return;
    if (block) {
      this.endBlock();
      this.blockStack.push(this.stack.length - 1);
      if (tag === 'article' && !this.articleRange)
        this.articleRange = { start: this.blocks.length, end: null, depth: this.stack.length };
      return;
    }
    if (tag === 'br') {
      this.append('\n');
      return;
    }
    const mark = MARK_OF[tag];
    if (!mark) return;
    entry.mark = mark;
    if (mark === 'em') this.em++;
    else if (mark === 'strong') this.strong++;
    else this.links.push(safeLinkHref(attrs.href));
  }

  /** The innermost open element named `tag` ends (the tokenizer reports every end, implied ones too). */
  close(tag: string): void {
    const entry = this.stack.pop();
    if (!entry) return;
    if (entry.tag !== tag) {
      // A tokenizer reports ends innermost first; keep the stack true to it regardless.
      this.stack.push(entry);
      return;
    }
    if (entry.dropped) {
      this.dropped--;
      return;
    }
    if (this.dropped) return;
    if (entry.block) {
      this.endBlock();
      this.blockStack.pop();
      if (
        this.articleRange &&
        this.articleRange.end === null &&
        this.articleRange.depth === this.stack.length + 1
      )
        this.articleRange.end = this.blocks.length;
      return;
    }
    if (entry.mark === 'em') this.em--;
    else if (entry.mark === 'strong') this.strong--;
    else if (entry.mark === 'link') this.links.pop();
  }

  /** Text (entities already decoded). */
  text(raw: string): void {
    if (this.dropped || raw.length === 0) return;
    const collapsed = raw.replace(/[ \t\r\n\f]+/g, ' ');
    this.append(collapsed);
  }

  private append(s: string): void {
    let text = s;
    if (
      text.charCodeAt(0) === 32 &&
      (this.length === 0 || this.lastChar === ' ' || this.lastChar === '\n')
    )
      text = text.slice(1);
    if (!text) return;
    if (!this.current) this.current = this.newBlock();
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    this.lastChar = text[text.length - 1]!;
    if (this.em) this.mark('em', start, undefined);
    if (this.strong) this.mark('strong', start, undefined);
    for (let i = this.links.length - 1; i >= 0; i--) {
      const href = this.links[i];
      if (href) {
        this.mark('link', start, href);
        break;
      }
    }
  }

  private mark(type: Mark, start: number, href: string | undefined): void {
    const marks = this.current!.marks;
    for (let i = marks.length - 1; i >= 0 && i >= marks.length - 3; i--) {
      const m = marks[i]!;
      if (m.end !== start) break;
      if (m.type === type && m.href === href) {
        m.end = this.length;
        return;
      }
    }
    marks.push(
      href === undefined
        ? { type, start, end: this.length }
        : { type, start, end: this.length, href },
    );
  }

  private newBlock(): TextBlock {
    const k = this.kindHere();
    return { type: k.type, level: k.level, ordered: k.ordered, text: '', marks: [] };
  }

  /** The kind of a block started here (see the module comment). */
  private kindHere(): Omit<TextBlock, 'text' | 'marks'> {
    const bs = this.blockStack;
    let i = bs.length - 1;
    if (i < 0) return { type: 'paragraph' };
    let e = this.stack[bs[i]!]!;
    if (e.block === 2) return { type: 'paragraph' };
    const level = HEADINGS[e.tag];
    if (level) return { type: 'heading', level };
    while ((e.tag === 'p' || e.tag === 'div') && i > 0) {
      const up = this.stack[bs[i - 1]!]!;
      if (up.block !== 1 || HEADINGS[up.tag]) break;
      e = up;
      i--;
    }
    switch (e.tag) {
      case 'blockquote':
        return { type: 'quote' };
      case 'figcaption':
        return { type: 'caption' };
      case 'li':
        return { type: 'list-item', ordered: e.parent === 'ol' };
      default:
        return { type: 'paragraph' };
    }
  }

  private endBlock(): void {
    const b = this.current;
    if (b) {
      b.text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
      this.blocks.push(b);
    }
    this.current = null;
    this.parts = [];
    this.length = 0;
    this.lastChar = '';
  }

  /** The article read so far. `meta` is what the host read from the page's head. */
  finish(meta: Partial<ArticleMeta>, format: 'html' | 'markdown'): ParsedArticle {
    this.endBlock();
    const r = this.articleRange;
    const chosen = r ? this.blocks.slice(r.start, r.end ?? this.blocks.length) : this.blocks;
    return assembleArticle(chosen, meta, format);
  }
}

/** The article from its text blocks: split at blank lines, offsets into one canonical text, tweets found. */
function assembleArticle(
  textBlocks: readonly TextBlock[],
  meta: Partial<ArticleMeta>,
  format: 'html' | 'markdown',
): ParsedArticle {
  const parts: string[] = [];
  const blocks: Block[] = [];
  const marks: InlineMark[] = [];
  let offset = 0;
  for (const tb of textBlocks) {
    const { text } = tb;
    for (const piece of pieces(text)) {
      if (parts.length) {
        parts.push('\n\n');
        offset += 2;
      }
      const start = offset;
      parts.push(text.slice(piece.start, piece.end));
      offset += piece.end - piece.start;
      blocks.push(blockFor(tb, start, offset));
      for (const m of tb.marks) {
        const s = Math.max(piece.start, m.start);
        const e = Math.min(piece.end, m.end);
        if (e > s)
          marks.push({ ...m, start: start + s - piece.start, end: start + e - piece.start });
      }
    }
  }
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

function blockFor(tb: TextBlock, start: number, end: number): Block {
  switch (tb.type) {
    case 'heading':
      return { type: 'heading', start, end, level: tb.level ?? 2 };
    case 'list-item':
      return { type: 'list-item', start, end, ordered: tb.ordered ?? false };
    default:
      return { type: tb.type, start, end };
  }
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
