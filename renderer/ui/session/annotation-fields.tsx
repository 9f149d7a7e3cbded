/**
 * The open annotation's free-text fields: its note (committed when the field
 * loses focus or on Ctrl/Cmd+Enter; over the length limit it is kept but not
 * saved, and says so) and its tags (added with Enter or a comma, normalised,
 * removed one by one).
 */
import { useEffect, useState } from 'preact/hooks';
import { MAX_NOTE_CHARS } from '../../../shared/model/limits';
import { normaliseTags } from '../../../shared/review/annotation-edits';
import { LabelledField } from '../labelled-field';

export function NoteField({
  label,
  value,
  readOnly,
  onCommit,
}: {
  label: string;
  value: string;
  readOnly: boolean;
  onCommit: (v: string) => boolean;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const over = draft.length > MAX_NOTE_CHARS;
  const commit = () => {
    if (draft !== value && !onCommit(draft)) return;
  };
  return (
    <LabelledField label={label} class="detail-section" labelClass="detail-label">
      <textarea
        class="input textarea"
        rows={3}
        value={draft}
        readOnly={readOnly}
        placeholder="What a colleague should know about this passage"
        onInput={(e) => setDraft(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            commit();
          }
        }}
      />
      <span class={`char-count ${over ? 'is-over' : ''}`}>
        {over
          ? `${draft.length.toLocaleString('en')} characters: over the limit of ${MAX_NOTE_CHARS.toLocaleString('en')}. It will not be saved until it is shorter; nothing is cut.`
          : draft.length > MAX_NOTE_CHARS * 0.8
            ? `${draft.length.toLocaleString('en')} / ${MAX_NOTE_CHARS.toLocaleString('en')}`
            : ''}
      </span>
    </LabelledField>
  );
}

export function TagsField({
  tags,
  readOnly,
  onCommit,
}: {
  tags: string[];
  readOnly: boolean;
  onCommit: (tags: string[]) => boolean;
}) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const next = normaliseTags([...tags, draft]);
    if (next.length !== tags.length && onCommit(next)) setDraft('');
    else setDraft('');
  };
  return (
    <div class="detail-section">
      <span class="detail-label" id="tags-label">
        Tags
      </span>
      <ul class="tag-list" aria-labelledby="tags-label">
        {tags.map((t) => (
          <li key={t} class="tag">
            {t}
            {!readOnly ? (
              <button
                type="button"
                class="tag-remove"
                aria-label={`Remove tag ${t}`}
                onClick={() => onCommit(tags.filter((x) => x !== t))}
              >
                ×
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {!readOnly ? (
        <input
          class="input input-small"
          aria-label="Add tags (comma-separated)"
          placeholder="Add a tag and press Enter"
          value={draft}
          maxLength={200}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              if (draft.trim()) add();
            }
          }}
          onBlur={() => draft.trim() && add()}
        />
      ) : null}
    </div>
  );
}
