// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestEditor } from './create-test-editor';
import { buildSeedReview, SEED_REVIEW } from '../../helpers/review-by-edits';
import { spanOf } from '../../helpers/seed-session';

afterEach(() => document.body.replaceChildren());

describe('mountArticleEditor', () => {
  it('renders the seed: caption once, paragraphs and both tweets with attribution', () => {
    const { host } = createTestEditor();
    expect(host.querySelectorAll('.article-caption')).toHaveLength(1);
    const tweets = host.querySelectorAll('blockquote.tweet');
    expect(tweets).toHaveLength(2);
    expect(tweets[0]!.querySelector('.tweet-attribution')!.textContent).toBe(
      '— Donald J. Trump (@realDonaldTrump) May 16, 2017',
    );
    expect(host.querySelectorAll('p:not([class])').length).toBeGreaterThan(5);
  });

  it('shows every annotation, nested ones included, and diffs updates by identity', () => {
    const { session, ids } = buildSeedReview();
    const { editor, host } = createTestEditor(session.annotations);
    const claimEls = host.querySelectorAll(`[data-annotation-id="${ids.claim}"]`);
    expect(claimEls.length).toBeGreaterThan(0);
    expect([...claimEls].map((e) => e.textContent).join('')).toBe(SEED_REVIEW.claim);
    expect(host.querySelectorAll('.fc-hl-counter-statement').length).toBeGreaterThanOrEqual(3);
    editor.setAnnotations(session.annotations.filter((a) => a.id !== ids.tweet));
    expect(host.querySelector(`[data-annotation-id="${ids.tweet}"]`)).toBeNull();
    expect(editor.annotationOrder()).toEqual([
      ids.claim,
      ids.falseStory,
      ids.noTime,
      ids.tillerson,
    ]);
  });

  it('selects canonical spans, finds annotations at the caret and reveals them', () => {
    const { session, ids } = buildSeedReview();
    const { editor } = createTestEditor(session.annotations);
    const art = session.articles[0]!;
    const span = spanOf(art, SEED_REVIEW.tweet);
    editor.selectSpan(span);
    expect(editor.selectedSpan()).toEqual({ start: span.start, end: span.end });
    expect(editor.annotationsAtCaret()).toEqual([ids.tweet]);
    expect(editor.reveal(ids.claim)).toBe(true);
    expect(editor.selectedSpan()).toEqual({
      start: spanOf(art, SEED_REVIEW.claim).start,
      end: spanOf(art, SEED_REVIEW.claim).end,
    });
    expect(editor.reveal('missing')).toBe(false);
  });

  it('reports review keys to the host and lets unhandled keys through', () => {
    const onCommand = vi.fn((cmd: string) => cmd === 'mark-claim');
    const { editor } = createTestEditor([], { onCommand });
    const press = (key: string) => {
      const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      editor.view.dom.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(press('1')).toBe(true);
    expect(press('l')).toBe(false);
    expect(onCommand.mock.calls.map((c) => c[0])).toEqual(['mark-claim', 'link']);
  });

  it('reports selection changes', () => {
    const onSelectionChange = vi.fn();
    const { editor } = createTestEditor([], { onSelectionChange });
    editor.selectSpan({ start: 400, end: 410 });
    expect(onSelectionChange).toHaveBeenCalledTimes(1);
  });
});
