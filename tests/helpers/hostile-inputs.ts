/**
 * The inputs of issue 14's import attacks, generated (never committed), for
 * the regression tests and the import benchmark: 16,000 `<img>` tags, 600 `>`
 * characters of Markdown, deep nesting, and a news-like HTML page of any size.
 */

/** 16,000 `<img>` tags after one paragraph (~176 KB). */
export function manyImages(count = 16_000): string {
  return `<p>Photo essay</p>${'<img src=x>'.repeat(count)}`;
}

/** Markdown of `n` `>` characters (607 bytes for the attack's 600 plus a title line). */
export function deepQuotesMarkdown(n = 600): string {
  return `# Q\n\n${'>'.repeat(n)}\n`;
}

/** `n` nested `<div>`s around one word. */
export function deepNesting(n = 10_000, tag = 'div'): string {
  return `${`<${tag}>`.repeat(n)}word${`</${tag}>`.repeat(n)}`;
}

const SENTENCE =
  'The minister said the figures were accurate, though the report she cited was published two years earlier. ';

/**
 * A news-like page of at least `bytes` bytes (ASCII): a head with metadata,
 * then paragraphs with links, emphasis, figures and the clutter of a saved
 * page (nav, scripts, images, spans), about one element per 40 bytes.
 */
export function newsPage(bytes: number): string {
  const head =
    '<!doctype html><html><head><title>Page</title><meta property="og:site_name" content="The Daily">' +
    '<script>var tracking = 1;</script><style>p { margin: 0 }</style></head><body><nav><a href="/">Home</a></nav><article><h1>Headline</h1>';
  const parts: string[] = [head];
  let size = head.length;
  for (let i = 0; size < bytes; i++) {
    const p =
      `<div class="row"><p>${SENTENCE}<a href="https://daily.test/${i}">source ${i}</a> and <em>emphasis</em>, <strong>bold</strong>.` +
      `<span class="x">${SENTENCE}</span></p><figure><img src="i${i}.png" alt=""><figcaption>Photo ${i}</figcaption></figure>` +
      `<script>track(${i})</script></div>\n`;
    parts.push(p);
    size += p.length;
  }
  parts.push('</article></body></html>');
  return parts.join('');
}

/** Plain text of at least `bytes` bytes in paragraphs: the baseline the ratios compare with. */
export function plainText(bytes: number): string {
  const para = `${SENTENCE.repeat(6).trim()}\n\n`;
  return para.repeat(Math.ceil(bytes / para.length));
}
