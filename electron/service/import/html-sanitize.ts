/**
 * Step 1 of the HTML import in Node: parse untrusted HTML with jsdom (scripts
 * never run, no subresource is ever fetched), read the page's metadata from
 * its head, and sanitise the article body with DOMPurify into a fragment of
 * an inert document. Step 2 is `fragmentToArticle` in shared/.
 */
import { JSDOM } from 'jsdom';
import createDOMPurify from 'dompurify';
import type { ArticleMeta } from '../../../shared/model/article';
import { SANITIZE_CONFIG } from '../../../shared/article/html-import';
import { safeHttpUrl } from '../../../shared/article/safe-url';

/** A sanitised article body and the metadata found in the page. */
export interface SanitizedHtml {
  fragment: unknown;
  meta: Partial<ArticleMeta>;
}

/**
 * Sanitise `html`. The jsdom window is created without `runScripts` and
 * without a resource loader, so nothing in the page can execute or reach
 * the network, before or after DOMPurify runs.
 */
export function sanitizeHtml(html: string): SanitizedHtml {
  // The source document: inert (no scripts, no resources), used only to read metadata and pick the body.
  const source = new JSDOM(html, { contentType: 'text/html' });
  try {
    const doc = source.window.document;
    const meta = readMeta(doc);
    const root = doc.querySelector('article') ?? doc.body;
    const body = root ? root.innerHTML : '';
    // DOMPurify parses `body` again into its own inert document (DOMParser), never a live node.
    const purifier = createDOMPurify(
      source.window as unknown as Parameters<typeof createDOMPurify>[0],
    );
    const fragment = purifier.sanitize(body, {
      ...SANITIZE_CONFIG,
      ALLOWED_TAGS: [...SANITIZE_CONFIG.ALLOWED_TAGS],
      ALLOWED_ATTR: [...SANITIZE_CONFIG.ALLOWED_ATTR],
      FORBID_CONTENTS: [...SANITIZE_CONFIG.FORBID_CONTENTS],
    });
    return { fragment, meta };
  } finally {
    source.window.close();
  }
}

type Doc = InstanceType<typeof JSDOM>['window']['document'];

function metaContent(doc: Doc, selectors: string[]): string {
  for (const s of selectors) {
    const el = doc.querySelector(s);
    const v =
      el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? el?.getAttribute('href') ?? '';
    if (v.trim()) return v.trim();
  }
  return '';
}

/** Title, outlet, canonical URL, date and byline from the page's head, when present. */
function readMeta(doc: Doc): Partial<ArticleMeta> {
  const title =
    metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ||
    doc.querySelector('h1')?.textContent?.trim() ||
    doc.title.trim();
  const date = metaContent(doc, [
    'meta[property="article:published_time"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
    'meta[itemprop="datePublished"]',
    'time[datetime]',
  ]);
  const url =
    safeHttpUrl(metaContent(doc, ['link[rel="canonical"]', 'meta[property="og:url"]'])) ?? '';
  return {
    title: collapse(title).slice(0, 500),
    outlet: collapse(
      metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']),
    ).slice(0, 200),
    url,
    date: /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0] ?? '',
    byline: collapse(
      metaContent(doc, ['meta[name="author"]', 'meta[property="article:author"]']),
    ).slice(0, 200),
  };
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
