/**
 * The speaker field: a combobox over the session's speakers with
 * alias-aware search. Nothing is attributed unless the reviewer chose it:
 * the list opens with no option highlighted, so Enter on an empty field
 * attributes nothing and hands focus back to the text (the reviewer moves
 * on). A choice is made with the arrow keys and Enter, with a click, or by
 * typing: once typed text names exactly one speaker (its name, an alias, or
 * the only match), or no speaker at all ("Add … as a new speaker"), that
 * option is highlighted and Enter takes it. Typed text that fits several
 * speakers highlights nothing, and Enter says how to choose. Escape leaves
 * the speaker as it was. Choosing hands focus back (`onDone`).
 *
 * Suggestions (issue 13), when given: on an empty field the list opens with
 * whom the text attributes the statement to, then names found in the article,
 * then every one of the session's speakers (the list scrolls; the highlighted
 * option is kept in view), so the arrow keys reach each of them. A suggested name that is an existing speaker
 * (or alias) is that speaker's option. Typed text lists the matching suggested
 * names after the matching speakers; suggestions are only ever taken by the
 * arrows and Enter or a click, never implied by typing. "Add … as a new
 * speaker" for a typed name the article gives with a role or organisation
 * creates the speaker with them.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Speaker } from '../../../shared/model/session';
import { findSpeakerByName } from '../../../shared/review/speaker-search';
import type { SpeakerSuggestion } from '../../../shared/suggest/speaker-suggest';
import { showInvisibles } from '../../../shared/text/visible-text';
import {
  becauseOf,
  buildOptions,
  impliedChoice,
  newFrom,
  optionKey,
  type NewSpeakerChoice,
  type Option,
} from './speaker-options';

export type { NewSpeakerChoice } from './speaker-options';

export interface SpeakerPickerProps {
  speakers: readonly Speaker[];
  current: Speaker | null;
  disabled?: boolean;
  /** Changes whenever the host wants the field focused. */
  focusToken: number;
  onFocused: () => void;
  onPick: (choice: Speaker | NewSpeakerChoice | null) => void;
  onDone: () => void;
  onEdit: (speaker: Speaker) => void;
  /** Suggested names for this statement, best first (see use-speaker-suggestions.ts). */
  suggestions?: readonly SpeakerSuggestion[];
}

