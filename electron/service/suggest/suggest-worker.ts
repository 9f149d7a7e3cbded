/**
 * The body of a suggestion worker thread: the costly analysis of one article
 * text (sentence units and name phrases) and its claim suggestions, computed
 * off the thread that answers requests. See suggest-runner.ts for the side
 * that starts it; the result is posted once and the worker ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerMessage } from '../worker-task';
import { analyseArticle, type ArticleAnalysis, type AnalysisInput } from './article-analysis';

const port = parentPort!;
const result = analyseArticle(workerData as AnalysisInput);
port.postMessage({ type: 'done', result } satisfies WorkerMessage<ArticleAnalysis>);
