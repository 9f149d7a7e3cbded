/**
 * The side panel's review: each claim as a dispute card (its speaker and
 * verdict, then the linked statements grouped by relation), filters, the
 * statements not linked to a claim yet, and the orphans (annotations whose
 * text was not found after a re-import) with re-attach.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Annotation, Session } from '../../../shared/model/session';
import {
  buildDisputeModel,
  filterDisputeModel,
  sessionTags,
  type DisputeFilter,
} from '../../../shared/review/dispute-cards';
import { DisputeFilters, filterResult } from './dispute-filters';
import { KindTag } from './kind-tag';
import { AnchorStatusChip } from './anchor-status';
import { verdictTone } from './verdict-editor';
import { plural, shorten } from '../format';
import { wrapQuote } from '../../../shared/text/quote-marks';
import { showInvisibles } from '../../../shared/text/visible-text';

/** Cards (and unlinked statements) rendered at first and per “Show more”. */
const PAGE = 150;

export interface DisputePanelProps {
  session: Session;
  filter: DisputeFilter;
  activeId: string | null;
  readOnly: boolean;
  onFilter: (f: DisputeFilter) => void;
  /** Scroll to the passage, flash it and open it. */
  onReveal: (id: string) => void;
  onReattach: (id: string) => void;
  /** Claims with an open team disagreement (issue 10): their cards carry a badge. */
  disputed?: ReadonlySet<string>;
}