export function SpeakerPicker({
  speakers,
  current,
  disabled,
  focusToken,
  onFocused,
  onPick,
  onDone,
  onEdit,
  suggestions = [],
}: SpeakerPickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  /** The highlighted option; null until the reviewer moves to one. */
  /**
   * The highlighted option by identity (a speaker's id, 'new' or 'none'), not
   * by position: the list can change under the reviewer (a save answered, a
   * speaker added), and Enter must take the option that was highlighted.
   */
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const [hint, setHint] = useState('');

  // Layout effect: the field has focus before the next key arrives.
  useLayoutEffect(() => {
    if (focusToken && input.current) {
      input.current.focus();
      setOpen(true);
      setChosenKey(null);
      onFocused();
    }
  }, [focusToken]);

  const q = query.trim();
  const options = buildOptions(speakers, q, current, suggestions);
  const keyed = chosenKey === null ? -1 : options.findIndex((o) => optionKey(o) === chosenKey);
  const active = keyed >= 0 ? keyed : impliedChoice(options, q, findSpeakerByName(speakers, q));

  const reset = () => {
    setQuery('');
    setOpen(false);
    setChosenKey(null);
    setHint('');
  };
  const choose = (o: Option | undefined) => {
    if (!o) return;
    reset();
    if (o.type === 'speaker') onPick(o.speaker);
    else if (o.type === 'suggested') onPick(newFrom(o.s.name, o.s));
    else if (o.type === 'new') onPick(newFrom(o.name, o.like));
    else onPick(null);
    onDone();
  };
  const move = (step: 1 | -1) => {
    if (!options.length) return;
    setOpen(true);
    setHint('');
    const next =
      active === null
        ? step === 1
          ? 0
          : options.length - 1
        : Math.max(0, Math.min(options.length - 1, active + step));
    setChosenKey(optionKey(options[next]!));
  };
  const enter = () => {
    if (open && active !== null) return choose(options[active]);
    if (!q) {
      reset();
      return onDone();
    }
    setOpen(true);
    setHint('Several speakers match: press ↓ to pick one, or type more of the name.');
  };

  const listId = 'speaker-options';
  // Keep the highlighted option in view as the arrows move through a long list.
  useEffect(() => {
    if (open && active !== null)
      document.getElementById(`speaker-opt-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [open, active]);
  return (
    <div class="speaker-picker">
      {current ? (
        <p class="speaker-current">
          <span class="speaker-name" data-testid="speaker-name">
            {current.name}
          </span>
          {current.role || current.organisation ? (
            <span class="muted">
              {' '}
              — {[current.role, current.organisation].filter(Boolean).join(', ')}
            </span>
          ) : null}
          {current.aliases.length ? (
            <span class="muted"> (also {current.aliases.join(', ')})</span>
          ) : null}
          {!disabled ? (
            <button type="button" class="link-button" onClick={() => onEdit(current)}>
              Edit speaker
            </button>
          ) : null}
        </p>
      ) : null}
      {hint ? (
        <p id="speaker-hint" class="speaker-hint" role="status" data-testid="speaker-hint">
          {hint}
        </p>
      ) : null}
      <div class="combobox">
        <input
          ref={input}
          id="speaker-input"
          class="input"
          role="combobox"
          aria-expanded={open && options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && active !== null ? `speaker-opt-${active}` : undefined}
          aria-describedby={hint ? 'speaker-hint' : undefined}
          aria-label={current ? 'Change speaker' : 'Speaker'}
          placeholder={current ? 'Change speaker: type a name…' : 'Who said it? Type a name…'}
          value={query}
          disabled={disabled}
          autoComplete="off"
          maxLength={1000}
          onFocus={() => setOpen(true)}
          // Closed a moment after the focus leaves (a click on an option lands first), unless
          // the focus came back meanwhile: a stale close must not drop a choice being made.
          onBlur={() =>
            setTimeout(() => {
              if (document.activeElement !== input.current) setOpen(false);
            }, 150)
          }
          onInput={(e) => {
            setQuery((e.currentTarget as HTMLInputElement).value);
            setChosenKey(null);
            setHint('');
            setOpen(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') move(1);
            else if (e.key === 'ArrowUp') move(-1);
            else if (e.key === 'Enter') enter();
            else if (e.key === 'Escape') {
              reset();
              onDone();
            } else return;
            e.preventDefault();
            e.stopPropagation();
          }}
        />
        {open && options.length ? (
          <ul id={listId} role="listbox" class="combobox-list" aria-label="Speakers">
            {options.map((o, i) => (
              <li
                key={optionKey(o)}
                id={`speaker-opt-${i}`}
                role="option"
                aria-selected={i === active}
                class={`combobox-option ${i === active ? 'is-active' : ''}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(o);
                }}
              >
                {o.type === 'speaker' ? (
                  <>
                    <span class="option-main">{showInvisibles(o.speaker.name)}</span>
                    {o.matched !== o.speaker.name ? (
                      <span class="option-note">as “{o.matched}”</span>
                    ) : null}
                    {o.speaker.role || o.speaker.organisation ? (
                      <span class="option-note">
                        {[o.speaker.role, o.speaker.organisation].filter(Boolean).join(', ')}
                      </span>
                    ) : null}
                    {o.because ? <span class="option-note option-why">{o.because}</span> : null}
                  </>
                ) : o.type === 'suggested' ? (
                  <>
                    <span class="option-main">{showInvisibles(o.s.name)}</span>
                    {o.s.role || o.s.organisation ? (
                      <span class="option-note">
                        {showInvisibles([o.s.role, o.s.organisation].filter(Boolean).join(', '))}
                      </span>
                    ) : null}
                    <span class="option-note option-why">{becauseOf(o.s)} · new speaker</span>
                  </>
                ) : o.type === 'new' ? (
                  <>
                    <span class="option-main">Add “{o.name}” as a new speaker</span>
                    {o.like && (o.like.role || o.like.organisation) ? (
                      <span class="option-note">
                        {showInvisibles(
                          [o.like.role, o.like.organisation].filter(Boolean).join(', '),
                        )}
                      </span>
                    ) : null}
                  </>
                ) : (
                  <span class="option-main muted">No speaker</span>
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
