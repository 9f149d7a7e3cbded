/**
 * Runs {@link analyseArticle} on a worker thread (worker-task.ts), so that a
 * long article's suggestions (seconds for a 1 MB report) never hold up a save
 * or any other request. A worker that fails, runs out of memory or time
 * becomes an error value with a sentence.
 */
import type { ApiResult } from '../../../shared/api/contract';
import { runWorkerTask, workerUrl } from '../worker-task';
import type { AnalysisInput, ArticleAnalysis } from './article-analysis';

/** Heap cap of one analysis: the 1.2 MB report needs a few hundred MB. */
const ANALYSIS_MEMORY_MB = 1024;
/** Stopped after this long (the 1.2 MB report takes seconds). */
const ANALYSIS_TIME_LIMIT_MS = 3 * 60_000;

export async function analyseInWorker(input: AnalysisInput): Promise<ApiResult<ArticleAnalysis>> {
  const end = await runWorkerTask<ArticleAnalysis>(
    workerUrl('suggest-worker', import.meta.url),
    input,
    { memoryMb: ANALYSIS_MEMORY_MB, timeLimitMs: ANALYSIS_TIME_LIMIT_MS },
  );
  if (end.type === 'done') return { ok: true, value: end.result };
  const why =
    end.type === 'timeout'
      ? `it took longer than ${ANALYSIS_TIME_LIMIT_MS / 60_000} minutes`
      : end.type === 'out-of-memory'
        ? `it needed more than ${ANALYSIS_MEMORY_MB} MB of memory`
        : end.type === 'failed'
          ? end.message
          : 'it was cancelled';
  return {
    ok: false,
    error: {
      code: 'internal',
      message: `Suggestions for this article could not be worked out (${why}). Reviewing works as before.`,
    },
  };
}
