/**
 * The one way a form field is labelled in the app: the label's text above
 * its control, both inside one `<label>`, so the control's accessible name is
 * the label text (what screen readers say and what `getByLabel` finds) with
 * no id to keep unique. Anything after the control (a character count, a
 * hint) goes in `children` too and stays inside the label.
 *
 * {@link LabelledGroup} is the same for a group of controls (radio buttons,
 * checkboxes): a `<fieldset>` named by its `<legend>`.
 */
import type { ComponentChildren } from 'preact';

export interface LabelledFieldProps {
  /** The visible label; it names the control. */
  label: ComponentChildren;
  /** Extra classes besides `field` (`field-narrow`, `detail-section`, …). */
  class?: string;
  /** The label text's class (`field-label` unless given). */
  labelClass?: string;
  /** The control, then whatever belongs with it. */
  children: ComponentChildren;
}

export function LabelledField({
  label,
  class: cls,
  labelClass = 'field-label',
  children,
}: LabelledFieldProps) {
  return (
    <label class={cls ? `field ${cls}` : 'field'}>
      <span class={labelClass}>{label}</span>
      {children}
    </label>
  );
}

export interface LabelledGroupProps {
  /** The visible name of the group. */
  legend: ComponentChildren;
  /** The fieldset's classes. */
  class?: string;
  children: ComponentChildren;
}

export function LabelledGroup({ legend, class: cls, children }: LabelledGroupProps) {
  return (
    <fieldset class={cls}>
      <legend class="field-label">{legend}</legend>
      {children}
    </fieldset>
  );
}
