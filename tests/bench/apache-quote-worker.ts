/**
 * Worker for the re-anchoring benchmark: runs Apache Annotator's DOM
 * text-quote matcher over a jsdom DOM of the text, one selector after
 * another, and posts each one's time and landing place. It runs in a worker
 * because one selector can take minutes on a long text, and only a worker
 * can be stopped when the time budget is spent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
import { buildTextDom } from './text-dom';

export interface ApacheWorkerInput {
  text: string;
  selectors: Array<{ exact: string; prefix: string; suffix: string }>;
}

export type ApacheWorkerMessage =
  | { kind: 'ready' }
  | { kind: 'anchored'; index: number; ms: number; start: number; end: number }
  | { kind: 'done' };

const { text, selectors } = workerData as ApacheWorkerInput;
const dom = buildTextDom(text);
// The matcher reads these DOM globals; jsdom keeps them on its window.
Object.assign(globalThis, {
  Node: dom.window.Node,
  NodeFilter: dom.window.NodeFilter,
  Range: dom.window.Range,
});
const post = (m: ApacheWorkerMessage) => parentPort!.postMessage(m);
post({ kind: 'ready' });
for (let index = 0; index < selectors.length; index++) {
  const s = selectors[index]!;
  const t0 = performance.now();
  const matcher = createTextQuoteSelectorMatcher({ type: 'TextQuoteSelector', ...s });
  const first = await matcher(dom.root).next();
  const ms = performance.now() - t0;
  const range = first.done ? null : first.value;
  post({
    kind: 'anchored',
    index,
    ms,
    start: range ? dom.offsetOf(range.startContainer, range.startOffset) : -1,
    end: range ? dom.offsetOf(range.endContainer, range.endOffset) : -1,
  });
}
post({ kind: 'done' });
