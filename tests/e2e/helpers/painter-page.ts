/**
 * The page module of the highlight painter spec, bundled with esbuild and
 * loaded into Chromium: the app's article editor alone (no host, no panels)
 * in a scrolling column styled with the app's CSS, so the painter that runs
 * is the CSS Custom Highlight one the app uses, not the jsdom fallback.
 * Exposes `window.__painter`.
 */
import type { Article } from '../../../shared/model/article';
import type { Annotation } from '../../../shared/model/session';
import { mountArticleEditor, type ArticleEditor } from '../../../renderer/editor/article-editor';

let editor: ArticleEditor | null = null;
let list: Annotation[] = [];

const api = {
  /** Mount the editor on an article with annotations (replacing any earlier one). */
  mount(json: string): void {
    const { article, annotations } = JSON.parse(json) as {
      article: Article;
      annotations: Annotation[];
    };
    editor?.destroy();
    list = annotations;
    editor = mountArticleEditor(document.getElementById('host')!, article, list);
  },
  /** Add or replace annotations and remove others, as a session op batch would. */
  change(putJson: string, removeIds: string[]): void {
    const put = JSON.parse(putJson) as Annotation[];
    const byId = new Map(put.map((a) => [a.id, a]));
    const next = list.filter((a) => !removeIds.includes(a.id)).map((a) => byId.get(a.id) ?? a);
    for (const a of put) if (!list.some((x) => x.id === a.id)) next.push(a);
    list = next;
    editor!.setAnnotations(list);
  },
  /** Scroll the column to a fraction of its height. */
  scrollTo(fraction: number): void {
    const s = document.getElementById('scroll')!;
    s.scrollTop = fraction * (s.scrollHeight - s.clientHeight);
  },
  /** Inline decoration spans of the fallback painter (none where custom highlights paint). */
  fallbackSpans(): number {
    return document.querySelectorAll('.fc-hl').length;
  },
  registryNames(): string[] {
    return [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].sort();
  },
  destroy(): void {
    editor?.destroy();
    editor = null;
  },
};

(window as unknown as { __painter: typeof api }).__painter = api;
export type PainterPage = typeof api;
