/**
 * A claim's verdict: a step of the session's rating scale and the written
 * rationale, saved together as one change (one undo step). The steps are a
 * radio group (arrow keys choose); Ctrl/Cmd+Enter saves from anywhere in the
 * form, Escape cancels.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Verdict } from '../../../shared/model/session';
import type { RatingScale } from '../../../shared/model/rating-scale';
import { MAX_NOTE_CHARS } from '../../../shared/model/limits';
import { shortcutLabel } from '../../editor/shortcuts';
import { LabelledField, LabelledGroup } from '../labelled-field';

export interface VerdictEditorProps {
  scale: RatingScale;
  verdict: Verdict | null;
  readOnly: boolean;
  focusToken: number;
  onFocused: () => void;
  onSave: (v: Verdict | null) => boolean;
  onDone: () => void;
}

export function verdictTone(scale: RatingScale, stepId: string | undefined): string {
  const step = scale.steps.find((s) => s.id === stepId);
  if (!step) return 'none';
  if (step.id === 'misleading') return 'misleading';
  if (step.id === 'unverifiable') return 'unverifiable';
  const t = (step.value - scale.worst) / (scale.best - scale.worst || 1);
  return t >= 0.75 ? 'true' : t > 0.4 ? 'mixed' : 'false';
}

export function VerdictEditor({
  scale,
  verdict,
  readOnly,
  focusToken,
  onFocused,
  onSave,
  onDone,
}: VerdictEditorProps) {
  const [editing, setEditing] = useState(false);
  const [stepId, setStepId] = useState(verdict?.stepId ?? '');
  const [rationale, setRationale] = useState(verdict?.rationale ?? '');
  const form = useRef<HTMLFormElement>(null);
  const [focusTick, setFocusTick] = useState(0);

  const open = () => {
    setStepId(verdict?.stepId ?? '');
    setRationale(verdict?.rationale ?? '');
    setEditing(true);
  };

  useLayoutEffect(() => {
    if (focusToken && !readOnly) {
      open();
      setFocusTick((t) => t + 1);
      onFocused();
    }
  }, [focusToken]);

  useLayoutEffect(() => {
    if (!editing || !form.current) return;
    const target =
      form.current.querySelector<HTMLInputElement>('input[type=radio]:checked') ??
      form.current.querySelector<HTMLInputElement>('input[type=radio]');
    target?.focus();
  }, [editing, focusTick]);

  const step = scale.steps.find((s) => s.id === verdict?.stepId);
  if (!editing) {
    return (
      <div class="verdict-view">
        {step ? (
          <>
            <p>
              <span
                class={`verdict-badge verdict-${verdictTone(scale, step.id)}`}
                data-testid="verdict-label"
              >
                {step.label}
              </span>
            </p>
            {verdict!.rationale ? (
              <p class="verdict-rationale">{verdict!.rationale}</p>
            ) : (
              <p class="muted">No rationale written yet.</p>
            )}
          </>
        ) : (
          <p class="muted">No verdict yet.</p>
        )}
        {!readOnly ? (
          <button
            type="button"
            class="button button-small"
            onClick={open}
            title={`Set verdict (${shortcutLabel('verdict')} in the article)`}
          >
            {step ? 'Change verdict' : 'Set verdict'}
          </button>
        ) : null}
      </div>
    );
  }

  const tooLong = rationale.length > MAX_NOTE_CHARS;
  const save = () => {
    if (!stepId) return;
    if (onSave({ stepId, rationale })) {
      setEditing(false);
      onDone();
    }
  };
  return (
    <form
      ref={form}
      class="verdict-form"
      aria-label="Verdict"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          save();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          setEditing(false);
          onDone();
        }
      }}
    >
      <LabelledGroup legend={`Verdict (${scale.name})`} class="verdict-steps">
        {scale.steps.map((s) => (
          <label
            key={s.id}
            class={`verdict-step verdict-${verdictTone(scale, s.id)} ${stepId === s.id ? 'is-checked' : ''}`}
            title={s.description}
          >
            <input
              type="radio"
              name="verdict-step"
              value={s.id}
              checked={stepId === s.id}
              onChange={() => setStepId(s.id)}
            />
            <span>{s.label}</span>
          </label>
        ))}
      </LabelledGroup>
      <LabelledField label="Rationale">
        <textarea
          class="input textarea"
          rows={4}
          value={rationale}
          placeholder="Why this verdict? Name the statements and evidence it rests on."
          onInput={(e) => setRationale(e.currentTarget.value)}
          aria-describedby="rationale-count"
        />
        <span id="rationale-count" class={`char-count ${tooLong ? 'is-over' : ''}`}>
          {tooLong
            ? `${rationale.length.toLocaleString('en')} characters: over the limit of ${MAX_NOTE_CHARS.toLocaleString('en')}. Shorten it to save.`
            : `${rationale.length.toLocaleString('en')} / ${MAX_NOTE_CHARS.toLocaleString('en')}`}
        </span>
      </LabelledField>
      <div class="form-actions">
        <button
          type="submit"
          class="button button-primary"
          disabled={!stepId}
          title="Save verdict (Ctrl+Enter)"
        >
          Save verdict
        </button>
        {verdict ? (
          <button
            type="button"
            class="button"
            onClick={() => {
              if (onSave(null)) {
                setEditing(false);
                onDone();
              }
            }}
          >
            Clear verdict
          </button>
        ) : null}
        <button
          type="button"
          class="button button-quiet"
          onClick={() => {
            setEditing(false);
            onDone();
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
