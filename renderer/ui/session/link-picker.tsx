/**
 * The searchable picker of annotations, across every article of the session.
 * In `link` mode it makes a link from the open annotation: the relation is
 * suggested from the two kinds (a counter-statement contradicts a claim,
 * evidence supports it) until the reviewer picks one (Alt+1…5), Alt+R
 * reverses the direction. Choosing the target (arrow keys, or a click) only
 * chooses it; the link is made, with the note typed in the dialog, by Enter
 * or the Link button (or a double click on a target), so a note typed after
 * choosing the target is part of the link. In `goto` mode Enter or a click
 * opens the annotation.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Session } from '../../../shared/model/session';
import {
  LINK_RELATIONS,
  RELATION_LABELS,
  type LinkRelation,
} from '../../../shared/model/vocabulary';
import { defaultRelation, rankLinkTargets } from '../../../shared/review/link-targets';
import { Dialog } from '../dialog';
import { KindTag } from './kind-tag';
import { shorten } from '../format';
import { wrapQuote } from '../../../shared/text/quote-marks';
import { LabelledField, LabelledGroup } from '../labelled-field';

export interface LinkPickerProps {
  mode: 'link' | 'goto';
  session: Session;
  fromId: string | null;
  onLink?: (input: {
    to: string;
    relation: LinkRelation;
    reverse: boolean;
    note: string;
  }) => boolean;
  onGoto?: (id: string) => void;
  onClose: () => void;
}

export function LinkPicker({ mode, session, fromId, onLink, onGoto, onClose }: LinkPickerProps) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const [chosenRelation, setChosenRelation] = useState<LinkRelation | null>(null);
  const [reverse, setReverse] = useState(false);
  const [note, setNote] = useState('');
  const from = fromId ? session.annotations.find((a) => a.id === fromId) : undefined;
  const targets = useMemo(
    () => rankLinkTargets(session, mode === 'link' ? fromId : null, query, 60),
    [session, fromId, query, mode],
  );
  const active = Math.min(index, Math.max(0, targets.length - 1));
  const target = targets[active];
  const relation: LinkRelation =
    chosenRelation ??
    (from && target ? defaultRelation(from.kind, target.annotation.kind) : 'contradicts');
  const multiArticle = session.articles.length > 1;

  const submit = (i = active) => {
    const t = targets[i];
    if (!t) return;
    if (mode === 'goto') {
      onGoto?.(t.annotation.id);
      return;
    }
    const rel =
      chosenRelation ?? (from ? defaultRelation(from.kind, t.annotation.kind) : 'contradicts');
    if (onLink?.({ to: t.annotation.id, relation: rel, reverse, note })) onClose();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // In the note field the arrow keys move the caret, not the chosen target.
    const inNote = (e.target as HTMLElement).id === 'link-note';
    if (e.key === 'ArrowDown' && !inNote) setIndex(Math.min(active + 1, targets.length - 1));
    else if (e.key === 'ArrowUp' && !inNote) setIndex(Math.max(active - 1, 0));
    else if (e.key === 'Enter' && !(e.target as HTMLElement).matches('button')) submit();
    else if (mode === 'link' && e.altKey && /^Digit[1-5]$/.test(e.code))
      setChosenRelation(LINK_RELATIONS[Number(e.code.slice(5)) - 1]!);
    else if (mode === 'link' && e.altKey && e.code === 'KeyR') setReverse(!reverse);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const title = mode === 'link' ? 'Link to another annotation' : 'Go to an annotation';
  return (
    <Dialog title={title} onClose={onClose} class="dialog-wide picker">
      <div onKeyDown={onKeyDown}>
        {mode === 'link' && from ? (
          <p class="picker-source">
            From <KindTag kind={from.kind} /> {wrapQuote(shorten(from.target.quote.exact, 110))}
          </p>
        ) : null}
        {mode === 'link' ? (
          <LabelledGroup legend="Relation" class="relation-choice">
            {LINK_RELATIONS.map((r, i) => (
              <label
                key={r}
                class={`relation-option ${relation === r ? 'is-checked' : ''}`}
                title={`Alt+${i + 1}`}
              >
                <input
                  type="radio"
                  name="relation"
                  checked={relation === r}
                  // A click chooses, also on the relation already shown as the
                  // suggestion (a checked radio fires no change event).
                  onClick={() => setChosenRelation(r)}
                  onChange={() => setChosenRelation(r)}
                />
                <span>{RELATION_LABELS[r]}</span>
                <kbd>Alt+{i + 1}</kbd>
              </label>
            ))}
            <label class="checkbox reverse-toggle" title="Alt+R">
              <input type="checkbox" checked={reverse} onChange={() => setReverse(!reverse)} />
              Reverse: the target {RELATION_LABELS[relation]} this one <kbd>Alt+R</kbd>
            </label>
          </LabelledGroup>
        ) : null}
        {mode === 'link' && from && target ? (
          <p class="link-preview" aria-live="polite" data-testid="link-preview">
            {reverse ? (
              <>
                <KindTag kind={target.annotation.kind} />{' '}
                <strong>{RELATION_LABELS[relation]}</strong> <KindTag kind={from.kind} /> (this one)
              </>
            ) : (
              <>
                This <KindTag kind={from.kind} /> <strong>{RELATION_LABELS[relation]}</strong>{' '}
                <KindTag kind={target.annotation.kind} />
              </>
            )}{' '}
            <span class="link-preview-quote">
              “{shorten(target.annotation.target.quote.exact, 70)}”
            </span>
          </p>
        ) : null}
        <input
          class="input picker-search"
          role="combobox"
          aria-expanded="true"
          aria-controls="picker-list"
          aria-activedescendant={target ? `picker-opt-${active}` : undefined}
          aria-label={
            mode === 'link'
              ? 'Search targets by text, speaker or kind'
              : 'Search annotations by text, speaker or kind'
          }
          placeholder="Search by quote, speaker, kind or tag…"
          value={query}
          autoFocus
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setIndex(0);
          }}
        />
        <ul id="picker-list" role="listbox" class="picker-list" aria-label="Annotations">
          {targets.map((t, i) => (
            <li
              key={t.annotation.id}
              id={`picker-opt-${i}`}
              role="option"
              aria-selected={i === active}
              class={`picker-option ${i === active ? 'is-active' : ''}`}
              data-testid="picker-option"
              onClick={() => (mode === 'goto' ? submit(i) : setIndex(i))}
              onDblClick={() => mode === 'link' && submit(i)}
            >
              <div class="picker-option-head">
                <KindTag kind={t.annotation.kind} />
                {t.speakerName ? <span class="picker-speaker">{t.speakerName}</span> : null}
                {multiArticle ? (
                  <span class="muted small">{shorten(t.articleTitle, 40)}</span>
                ) : null}
                {t.linkedAs.length ? (
                  <span class="muted small">
                    already: {t.linkedAs.map((r) => RELATION_LABELS[r]).join(', ')}
                  </span>
                ) : null}
              </div>
              <div class="picker-quote">
                {wrapQuote(shorten(t.annotation.target.quote.exact, 160))}
              </div>
            </li>
          ))}
          {!targets.length ? (
            <li class="muted picker-empty">
              {query ? 'Nothing matches.' : 'There are no other annotations yet.'}
            </li>
          ) : null}
        </ul>
        {mode === 'link' ? (
          <LabelledField label="Note on the link (optional)">
            <input
              id="link-note"
              class="input"
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
              placeholder="e.g. denies sources and methods, not the disclosure"
            />
          </LabelledField>
        ) : null}
        <div class="dialog-actions">
          <button type="button" class="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            class="button button-primary"
            disabled={!target}
            onClick={() => submit()}
          >
            {mode === 'link' ? 'Link (Enter)' : 'Open (Enter)'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
