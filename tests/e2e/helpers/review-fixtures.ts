/**
 * Sessions set up through the host's API (not the UI) for specs about what
 * the UI then shows, plus reading a session back as stored and opening it in
 * the page from the home view.
 */
import { expect, type Page } from '@playwright/test';
import { applyOps, type SessionOp } from '../../../shared/session/session-ops';
import type { Session } from '../../../shared/model/session';
import { ANNOTATION_KINDS } from '../../../shared/model/vocabulary';
import { markPassage } from '../../../shared/review/annotation-edits';
import { briefingTranscript, type Transcript } from '../../helpers/briefing-transcript';
import { api } from './app-driver';

/** The session as the host stores it now (after flushing what it has queued). */
export async function storedSession(origin: string, token: string, id: string): Promise<Session> {
  await api(origin, token, 'sessions.flush', { id });
  return (await api(origin, token, 'sessions.open', { id })).session;
}

/**
 * Import a long press-briefing transcript (`paragraphs` paragraphs, about
 * 330 characters each) as a pasted article, start a session on it and mark
 * `count` of its sentences, spread evenly from the first to the last, kinds
 * in turn; every tenth also gets a nested context on its first words.
 * Returns the session id and the transcript.
 */
export async function briefingReviewViaApi(
  origin: string,
  token: string,
  paragraphs: number,
  count: number,
  name = 'Briefing review',
): Promise<{ id: string; transcript: Transcript }> {
  const transcript = briefingTranscript(paragraphs);
  const entry = await api(origin, token, 'library.importPasted', {
    kind: 'text',
    content: transcript.text,
    label: 'Press briefing',
  });
  const opened = await api(origin, token, 'sessions.create', { name, articleIds: [entry.id] });
  let s = opened.session;
  const art = s.articles[0]!;
  const all: SessionOp[] = [];
  const now = new Date().toISOString();
  const mark = (start16: number, end16: number, kind: (typeof ANNOTATION_KINDS)[number]) => {
    const r = markPassage(s, { articleId: art.id, start16, end16, kind }, now);
    if (!r.ok) throw new Error(r.message);
    const applied = applyOps(s, r.ops, new Date().toISOString());
    if (!applied.ok) throw new Error(applied.problems.join(' '));
    s = applied.session;
    all.push(...r.ops);
  };
  const last = transcript.sentences.length - 1;
  const picked = new Set(
    Array.from({ length: count }, (_, k) => Math.round((k * last) / (count - 1))),
  );
  let n = 0;
  for (const i of picked) {
    const sentence = transcript.sentences[i]!;
    const at = art.text.indexOf(sentence);
    if (at < 0) throw new Error(`not in the imported text: ${sentence}`);
    mark(at, at + sentence.length, ANNOTATION_KINDS[n % ANNOTATION_KINDS.length]!);
    if (++n % 10 === 0) mark(at, at + 20, 'context');
  }
  await api(origin, token, 'sessions.apply', {
    id: s.id,
    baseRevision: opened.session.revision,
    ops: all,
  });
  await api(origin, token, 'sessions.flush', { id: s.id });
  return { id: s.id, transcript };
}

/**
 * From the home view, open the session called `name` and wait until it takes
 * keys: the article has the caret (the app puts it there once shown) and the
 * frames after that have run, so the view's key handlers (installed after its
 * first paint) are in place before the first shortcut is pressed.
 */
export async function openSessionFromHome(page: Page, name: string): Promise<void> {
  await page
    .getByTestId('session-item')
    .filter({ hasText: name })
    .getByRole('button', { name: /^Open/ })
    .click();
  await expect(page.locator('.article-text')).toBeFocused();
  await page.evaluate(
    () =>
      new Promise((r) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))),
      ),
  );
}
