/**
 * Markdown to HTML for the import, with markdown-it. The HTML then goes
 * through the same allow-list builder as an HTML page (html-parse.ts).
 *
 * Why markdown-it rather than marked (used before): measured here, marked
 * overflowed the stack on 1,000 nested emphasis openers (14 KB) and took 22 s
 * on 1 MB of indented lists, while markdown-it handled the same inputs in
 * about 0.1 s, growing linearly. markdown-it also bounds nesting itself
 * (`maxNesting`), but beyond it silently drops the rest of the document, so
 * we check the nesting the parse reached and refuse, naming the limit, rather
 * than lose text.
 */
import MarkdownIt from 'markdown-it';
import { MAX_MARKDOWN_NESTING } from '../../../shared/model/limits';
import { ImportLimitError } from '../../../shared/article/html-import';

/** Token levels per quote or list level (a list is `<ul>` + `<li>`), plus the paragraph inside. */
const MAX_TOKEN_LEVEL = 2 * MAX_MARKDOWN_NESTING + 2;

const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
md.set({ maxNesting: MAX_TOKEN_LEVEL });

/** The run of quote and list markers at the start of each line. */
const LINE_MARKERS = /^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/gm;

function countMarkers(run: string): number {
  return run.match(/>|[-+*]|\d{1,9}[.)]/g)?.length ?? 0;
}

function tooDeep(): ImportLimitError {
  return new ImportLimitError(
    `its quotes and lists are nested more than ${MAX_MARKDOWN_NESTING} levels deep, the most an import may have`,
  );
}

/**
 * Render Markdown to HTML. Throws {@link ImportLimitError} when quotes and
 * lists nest deeper than MAX_MARKDOWN_NESTING.
 */
export function markdownToHtml(src: string): string {
  // First a cheap linear scan for the usual attack, a line of many quote or list markers, so that
  // it is refused before parsing; the parse's own nesting is checked below for the rest.
  LINE_MARKERS.lastIndex = 0;
  for (let m = LINE_MARKERS.exec(src); m; m = LINE_MARKERS.exec(src)) {
    if (countMarkers(m[0]) > MAX_MARKDOWN_NESTING) throw tooDeep();
  }
  const env = {};
  const tokens = md.parse(src, env);
  for (const t of tokens) {
    if (t.level + (t.nesting === 1 ? 1 : 0) >= MAX_TOKEN_LEVEL) throw tooDeep();
  }
  return md.renderer.render(tokens, md.options, env);
}
