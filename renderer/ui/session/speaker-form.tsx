/**
 * The form that edits a speaker record: name, kind (person or organisation),
 * role, organisation and aliases (other spellings the speaker search matches).
 */
import { useState } from 'preact/hooks';
import type { Speaker } from '../../../shared/model/session';
import { LabelledField, LabelledGroup } from '../labelled-field';

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
      <LabelledField label="Name">
        <input
          class="input"
          value={draft.name}
          maxLength={1000}
          required
          onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          autoFocus
        />
      </LabelledField>
      <LabelledGroup legend="Kind" class="field radio-row">
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
      </LabelledGroup>
      <LabelledField label="Role">
        <input
          class="input"
          value={draft.role}
          maxLength={1000}
          placeholder="e.g. National Security Advisor"
          onInput={(e) => setDraft({ ...draft, role: e.currentTarget.value })}
        />
      </LabelledField>
      <LabelledField label="Organisation">
        <input
          class="input"
          value={draft.organisation}
          maxLength={1000}
          onInput={(e) => setDraft({ ...draft, organisation: e.currentTarget.value })}
        />
      </LabelledField>
      <LabelledField label="Aliases (other spellings, comma-separated)">
        <input
          class="input"
          value={draft.aliasText}
          placeholder="e.g. Sergei Lavrov, Lavrov"
          onInput={(e) => setDraft({ ...draft, aliasText: e.currentTarget.value })}
        />
      </LabelledField>
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