export function DisputePanel({
  session,
  filter,
  activeId,
  readOnly,
  onFilter,
  onReveal,
  onReattach,
  disputed,
}: DisputePanelProps) {
  // Long reviews render in pages, so a session with thousands of claims stays quick to open:
  // the model builds the cards of the page shown only (`DisputeModel.cards`).
  const [limit, setLimit] = useState(PAGE);
  const model = useMemo(
    () => buildDisputeModel(session),
    [session.annotations, session.links, session.speakers, session.scale],
  );
  const shown = useMemo(() => filterDisputeModel(model, filter), [model, filter]);
  const tags = useMemo(() => sessionTags(session), [session.annotations]);
  const speakers = useMemo(
    () => new Map(session.speakers.map((s) => [s.id, s])),
    [session.speakers],
  );
  const verdicts = useMemo(
    () => session.annotations.reduce((k, a) => (a.verdict ? k + 1 : k), 0),
    [session.annotations],
  );
  const result = filterResult(model, shown, filter);

  return (
    <div class="disputes" data-testid="dispute-panel">
      <p class="panel-summary muted" data-testid="panel-summary">
        {plural(model.claims.length, 'claim')} ·{' '}
        {plural(session.annotations.length - model.claims.length, 'statement')} ·{' '}
        {plural(session.links.length, 'link')} · {plural(verdicts, 'verdict')}
      </p>
      <DisputeFilters
        session={session}
        filter={filter}
        tags={tags}
        result={result}
        onFilter={onFilter}
      />
      <p class="filter-result" role="status" data-testid="filter-count">
        {result}
      </p>

      {shown.claims.length ? (
        <ol class="card-stack" aria-label="Disputes">
          {shown.cards(0, limit).map((card) => (
            <li
              key={card.claim.id}
              class={`dispute-card ${card.claim.id === activeId ? 'is-active' : ''}`}
              data-testid="dispute-card"
            >
              <div class="dispute-head">
                <KindTag kind="claim" />
                <AnchorStatusChip status={card.claim.target.status} compact />
                {card.verdict ? (
                  <span
                    class={`verdict-badge verdict-${verdictTone(session.scale, card.verdict.id)}`}
                  >
                    {card.verdict.label}
                  </span>
                ) : (
                  <span class="verdict-badge verdict-none">No verdict</span>
                )}
                {disputed?.has(card.claim.id) ? (
                  <span
                    class="disagreement-badge"
                    data-testid="disagreement-badge"
                    title="Reviewers disagree on this claim; open it to settle."
                  >
                    Disagreement
                  </span>
                ) : null}
              </div>
              <button
                type="button"
                class="quote-button dispute-claim"
                onClick={() => onReveal(card.claim.id)}
                title="Show in the article"
              >
                {wrapQuote(shorten(card.claim.target.quote.exact, 220))}
              </button>
              <p class="dispute-speaker">
                {card.speaker ? (
                  <>— {showInvisibles(card.speaker.name)}</>
                ) : (
                  <span class="muted">Speaker not set</span>
                )}
              </p>
              {card.claim.verdict?.rationale ? (
                <p class="dispute-rationale">{shorten(card.claim.verdict.rationale, 240)}</p>
              ) : null}
              {card.groups.map((g) => (
                <div key={g.relation} class={`relation-group relation-${g.relation}`}>
                  <h4 class="relation-heading">{g.label}</h4>
                  <ul class="statement-list">
                    {g.statements.map((st) => (
                      <li key={st.link.id}>
                        <button
                          type="button"
                          class={`statement kind-edge-${st.annotation.kind}`}
                          onClick={() => onReveal(st.annotation.id)}
                          title="Show in the article"
                        >
                          <span class="statement-quote">
                            {wrapQuote(shorten(st.annotation.target.quote.exact, 160))}
                          </span>
                          <span class="statement-meta">
                            <KindTag kind={st.annotation.kind} />
                            <AnchorStatusChip status={st.annotation.target.status} compact />
                            {st.speaker ? <span>{showInvisibles(st.speaker.name)}</span> : null}
                            {st.direction === 'incoming' ? (
                              <span class="muted small">(the claim {g.label} it)</span>
                            ) : null}
                          </span>
                          {st.link.note ? <span class="statement-note">{st.link.note}</span> : null}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              {!card.answered ? (
                <p class="muted small unanswered">No counter-statement or evidence linked yet.</p>
              ) : null}
            </li>
          ))}
          {shown.claims.length > limit ? (
            <li>
              <button
                type="button"
                class="button button-small"
                onClick={() => setLimit(limit + PAGE)}
              >
                Show more ({(shown.claims.length - limit).toLocaleString('en')} more claims)
              </button>
            </li>
          ) : null}
        </ol>
      ) : (
        <div class="empty-state">
          {model.claims.length ? (
            <p>No claim matches the filters.</p>
          ) : (
            <>
              <p>No claims yet.</p>
              <p class="muted">
                Select a passage in the article and press 1 (or use the toolbar) to mark it as a
                claim.
              </p>
            </>
          )}
        </div>
      )}

      {shown.unlinked.length ? (
        <section class="panel-section" aria-labelledby="unlinked-heading">
          <h3 id="unlinked-heading">
            Not linked to a claim (
            {result
              ? `${shown.unlinked.length.toLocaleString('en')} of ${model.unlinked.length.toLocaleString('en')}`
              : shown.unlinked.length.toLocaleString('en')}
            )
          </h3>
          <ul class="statement-list">
            {shown.unlinked.slice(0, limit).map((a) => (
              <StatementButton
                key={a.id}
                a={a}
                speaker={a.speakerId ? speakers.get(a.speakerId)?.name : undefined}
                onReveal={onReveal}
              />
            ))}
          </ul>
          {shown.unlinked.length > limit ? (
            <button
              type="button"
              class="button button-small"
              onClick={() => setLimit(limit + PAGE)}
            >
              Show more
            </button>
          ) : null}
        </section>
      ) : null}

      {model.orphans.length ? (
        <section
          class="panel-section orphans"
          aria-labelledby="orphans-heading"
          data-testid="orphans"
        >
          <h3 id="orphans-heading">Not found after re-import ({model.orphans.length})</h3>
          <p class="muted small">
            These quotes are no longer in the article text. They are kept with their links; select
            the new text and re-attach them.
          </p>
          <ul class="statement-list">
            {model.orphans.map((a) => (
              <li key={a.id} class="orphan">
                <span class="statement-quote">{wrapQuote(shorten(a.target.quote.exact, 160))}</span>
                <span class="statement-meta">
                  <KindTag kind={a.kind} />
                  {a.speakerId && speakers.get(a.speakerId) ? (
                    <span>{showInvisibles(speakers.get(a.speakerId)!.name)}</span>
                  ) : null}
                </span>
                {!readOnly ? (
                  <button
                    type="button"
                    class="button button-small"
                    onClick={() => onReattach(a.id)}
                  >
                    Re-attach…
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function StatementButton({
  a,
  speaker,
  onReveal,
}: {
  a: Annotation;
  speaker?: string;
  onReveal: (id: string) => void;
}) {
  return (
    <li>
      <button type="button" class={`statement kind-edge-${a.kind}`} onClick={() => onReveal(a.id)}>
        <span class="statement-quote">{wrapQuote(shorten(a.target.quote.exact, 160))}</span>
        <span class="statement-meta">
          <KindTag kind={a.kind} />
          <AnchorStatusChip status={a.target.status} compact />
          {speaker ? <span>{speaker}</span> : null}
        </span>
      </button>
    </li>
  );
}
