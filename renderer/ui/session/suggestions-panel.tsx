/**
 * The side panel's list of claim suggestions (issue 13): each open suggestion
 * of the article with its score, its reasons in words and the speaker the
 * text gives, with Accept and Dismiss. A click on the sentence shows it in the
 * text; Delete on any of its buttons dismisses it. The switch at the top shows or hides the whole layer.
 */
import type { AppClaimSuggestion } from '../../../shared/suggest/suggestion-review';
import { showInvisibles } from '../../../shared/text/visible-text';
import { shortcutLabel, withShortcut } from '../../editor/shortcuts';
import { shorten } from '../format';
import { suggestionId, type SuggestionsApi } from './use-suggestions';

export function SuggestionsPanel({
  suggestions: sg,
  readOnly,
}: {
  suggestions: SuggestionsApi;
  readOnly: boolean;
}) {
  return (
    <section class="suggestions" aria-label="Claim suggestions" data-testid="suggestions-panel">
      <header class="suggestions-header">
        <label
          class="switch"
          title={withShortcut('Show claim suggestions in the text', 'toggle-suggestions')}
        >
          <input
            type="checkbox"
            checked={sg.visible}
            onChange={(e) => sg.setVisible(e.currentTarget.checked)}
            data-testid="suggestions-visible"
          />{' '}
          Show suggestions in the text
        </label>
        <p class="muted small">
          Sentences that look like check-worthy claims. Nothing is marked until you accept one:{' '}
          <kbd>{shortcutLabel('next-suggestion')}</kbd> goes to the next,{' '}
          <kbd>{shortcutLabel('accept-suggestion')}</kbd> accepts it as a Claim,{' '}
          <kbd>{shortcutLabel('dismiss-suggestion')}</kbd> dismisses it.
        </p>
      </header>
      {!sg.visible ? (
        <p class="muted">Suggestions are hidden.</p>
      ) : sg.state === 'loading' ? (
        <p class="muted">Finding claims worth checking…</p>
      ) : sg.state === 'error' ? (
        <p class="muted" role="status">
          Suggestions are not available: {sg.error}
        </p>
      ) : !sg.list.length ? (
        <p class="muted">No open suggestions in this article.</p>
      ) : (
        <ol class="suggestion-list" aria-label={`${sg.list.length} suggestions`}>
          {sg.list.map((s) => (
            <SuggestionItem
              key={suggestionId(s)}
              s={s}
              current={sg.current === suggestionId(s)}
              readOnly={readOnly}
              api={sg}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function SuggestionItem({
  s,
  current,
  readOnly,
  api,
}: {
  s: AppClaimSuggestion;
  current: boolean;
  readOnly: boolean;
  api: SuggestionsApi;
}) {
  const id = suggestionId(s);
  // The reasons, without the attribution (the speaker has its own line).
  const reasons = s.reasons.filter((r) => !r.startsWith('attributed'));
  const detail = s.speakerDetail
    ? [s.speakerDetail.role, s.speakerDetail.organisation].filter(Boolean).join(', ')
    : '';
  return (
    <li
      class={`suggestion-item ${current ? 'is-current' : ''}`}
      data-testid="suggestion"
      data-suggestion-id={id}
      onKeyDown={(e) => {
        if (readOnly || (e.target as HTMLElement).tagName !== 'BUTTON') return;
        if (e.key === 'Delete') {
          e.preventDefault();
          api.dismiss(id);
        }
      }}
    >
      <button
        type="button"
        class="suggestion-quote"
        title="Show in the article"
        onClick={() => api.select(id)}
      >
        {shorten(showInvisibles(s.text), 180)}
      </button>
      <p class="suggestion-meta">
        <span class="suggestion-score" title="How likely the model finds it a check-worthy claim">
          score {s.score.toFixed(2)}
        </span>
        {s.speaker ? (
          <span class="suggestion-speaker" data-testid="suggestion-speaker">
            said by {showInvisibles(s.speaker)}
            {detail ? <span class="muted">, {showInvisibles(detail)}</span> : null}
          </span>
        ) : null}
      </p>
      {reasons.length ? <p class="suggestion-reasons">{reasons.join(' · ')}</p> : null}
      {!readOnly ? (
        <div class="suggestion-actions">
          <button
            type="button"
            class="button button-small"
            title={withShortcut('Accept as a Claim with this speaker', 'accept-suggestion')}
            onClick={() => api.accept(id)}
          >
            Accept as Claim
          </button>
          <button
            type="button"
            class="button button-small button-quiet"
            title={withShortcut('Dismiss this suggestion', 'dismiss-suggestion')}
            onClick={() => api.dismiss(id)}
          >
            Dismiss
          </button>
        </div>
      ) : null}
    </li>
  );
}
