// @vitest-environment jsdom
/**
 * The dispute panel (renderer/ui/session/dispute-panel.tsx) on a long review: the cards and
 * the unlinked statements come in pages of 150 (the model builds only the cards shown), while
 * the counts, "Show more" and the filters speak for the whole session.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/model/session';
import { DisputePanel } from '../../../renderer/ui/session/dispute-panel';
import {
  EMPTY_FILTER,
  buildDisputeModel,
  filterDisputeModel,
  type DisputeFilter,
} from '../../../shared/review/dispute-cards';
import { buildBenchSession, generateArticleText } from '../../bench/corpus';

afterEach(cleanup);

// 800 annotations: about 300 claims and 200 unlinked statements (context has no links).
const session: Session = buildBenchSession(generateArticleText(100_000), 800);
const model = buildDisputeModel(session);

function setup(filter: DisputeFilter = EMPTY_FILTER) {
  const revealed: string[] = [];
  const view = render(
    <DisputePanel
      session={session}
      filter={filter}
      activeId={null}
      readOnly={false}
      onFilter={() => {}}
      onReveal={(id) => revealed.push(id)}
      onReattach={() => {}}
    />,
  );
  const cards = () => view.container.querySelectorAll('[data-testid="dispute-card"]');
  const unlinked = () =>
    view.container.querySelectorAll('section[aria-labelledby="unlinked-heading"] li');
  return { view, cards, unlinked, revealed };
}

describe('DisputePanel on a long review', () => {
  it('counts the whole session and shows the first 150 cards in document order', () => {
    const { cards, unlinked } = setup();
    const claims = session.annotations.filter((a) => a.kind === 'claim').length;
    expect(model.claims.length).toBe(claims);
    expect(claims).toBeGreaterThan(150);
    expect(screen.getByTestId('panel-summary').textContent).toContain(
      `${claims.toLocaleString('en')} claims · ${(800 - claims).toLocaleString('en')} statements`,
    );
    expect(cards()).toHaveLength(150);
    const firstQuotes = Array.from(cards())
      .slice(0, 3)
      .map((c) => c.querySelector('.dispute-claim')!.textContent);
    expect(firstQuotes).toEqual(
      model.claims
        .slice(0, 3)
        .map((c) => expect.stringContaining(c.target.quote.exact.slice(0, 30))),
    );
    expect(unlinked()).toHaveLength(Math.min(150, model.unlinked.length));
    expect(screen.getByRole('heading', { name: /Not linked to a claim/ }).textContent).toBe(
      `Not linked to a claim (${model.unlinked.length.toLocaleString('en')})`,
    );
  });

  it('shows the next page of cards and statements with “Show more”, until all are shown', () => {
    const { view, cards, unlinked } = setup();
    const total = model.claims.length;
    // (querySelector: role queries walk the whole tree, slow in jsdom with hundreds of cards)
    const more = () =>
      Array.from(view.container.querySelectorAll('button')).find((b) =>
        b.textContent!.startsWith('Show more ('),
      );
    expect(more()!.textContent).toBe(
      `Show more (${(total - 150).toLocaleString('en')} more claims)`,
    );
    fireEvent.click(more()!);
    expect(cards()).toHaveLength(Math.min(300, total));
    expect(unlinked()).toHaveLength(Math.min(300, model.unlinked.length));
    while (more()) fireEvent.click(more()!);
    expect(cards()).toHaveLength(total);
    const last = cards()[total - 1]!;
    expect(last.querySelector('.dispute-claim')!.textContent).toContain(
      model.claims[total - 1]!.target.quote.exact.slice(0, 30),
    );
  });

  it('reveals the claim or statement whose button is pressed', () => {
    const { cards, revealed } = setup();
    // A card near the end of the first page with statements linked.
    const i = model.claims.findIndex((c, k) => k >= 140 && model.card(c).groups.length > 0);
    expect(i).toBeGreaterThanOrEqual(140);
    expect(i).toBeLessThan(150);
    const card = cards()[i]!;
    fireEvent.click(card.querySelector('.dispute-claim')!);
    fireEvent.click(card.querySelector<HTMLButtonElement>('button.statement')!);
    expect(revealed).toEqual([
      model.claims[i]!.id,
      model.card(model.claims[i]!).groups[0]!.statements[0]!.annotation.id,
    ]);
  });

  it('counts what a filter leaves over the whole session, and pages the rest', () => {
    const filter = { ...EMPTY_FILTER, verdicts: ['none'] };
    const shown = filterDisputeModel(model, filter);
    expect(shown.claims.length).toBeGreaterThan(0);
    expect(shown.claims.length).toBeLessThan(model.claims.length);
    const { cards, unlinked } = setup(filter);
    expect(screen.getByTestId('filter-count').textContent).toBe(
      `Showing ${shown.claims.length.toLocaleString('en')} of ${model.claims.length.toLocaleString('en')} claims · 0 of ${model.unlinked.length.toLocaleString('en')} statements not linked to a claim`,
    );
    expect(cards()).toHaveLength(Math.min(150, shown.claims.length));
    expect(Array.from(cards()).every((c) => c.textContent!.includes('No verdict'))).toBe(true);
    expect(unlinked()).toHaveLength(0);
  });
});
