// @vitest-environment jsdom
/**
 * The shared labelled field (renderer/ui/labelled-field.tsx): the label text
 * names the control, and the classes the stylesheet keys on are kept.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LabelledField, LabelledGroup } from '../../../renderer/ui/labelled-field';

afterEach(cleanup);

describe('LabelledField', () => {
  it('names its control by the label text', () => {
    render(
      <LabelledField label="Organisation URL">
        <input type="url" />
      </LabelledField>,
    );
    const input = screen.getByLabelText('Organisation URL');
    expect(input.tagName).toBe('INPUT');
    expect(screen.getByRole('textbox', { name: 'Organisation URL' })).toBe(input);
  });

  it('keeps what follows the control inside the label, and the field classes', () => {
    const { container } = render(
      <LabelledField label="Note" class="detail-section" labelClass="detail-label">
        <textarea />
        <span class="char-count">12 / 100</span>
      </LabelledField>,
    );
    const label = container.querySelector('label')!;
    expect(label.className).toBe('field detail-section');
    expect(label.firstElementChild!.className).toBe('detail-label');
    expect(label.querySelector('.char-count')!.textContent).toBe('12 / 100');
    expect(screen.getByLabelText(/^Note/).tagName).toBe('TEXTAREA');
  });

  it('uses the plain field classes by default', () => {
    const { container } = render(
      <LabelledField label="Name">
        <input />
      </LabelledField>,
    );
    expect(container.querySelector('label')!.className).toBe('field');
    expect(container.querySelector('label > span')!.className).toBe('field-label');
  });
});

describe('LabelledGroup', () => {
  it('names its group of controls by the legend', () => {
    render(
      <LabelledGroup legend="Kind" class="field radio-row">
        <label>
          <input type="radio" name="k" /> Person
        </label>
        <label>
          <input type="radio" name="k" /> Organisation
        </label>
      </LabelledGroup>,
    );
    const group = screen.getByRole('group', { name: 'Kind' });
    expect(group.className).toBe('field radio-row');
    expect(group.querySelectorAll('input[type=radio]')).toHaveLength(2);
  });
});
