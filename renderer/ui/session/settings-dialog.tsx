/**
 * Session settings: the reviewer's name (recorded on new annotations), what
 * publishing a ClaimReview needs (organisation, its URL, the publication base
 * URL), the methodology note printed in reports, and the rating scale.
 * Saved as one undoable change; refusals are shown in words.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Session, SessionSettings } from '../../../shared/model/session';
import {
  DEFAULT_SCALE,
  type RatingScale,
  type RatingStep,
} from '../../../shared/model/rating-scale';
import { MAX_NOTE_CHARS } from '../../../shared/model/limits';
import { safeHttpUrl } from '../../../shared/article/safe-url';
import type { SessionOp } from '../../../shared/session/session-ops';
import { Dialog } from '../dialog';
import { LabelledField } from '../labelled-field';

export interface SettingsDialogProps {
  session: Session;
  readOnly: boolean;
  onSave: (ops: SessionOp[]) => string | null;
  onClose: () => void;
  /** The reviewer's identity for team review (its own form, saved on its own; issue 10). */
  identity?: ComponentChildren;
}

function slug(label: string, taken: Set<string>): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'step';
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

export function SettingsDialog({
  session,
  readOnly,
  onSave,
  onClose,
  identity,
}: SettingsDialogProps) {
  const [settings, setSettings] = useState<SessionSettings>(session.settings);
  const [scale, setScale] = useState<RatingScale>(session.scale);
  const [problems, setProblems] = useState<string[]>([]);
  const set = (patch: Partial<SessionSettings>) => setSettings({ ...settings, ...patch });
  const setStep = (i: number, patch: Partial<RatingStep>) =>
    setScale({ ...scale, steps: scale.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) });

  const save = (e: Event) => {
    e.preventDefault();
    const found: string[] = [];
    for (const [key, label] of [
      ['organisationUrl', 'Organisation URL'],
      ['publicationBaseUrl', 'Publication base URL'],
    ] as const) {
      if (settings[key].trim() && !safeHttpUrl(settings[key]))
        found.push(`${label} must be a full web address starting with http:// or https://.`);
    }
    if (settings.methodology.length > MAX_NOTE_CHARS)
      found.push(
        `The methodology note is over the limit of ${MAX_NOTE_CHARS.toLocaleString('en')} characters; nothing was cut.`,
      );
    if (!(scale.worst < scale.best))
      found.push('The scale’s worst value must be below its best value.');
    for (const s of scale.steps) {
      if (!s.label.trim()) found.push('Every step of the scale needs a label.');
      if (!(s.value >= scale.worst && s.value <= scale.best))
        found.push(`“${s.label}” has the value ${s.value}, outside ${scale.worst}–${scale.best}.`);
    }
    if (!scale.steps.length) found.push('The scale needs at least one step.');
    if (found.length) return setProblems([...new Set(found)]);
    const ops: SessionOp[] = [];
    const cleaned = {
      ...settings,
      reviewer: settings.reviewer.trim(),
      organisationName: settings.organisationName.trim(),
      organisationUrl: settings.organisationUrl.trim(),
      publicationBaseUrl: settings.publicationBaseUrl.trim(),
    };
    if (JSON.stringify(cleaned) !== JSON.stringify(session.settings))
      ops.push({ op: 'settings.put', settings: cleaned });
    if (JSON.stringify(scale) !== JSON.stringify(session.scale))
      ops.push({ op: 'scale.put', scale });
    if (!ops.length) return onClose();
    const problem = onSave(ops);
    if (problem) setProblems([problem]);
    else onClose();
  };

  return (
    <Dialog title="Session settings" onClose={onClose} class="dialog-wide">
      <form class="settings-form" onSubmit={save}>
        <fieldset disabled={readOnly}>
          <legend class="settings-legend">Reviewer and publication</legend>
          <LabelledField label="Your name (recorded on new annotations and links)">
            <input
              class="input"
              value={settings.reviewer}
              maxLength={1000}
              onInput={(e) => set({ reviewer: e.currentTarget.value })}
              autoFocus
            />
          </LabelledField>
          <div class="field-row">
            <LabelledField label="Fact-checking organisation">
              <input
                class="input"
                value={settings.organisationName}
                maxLength={1000}
                onInput={(e) => set({ organisationName: e.currentTarget.value })}
              />
            </LabelledField>
            <LabelledField label="Organisation URL">
              <input
                class="input"
                type="url"
                value={settings.organisationUrl}
                placeholder="https://"
                onInput={(e) => set({ organisationUrl: e.currentTarget.value })}
              />
            </LabelledField>
          </div>
          <LabelledField label="Publication base URL (each ClaimReview’s address is this plus the claim’s id)">
            <input
              class="input"
              type="url"
              value={settings.publicationBaseUrl}
              placeholder="https://example.org/fact-checks/"
              onInput={(e) => set({ publicationBaseUrl: e.currentTarget.value })}
            />
          </LabelledField>
          <p class="muted small">
            ClaimReview export needs both the organisation and the publication base URL.
          </p>
          <LabelledField label="Methodology note (printed in reports)">
            <textarea
              class="input textarea"
              rows={4}
              value={settings.methodology}
              onInput={(e) => set({ methodology: e.currentTarget.value })}
            />
          </LabelledField>
        </fieldset>
        <fieldset disabled={readOnly}>
          <legend class="settings-legend">Rating scale</legend>
          <div class="field-row">
            <LabelledField label="Name">
              <input
                class="input"
                value={scale.name}
                maxLength={1000}
                onInput={(e) => setScale({ ...scale, name: e.currentTarget.value })}
              />
            </LabelledField>
            <LabelledField label="Worst value" class="field-narrow">
              <input
                class="input"
                type="number"
                value={scale.worst}
                onInput={(e) => setScale({ ...scale, worst: Number(e.currentTarget.value) })}
              />
            </LabelledField>
            <LabelledField label="Best value" class="field-narrow">
              <input
                class="input"
                type="number"
                value={scale.best}
                onInput={(e) => setScale({ ...scale, best: Number(e.currentTarget.value) })}
              />
            </LabelledField>
          </div>
          <table class="scale-table">
            <thead>
              <tr>
                <th scope="col">Verdict</th>
                <th scope="col">Value</th>
                <th scope="col">Meaning</th>
                <th scope="col">
                  <span class="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {scale.steps.map((s, i) => (
                <tr key={s.id}>
                  <td>
                    <input
                      class="input input-small"
                      aria-label={`Label of step ${i + 1}`}
                      value={s.label}
                      maxLength={200}
                      onInput={(e) => setStep(i, { label: e.currentTarget.value })}
                    />
                  </td>
                  <td>
                    <input
                      class="input input-small input-number"
                      aria-label={`Value of ${s.label}`}
                      type="number"
                      step="any"
                      value={s.value}
                      onInput={(e) => setStep(i, { value: Number(e.currentTarget.value) })}
                    />
                  </td>
                  <td>
                    <input
                      class="input input-small"
                      aria-label={`Meaning of ${s.label}`}
                      value={s.description}
                      onInput={(e) => setStep(i, { description: e.currentTarget.value })}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      class="icon-button"
                      aria-label={`Remove ${s.label}`}
                      title="Remove this step"
                      onClick={() =>
                        setScale({ ...scale, steps: scale.steps.filter((_, j) => j !== i) })
                      }
                    >
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="form-actions">
            <button
              type="button"
              class="button button-small"
              onClick={() =>
                setScale({
                  ...scale,
                  steps: [
                    ...scale.steps,
                    {
                      id: slug(
                        `step ${scale.steps.length + 1}`,
                        new Set(scale.steps.map((x) => x.id)),
                      ),
                      label: 'New verdict',
                      value: scale.worst,
                      description: '',
                    },
                  ],
                })
              }
            >
              Add a step
            </button>
            <button
              type="button"
              class="button button-small button-quiet"
              onClick={() =>
                setScale({ ...DEFAULT_SCALE, steps: DEFAULT_SCALE.steps.map((x) => ({ ...x })) })
              }
            >
              Use the default scale
            </button>
          </div>
          <p class="muted small">
            A step that a verdict uses cannot be removed; change those verdicts first.
          </p>
        </fieldset>
        {problems.length ? (
          <ul class="field-error" role="alert">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        <div class="dialog-actions">
          <button type="button" class="button" onClick={onClose}>
            Cancel
          </button>
          {!readOnly ? (
            <button type="submit" class="button button-primary">
              Save settings
            </button>
          ) : null}
        </div>
      </form>
      {identity}
    </Dialog>
  );
}
