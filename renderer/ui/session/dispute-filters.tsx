/**
 * The filter box of the dispute panel, and the counts that follow it.
 *
 * The box opens and closes only when the reviewer toggles it: changing a
 * filter never snaps it shut (clearing the last active filter used to close
 * it, hiding the field being typed in and dropping its focus, so the next
 * keystrokes were lost). "Clear filters" stays in place, disabled while
 * nothing is filtered, and hands focus to the text field after clearing.
 */
import { showInvisibles } from '../../../shared/text/visible-text';
import { useRef, useState } from 'preact/hooks';
import type { Session } from '../../../shared/model/session';
import { ANNOTATION_KINDS, KIND_LABELS } from '../../../shared/model/vocabulary';
import {
  isEmptyFilter,
  EMPTY_FILTER,
  type DisputeFilter,
  type DisputeModel,
} from '../../../shared/review/dispute-cards';
import { plural } from '../format';
import { LabelledField, LabelledGroup } from '../labelled-field';

/**
 * What a filter leaves shown, in words: "Showing 3 of 12 claims · 2 of 5
 * statements not linked to a claim" (the second part only where there are
 * such statements); null while nothing is filtered.
 */
export function filterResult(
  model: DisputeModel,
  shown: DisputeModel,
  filter: DisputeFilter,
): string | null {
  if (isEmptyFilter(filter)) return null;
  const of = (n: number, total: number, one: string) =>
    `${n.toLocaleString('en')} of ${plural(total, one)}`;
  const claims = `Showing ${of(shown.claims.length, model.claims.length, 'claim')}`;
  return model.unlinked.length
    ? `${claims} · ${of(shown.unlinked.length, model.unlinked.length, 'statement')} not linked to a claim`
    : claims;
}

export interface DisputeFiltersProps {
  session: Session;
  filter: DisputeFilter;
  tags: string[];
  /** What the filter leaves shown, as {@link filterResult} words it (null: no filter). */
  result: string | null;
  onFilter: (f: DisputeFilter) => void;
}

export function DisputeFilters({ session, filter, tags, result, onFilter }: DisputeFiltersProps) {
  const [open, setOpen] = useState(!isEmptyFilter(filter));
  const text = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<DisputeFilter>) => onFilter({ ...filter, ...patch });
  return (
    <details
      class="filters"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
      data-testid="dispute-filters"
    >
      <summary>Filter{result ? <span class="filter-on"> (on)</span> : null}</summary>
      <div class="filter-grid">
        <LabelledGroup legend="Kind" class="filter-kinds">
          {ANNOTATION_KINDS.map((k) => (
            <label key={k} class={`chip-toggle kind-${k}`}>
              <input
                type="checkbox"
                checked={filter.kinds.includes(k)}
                onChange={(e) =>
                  set({
                    kinds: e.currentTarget.checked
                      ? [...filter.kinds, k]
                      : filter.kinds.filter((x) => x !== k),
                  })
                }
              />
              {KIND_LABELS[k]}
            </label>
          ))}
        </LabelledGroup>
        <LabelledField label="Speaker">
          <select
            class="select"
            value={filter.speakerIds[0] ?? ''}
            onChange={(e) =>
              set({ speakerIds: e.currentTarget.value ? [e.currentTarget.value] : [] })
            }
          >
            <option value="">Any speaker</option>
            {[...session.speakers]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {showInvisibles(s.name)}
                </option>
              ))}
          </select>
        </LabelledField>
        <LabelledField label="Verdict">
          <select
            class="select"
            value={filter.verdicts[0] ?? ''}
            onChange={(e) =>
              set({ verdicts: e.currentTarget.value ? [e.currentTarget.value] : [] })
            }
          >
            <option value="">Any verdict</option>
            <option value="none">No verdict yet</option>
            {session.scale.steps.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </LabelledField>
        <LabelledField label="Tag">
          <select
            class="select"
            value={filter.tags[0] ?? ''}
            onChange={(e) => set({ tags: e.currentTarget.value ? [e.currentTarget.value] : [] })}
            disabled={!tags.length}
          >
            <option value="">{tags.length ? 'Any tag' : 'No tags yet'}</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </LabelledField>
        <label class="checkbox filter-unanswered">
          <input
            type="checkbox"
            checked={filter.unansweredOnly}
            onChange={(e) => set({ unansweredOnly: e.currentTarget.checked })}
          />
          Only claims with no counter-statement or evidence yet
        </label>
        <LabelledField label="Text" class="filter-text">
          <input
            ref={text}
            class="input"
            type="search"
            value={filter.text}
            placeholder="Words in quotes, notes, speakers"
            onInput={(e) => set({ text: e.currentTarget.value })}
          />
        </LabelledField>
        <div class="filter-actions">
          <button
            type="button"
            class="button button-small"
            disabled={!result}
            onClick={() => {
              onFilter(EMPTY_FILTER);
              text.current?.focus();
            }}
          >
            Clear filters
          </button>
        </div>
      </div>
    </details>
  );
}
