// @vitest-environment jsdom
/**
 * The side panel (renderer/ui/session/review-panel.tsx) and the open
 * annotation's state: opening shows its tab, closing or deleting it shows the
 * dispute cards, and a focus request reaches only the annotation it was for.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/model/session';
import { ReviewPanel, useOpenAnnotation } from '../../../renderer/ui/session/review-panel';
import { buildSeedReview } from '../../helpers/review-by-edits';

afterEach(cleanup);

const { session, ids } = buildSeedReview();

type Panel = ReturnType<typeof useOpenAnnotation>;

/** Renders the panel over `session` and hands out its state after each render. */
function Harness({
  session: s,
  out,
  suggestionCount = null,
}: {
  session: Session;
  out: { panel?: Panel };
  suggestionCount?: number | null;
}) {
  const panel = useOpenAnnotation(s);
  out.panel = panel;
  return (
    <ReviewPanel
      tab={panel.tab}
      onTab={panel.setTab}
      active={panel.active}
      suggestionCount={suggestionCount}
    >
      <p data-testid="body">{panel.tab}</p>
    </ReviewPanel>
  );
}

function setup() {
  const out: { panel?: Panel } = {};
  const view = render(<Harness session={session} out={out} />);
  const tab = (name: string) => screen.getByRole('tab', { name }) as HTMLButtonElement;
  return { out, view, tab, panel: () => out.panel! };
}

describe('ReviewPanel with useOpenAnnotation', () => {
  it('starts on the dispute cards, with the annotation tab disabled', () => {
    const { tab } = setup();
    expect(tab('Disputes').getAttribute('aria-selected')).toBe('true');
    expect(tab('Annotation').disabled).toBe(true);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-disputes');
  });

  it('opening an annotation shows its tab, named after its kind; closing goes back', () => {
    const { tab, panel } = setup();
    act(() => panel().open(ids.claim));
    expect(tab('Claim').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('body').textContent).toBe('annotation');
    fireEvent.click(tab('Disputes'));
    expect(panel().tab).toBe('disputes');
    expect(panel().activeId).toBe(ids.claim);
    fireEvent.click(tab('Claim'));
    expect(panel().tab).toBe('annotation');
    act(() => panel().close());
    expect(panel().activeId).toBeNull();
    expect(panel().tab).toBe('disputes');
  });

  it('shows the suggestions tab with its count only while the layer is shown', () => {
    const { out, view, tab, panel } = setup();
    expect(tab('Suggestions').textContent).toBe('Suggestions');
    fireEvent.click(tab('Suggestions'));
    expect(panel().tab).toBe('suggestions');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-suggestions');
    view.rerender(<Harness session={session} out={out} suggestionCount={7} />);
    expect(tab('Suggestions (7)').getAttribute('aria-selected')).toBe('true');
  });

  it('goes back to the dispute cards when the open annotation is deleted', () => {
    const { out, view, panel } = setup();
    act(() => panel().open(ids.tweet));
    const without = {
      ...session,
      annotations: session.annotations.filter((a) => a.id !== ids.tweet),
    };
    view.rerender(<Harness session={without} out={out} />);
    expect(panel().activeId).toBeNull();
    expect(panel().tab).toBe('disputes');
  });

  it('hands a focus request to the annotation it was made for, once', () => {
    const { panel } = setup();
    act(() => panel().open(ids.claim));
    act(() => panel().requestFocus('verdict', ids.claim));
    expect(panel().focus).toMatchObject({ target: 'verdict', id: ids.claim, token: 1 });
    act(() => panel().open(ids.tweet));
    expect(panel().focus.target).toBeNull();
    act(() => panel().open(ids.claim));
    act(() => panel().focusHandled());
    expect(panel().focus.target).toBeNull();
    act(() => panel().requestFocus('speaker', ids.claim));
    expect(panel().focus).toMatchObject({ target: 'speaker', token: 2 });
  });
});
