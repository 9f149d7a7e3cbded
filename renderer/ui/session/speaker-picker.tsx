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
import { searchSpeakers, findSpeakerByName, foldName } from '../../../shared/review/speaker-search';
import type { SpeakerSuggestion } from '../../../shared/suggest/speaker-suggest';
import { showInvisibles } from '../../../shared/text/visible-text';

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

/** A speaker to create: the typed or suggested name, with what the text says of them. */
export interface NewSpeakerChoice {
  newName: string;
  kind?: Speaker['kind'];
  role?: string;
  organisation?: string;
}

type Option =
  | { type: 'speaker'; speaker: Speaker; matched: string; because?: string }
  | { type: 'suggested'; s: SpeakerSuggestion }
  | { type: 'new'; name: string; like?: SpeakerSuggestion }
  | { type: 'none' };

/** Suggestions shown on an empty field, at most. */
const MAX_EMPTY_SUGGESTIONS = 8;
/** Speakers listed for typed text, at most (an empty field lists them all). */
const MAX_MATCHES = 8;

const becauseOf = (s: SpeakerSuggestion) =>
  s.source === 'attributed' || s.source === 'turn'
    ? 'said it, per the text'
    : 'named in the article';

/** Does typed text (folded) fit a name: a prefix of it, of its words, or inside it? */
function fits(name: string, q: string): boolean {
  const c = foldName(name);
  const words = c.split(' ');
  return (
    c.startsWith(q) ||
    q.split(' ').every((w) => words.some((x) => x.startsWith(w))) ||
    c.includes(q)
  );
}

function buildOptions(
  speakers: readonly Speaker[],
  q: string,
  current: Speaker | null,
  suggestions: readonly SpeakerSuggestion[],
): Option[] {
  const byId = new Map(speakers.map((x) => [x.id, x]));
  const options: Option[] = [];
  const seen = new Set<string>();
  const add = (o: Option) => {
    const k = optionKey(o);
    if (seen.has(k)) return;
    seen.add(k);
    options.push(o);
  };
  const suggested = suggestions.filter((x) => x.source !== 'session');
  const fq = foldName(q);
  if (!q) {
    for (const x of suggested.slice(0, MAX_EMPTY_SUGGESTIONS)) {
      const sp = x.speakerId ? byId.get(x.speakerId) : undefined;
      if (sp) add({ type: 'speaker', speaker: sp, matched: sp.name, because: becauseOf(x) });
      else if (!x.speakerId) add({ type: 'suggested', s: x });
    }
  }
  for (const m of searchSpeakers(speakers, q, q ? MAX_MATCHES : speakers.length))
    add({ type: 'speaker', speaker: m.speaker, matched: m.matched });
  if (q && fq) {
    for (const x of suggested)
      if (!x.speakerId && fits(x.name, fq) && foldName(x.name) !== fq)
        add({ type: 'suggested', s: x });
  }
  if (q && !findSpeakerByName(speakers, q)) {
    const like = suggested.find((x) => !x.speakerId && foldName(x.name) === fq);
    options.push(like ? { type: 'new', name: q, like } : { type: 'new', name: q });
  }
  if (current && !q) options.push({ type: 'none' });
  return options;
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
          onBlur={() => setTimeout(() => setOpen(false), 150)}
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

/**
 * The option typed text alone chooses, or null when it does not decide: an
 * exact name or alias, else the only matching speaker, else (no speaker
 * matches) adding the typed name. Nothing for an empty field.
 */
function impliedChoice(options: Option[], q: string, exact: Speaker | null): number | null {
  if (!q) return null;
  const speakers = options.flatMap((o, i) => (o.type === 'speaker' ? [{ o, i }] : []));
  if (exact) {
    const hit = speakers.find(({ o }) => o.type === 'speaker' && o.speaker.id === exact.id);
    if (hit) return hit.i;
  }
  if (speakers.length === 1) return speakers[0]!.i;
  if (speakers.length === 0) {
    const add = options.findIndex((o) => o.type === 'new');
    return add >= 0 ? add : null;
  }
  return null;
}

/** An option's identity, stable while the list around it changes. */
function optionKey(o: Option): string {
  if (o.type === 'speaker') return `speaker:${o.speaker.id}`;
  if (o.type === 'suggested') return `suggested:${foldName(o.s.name)}`;
  return o.type;
}

/** A new speaker from a name, with the kind, role and organisation a suggestion gives. */
function newFrom(name: string, like?: SpeakerSuggestion): NewSpeakerChoice {
  return like
    ? { newName: name, kind: like.kind, role: like.role, organisation: like.organisation }
    : { newName: name };
}
