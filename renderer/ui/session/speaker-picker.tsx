/**
 * The speaker field: a combobox over the session's speakers with
 * alias-aware search. Enter takes the highlighted match (the best one by
 * default) or adds what was typed as a new speaker; Escape leaves it as it
 * was. Both hand focus back (`onDone`) so the reviewer continues in the text.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Speaker } from '../../../shared/model/session';
import { searchSpeakers, findSpeakerByName } from '../../../shared/review/speaker-search';
import { showInvisibles } from '../../../shared/text/visible-text';

export interface SpeakerPickerProps {
  speakers: readonly Speaker[];
  current: Speaker | null;
  disabled?: boolean;
  /** Changes whenever the host wants the field focused. */
  focusToken: number;
  onFocused: () => void;
  onPick: (choice: Speaker | { newName: string } | null) => void;
  onDone: () => void;
  onEdit: (speaker: Speaker) => void;
}

type Option =
  | { type: 'speaker'; speaker: Speaker; matched: string }
  | { type: 'new'; name: string }
  | { type: 'none' };

export function SpeakerPicker({
  speakers,
  current,
  disabled,
  focusToken,
  onFocused,
  onPick,
  onDone,
  onEdit,
}: SpeakerPickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [index, setIndex] = useState(0);

  // Layout effect: the field has focus before the next key arrives.
  useLayoutEffect(() => {
    if (focusToken && input.current) {
      input.current.focus();
      setOpen(true);
      onFocused();
    }
  }, [focusToken]);

  const q = query.trim();
  const matches = searchSpeakers(speakers, q, 8);
  const options: Option[] = matches.map((m) => ({
    type: 'speaker',
    speaker: m.speaker,
    matched: m.matched,
  }));
  if (q && !findSpeakerByName(speakers, q)) options.push({ type: 'new', name: q });
  if (current && !q) options.push({ type: 'none' });
  const active = Math.min(index, Math.max(0, options.length - 1));

  const choose = (o: Option | undefined) => {
    if (!o) return;
    setQuery('');
    setOpen(false);
    setIndex(0);
    if (o.type === 'speaker') onPick(o.speaker);
    else if (o.type === 'new') onPick({ newName: o.name });
    else onPick(null);
    onDone();
  };

  const listId = 'speaker-options';
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
      <div class="combobox">
        <input
          ref={input}
          id="speaker-input"
          class="input"
          role="combobox"
          aria-expanded={open && options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options.length ? `speaker-opt-${active}` : undefined}
          aria-label={current ? 'Change speaker' : 'Speaker'}
          placeholder={current ? 'Change speaker: type a name…' : 'Who said it? Type a name…'}
          value={query}
          disabled={disabled}
          autoComplete="off"
          maxLength={1000}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onInput={(e) => {
            setQuery((e.currentTarget as HTMLInputElement).value);
            setIndex(0);
            setOpen(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setIndex(Math.min(active + 1, options.length - 1));
            else if (e.key === 'ArrowUp') setIndex(Math.max(active - 1, 0));
            else if (e.key === 'Enter') {
              if (!q && !options.length) return onDone();
              if (!q && !current && options[active]?.type !== 'speaker') return onDone();
              choose(options[active]);
            } else if (e.key === 'Escape') {
              setQuery('');
              setOpen(false);
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
                key={o.type === 'speaker' ? o.speaker.id : o.type}
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
                  </>
                ) : o.type === 'new' ? (
                  <span class="option-main">Add “{o.name}” as a new speaker</span>
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

/** Edit a speaker's name, kind, role, organisation and aliases. */
export function SpeakerForm({
  speaker,
  onSave,
  onCancel,
}: {
  speaker: Speaker;
  onSave: (s: Partial<Speaker> & { name: string }) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState({ ...speaker, aliasText: speaker.aliases.join(', ') });
  return (
    <form
      class="speaker-form"
      aria-label="Edit speaker"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          id: speaker.id,
          name: draft.name,
          kind: draft.kind,
          role: draft.role,
          organisation: draft.organisation,
          aliases: draft.aliasText.split(','),
        });
      }}
    >
      <label class="field">
        <span class="field-label">Name</span>
        <input
          class="input"
          value={draft.name}
          maxLength={1000}
          required
          onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          autoFocus
        />
      </label>
      <fieldset class="field radio-row">
        <legend class="field-label">Kind</legend>
        {(['person', 'organization'] as const).map((k) => (
          <label key={k} class="radio">
            <input
              type="radio"
              name="speaker-kind"
              checked={draft.kind === k}
              onChange={() => setDraft({ ...draft, kind: k })}
            />
            {k === 'person' ? 'Person' : 'Organisation'}
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span class="field-label">Role</span>
        <input
          class="input"
          value={draft.role}
          maxLength={1000}
          placeholder="e.g. National Security Advisor"
          onInput={(e) => setDraft({ ...draft, role: e.currentTarget.value })}
        />
      </label>
      <label class="field">
        <span class="field-label">Organisation</span>
        <input
          class="input"
          value={draft.organisation}
          maxLength={1000}
          onInput={(e) => setDraft({ ...draft, organisation: e.currentTarget.value })}
        />
      </label>
      <label class="field">
        <span class="field-label">Aliases (other spellings, comma-separated)</span>
        <input
          class="input"
          value={draft.aliasText}
          placeholder="e.g. Sergei Lavrov, Lavrov"
          onInput={(e) => setDraft({ ...draft, aliasText: e.currentTarget.value })}
        />
      </label>
      <div class="form-actions">
        <button type="submit" class="button button-primary">
          Save speaker
        </button>
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
