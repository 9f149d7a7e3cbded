/**
 * The suggestion part of the API service (issue 13): claim suggestions of a
 * session's article, speaker suggestions for a span, "seen before" across the
 * library and the imported fact-check files, and the import of those files.
 *
 * Costs and caches:
 * - an article's analysis (sentence units, name phrases) and its suggestions
 *   are computed once per text (keyed by its SHA-256, a few texts kept), on a
 *   worker thread (suggest-runner.ts): seconds for a long report, during
 *   which saves and every other request are answered. Requests for the same
 *   text share one run; reopening a session or asking for speakers of many
 *   spans is cheap;
 * - the "seen before" index is rebuilt only when a session changed (its
 *   `updatedAt`), was added or removed, or a fact-check file came or went;
 *   each session's claims are re-read only when that session changed.
 */
import type { ApiMethod, ApiRequest, ApiResponses, ApiResult } from '../../../shared/api/contract';
import type { Article } from '../../../shared/model/article';
import type { Session } from '../../../shared/model/session';
import { MAX_FACTCHECK_FILE_BYTES, formatSizeAndLimit } from '../../../shared/model/limits';
import {
  claimsFromSession,
  createClaimIndex,
  type ClaimIndex,
  type ReviewedClaim,
} from '../../../shared/suggest/similar-claims';
import { suggestSpeakers } from '../../../shared/suggest/speaker-suggest';
import type { SessionStore } from '../store';
import type { FactcheckStore } from './factcheck-store';
import type { ArticleAnalysis } from './article-analysis';
import { analyseInWorker } from './suggest-runner';

type SuggestMethod =
  | 'suggest.claims'
  | 'suggest.speakers'
  | 'suggest.similar'
  | 'factchecks.import'
  | 'factchecks.list'
  | 'factchecks.remove';

export type SuggestHandlers = {
  [M in SuggestMethod & ApiMethod]: (req: ApiRequest<M>) => Promise<ApiResult<ApiResponses[M]>>;
};

/** Texts whose analysis is kept (an open session rarely has more articles in play). */
const TEXT_CACHE_SIZE = 8;

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
const fail = (
  code: 'not-found' | 'too-large' | 'invalid-request' | 'unsupported',
  message: string,
) => ({ ok: false, error: { code, message } }) as const;

export function createSuggestHandlers(deps: {
  store: SessionStore;
  factchecks: FactcheckStore;
}): SuggestHandlers {
  const { store, factchecks } = deps;
  /** Each text's analysis, by SHA-256: a run in progress is shared, a failed one is not kept. */
  const texts = new Map<string, Promise<ApiResult<ArticleAnalysis>>>();

  const textEntry = (a: Article): Promise<ApiResult<ArticleAnalysis>> => {
    let e = texts.get(a.sha256);
    if (e) {
      // Most recently used last.
      texts.delete(a.sha256);
      texts.set(a.sha256, e);
      return e;
    }
    e = analyseInWorker({ text: a.text, blocks: a.blocks });
    texts.set(a.sha256, e);
    void e.then((r) => {
      if (!r.ok && texts.get(a.sha256) === e) texts.delete(a.sha256);
    });
    while (texts.size > TEXT_CACHE_SIZE) texts.delete(texts.keys().next().value!);
    return e;
  };

  const articleOf = async (
    id: string,
    articleId: string,
  ): Promise<ApiResult<{ session: Session; article: Article }>> => {
    const opened = await store.open(id);
    if (!opened.ok) return opened;
    const article = opened.value.session.articles.find((a) => a.id === articleId);
    if (!article) return fail('not-found', 'That article is not in this session.');
    return ok({ session: opened.value.session, article });
  };

  // "Seen before": claims per session, re-read when the session's updatedAt changes.
  const perSession = new Map<string, { updatedAt: string; claims: ReviewedClaim[] }>();
  let index: { key: string; index: ClaimIndex } | null = null;

  const similarIndex = async (): Promise<ClaimIndex> => {
    const summaries = (await store.list()).filter((s) => s.status !== 'damaged');
    const key = `${factchecks.generation}|${summaries.map((s) => `${s.id}@${s.updatedAt}`).join(',')}`;
    if (index?.key === key) return index.index;
    const live = new Set<string>();
    for (const s of summaries) {
      live.add(s.id);
      const had = perSession.get(s.id);
      if (had && had.updatedAt === s.updatedAt) continue;
      const opened = await store.open(s.id);
      if (opened.ok)
        perSession.set(s.id, {
          updatedAt: s.updatedAt,
          claims: claimsFromSession(opened.value.session),
        });
    }
    for (const id of [...perSession.keys()]) if (!live.has(id)) perSession.delete(id);
    const all = [...[...perSession.values()].flatMap((x) => x.claims), ...factchecks.claims()];
    index = { key, index: createClaimIndex(all) };
    return index.index;
  };

  return {
    'suggest.claims': async ({ id, articleId }) => {
      const got = await articleOf(id, articleId);
      if (!got.ok) return got;
      const { article } = got.value;
      const e = await textEntry(article);
      if (!e.ok) return e;
      return ok({ articleId, sha256: article.sha256, suggestions: e.value.suggestions });
    },
    'suggest.speakers': async ({ id, articleId, start, end }) => {
      const got = await articleOf(id, articleId);
      if (!got.ok) return got;
      const { article, session } = got.value;
      if (end < start) return fail('invalid-request', 'The span ends before it starts.');
      const e = await textEntry(article);
      if (!e.ok) return e;
      return ok(
        suggestSpeakers(
          article.text,
          { start, end },
          { speakers: session.speakers, analysis: e.value.analysis },
        ),
      );
    },
    'suggest.similar': async ({ text, excludeSessionId, limit }) => {
      const want = limit ?? 5;
      const idx = await similarIndex();
      // Ask for more, so that dropping the asking session's own claims still leaves `want`.
      const found = idx.search(text, excludeSessionId ? want + 50 : want);
      return ok(
        found
          .filter(
            (m) =>
              !(m.claim.source.kind === 'session' && m.claim.source.sessionId === excludeSessionId),
          )
          .slice(0, want),
      );
    },
    'factchecks.import': async ({ fileName, base64 }) => {
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.length > MAX_FACTCHECK_FILE_BYTES) {
        const [size, max] = formatSizeAndLimit(bytes.length, MAX_FACTCHECK_FILE_BYTES);
        return fail(
          'too-large',
          `${fileName} is ${size}; a fact-check file may be at most ${max}.`,
        );
      }
      let content: string;
      try {
        content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        return fail('unsupported', `${fileName} is not UTF-8 text; ClaimReview JSON-LD is.`);
      }
      const r = await factchecks.importFile(fileName, content.replace(/^\uFEFF/, ''));
      return r.ok ? r : fail('unsupported', r.message);
    },
    'factchecks.list': async () => ok(factchecks.list()),
    'factchecks.remove': async ({ id }) => ok({ removed: await factchecks.remove(id) }),
  };
}
