// @vitest-environment jsdom
/**
 * The speaker combobox (renderer/ui/session/speaker-picker.tsx): nothing is
 * attributed unless chosen; typing that names exactly one speaker (or none)
 * chooses it on Enter; typing that fits several asks how to choose.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Speaker } from '../../../shared/model/session';
import {
  SpeakerPicker,
  type SpeakerPickerProps,
} from '../../../renderer/ui/session/speaker-picker';

afterEach(cleanup);

const speaker = (id: string, name: string, aliases: string[] = [], role = ''): Speaker => ({
  id,
  name,
  kind: 'person',
  role,
  organisation: '',
  aliases,
});
const SPEAKERS = [
  speaker('s1', 'Ann Smith', [], 'Minister'),
  speaker('s2', 'Ann Jones'),
  speaker('s3', 'Bob Brown', ['Bobby']),
];

function setup(over: Partial<SpeakerPickerProps> = {}) {
  const props: SpeakerPickerProps = {
    speakers: SPEAKERS,
    current: null,
    focusToken: 0,
    onFocused: vi.fn(),
    onPick: vi.fn(),
    onDone: vi.fn(),
    onEdit: vi.fn(),
    ...over,
  };
  const view = render(<SpeakerPicker {...props} />);
  const input = screen.getByRole('combobox') as HTMLInputElement;
  const type = (text: string) => fireEvent.input(input, { target: { value: text } });
  const key = (k: string) => fireEvent.keyDown(input, { key: k });
  return { props, view, input, type, key };
}

const optionTexts = () => screen.queryAllByRole('option').map((o) => o.textContent);
const highlighted = () =>
  screen.queryAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true')
    ?.textContent ?? null;

describe('SpeakerPicker', () => {
  it('lists every speaker on an empty field, so the arrows reach the last of many', () => {
    const many = Array.from({ length: 20 }, (_, i) =>
      speaker(`m${i}`, `Speaker ${String(i).padStart(2, '0')}`),
    );
    const { props, input, key } = setup({ speakers: many });
    fireEvent.focus(input);
    expect(optionTexts()).toHaveLength(20);
    for (let i = 0; i < 20; i++) key('ArrowDown');
    expect(highlighted()).toBe('Speaker 19');
    key('ArrowDown');
    expect(highlighted()).toBe('Speaker 19');
    key('Enter');
    expect(props.onPick).toHaveBeenCalledWith(many[19]);
  });

  it('keeps the list open when the focus comes back before the closing delay ends', () => {
    vi.useFakeTimers();
    try {
      const { props, input, key } = setup();
      input.focus();
      fireEvent.focus(input);
      input.blur();
      fireEvent.blur(input);
      // Back in the field at once (a click), then ↓ and Enter after the delay has passed.
      input.focus();
      fireEvent.focus(input);
      key('ArrowDown');
      act(() => void vi.advanceTimersByTime(200));
      expect(optionTexts().length).toBeGreaterThan(0);
      key('Enter');
      expect(props.onPick).toHaveBeenCalledWith(SPEAKERS[1]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('lists at most 8 speakers for typed text, best first', () => {
    const many = Array.from({ length: 12 }, (_, i) => speaker(`m${i}`, `Ann ${i}`));
    const { type } = setup({ speakers: many });
    type('Ann');
    expect(optionTexts().filter((t) => t!.startsWith('Ann '))).toHaveLength(8);
  });

  it('takes the one speaker a typed name names, on Enter', () => {
    const { props, type, key } = setup();
    type('Bob Brown');
    expect(highlighted()).toBe('Bob Brown');
    key('Enter');
    expect(props.onPick).toHaveBeenCalledWith(SPEAKERS[2]);
    expect(props.onDone).toHaveBeenCalledTimes(1);
  });

  it('finds a speaker by an alias and says so in the option', () => {
    const { props, type, key } = setup();
    type('Bobby');
    const opt = screen.getByRole('option');
    expect(opt.querySelector('.option-main')!.textContent).toBe('Bob Brown');
    expect(opt.querySelector('.option-note')!.textContent).toBe('as “Bobby”');
    key('Enter');
    expect(props.onPick).toHaveBeenCalledWith(SPEAKERS[2]);
  });

  it('offers to add a name no speaker has, and adds it on Enter', () => {
    const { props, type, key } = setup();
    type('  Zoe Zed ');
    expect(highlighted()).toBe('Add “Zoe Zed” as a new speaker');
    key('Enter');
    expect(props.onPick).toHaveBeenCalledWith({ newName: 'Zoe Zed' });
  });

  it('chooses nothing when the typed text fits several speakers, and says how to choose', () => {
    const { props, type, key, input } = setup();
    type('Ann');
    expect(highlighted()).toBeNull();
    key('Enter');
    expect(props.onPick).not.toHaveBeenCalled();
    expect(screen.getByTestId('speaker-hint').textContent).toBe(
      'Several speakers match: press ↓ to pick one, or type more of the name.',
    );
    expect(input.getAttribute('aria-describedby')).toBe('speaker-hint');
    key('ArrowDown');
    expect(screen.queryByTestId('speaker-hint')).toBeNull();
    key('Enter');
    expect(props.onPick).toHaveBeenCalledTimes(1);
    expect((props.onPick as ReturnType<typeof vi.fn>).mock.calls[0]![0].name).toMatch(/^Ann /);
  });

  it('attributes nothing on Enter in an empty field, and hands the focus back', () => {
    const { props, key, input } = setup();
    fireEvent.focus(input);
    expect(highlighted()).toBeNull();
    key('Enter');
    expect(props.onPick).not.toHaveBeenCalled();
    expect(props.onDone).toHaveBeenCalledTimes(1);
  });

  it('moves the highlight with the arrow keys, from none to the first or the last', () => {
    const { input, key } = setup();
    fireEvent.focus(input);
    key('ArrowDown');
    expect(highlighted()).toBe(optionTexts()[0]);
    expect(input.getAttribute('aria-activedescendant')).toBe('speaker-opt-0');
    key('ArrowDown');
    key('ArrowUp');
    expect(input.getAttribute('aria-activedescendant')).toBe('speaker-opt-0');
    cleanup();
    const other = setup();
    fireEvent.focus(other.input);
    other.key('ArrowUp');
    expect(other.input.getAttribute('aria-activedescendant')).toBe(
      `speaker-opt-${optionTexts().length - 1}`,
    );
  });

  it('leaves the speaker as it was on Escape', () => {
    const { props, type, key, input } = setup();
    type('Bob');
    key('Escape');
    expect(props.onPick).not.toHaveBeenCalled();
    expect(props.onDone).toHaveBeenCalledTimes(1);
    expect(input.value).toBe('');
  });

  it('offers "No speaker" for an attributed passage and takes it away on choosing it', () => {
    const { props, input } = setup({ current: SPEAKERS[0] });
    expect(screen.getByTestId('speaker-name').textContent).toBe('Ann Smith');
    expect(input.getAttribute('aria-label')).toBe('Change speaker');
    fireEvent.focus(input);
    const none = screen.getAllByRole('option').find((o) => o.textContent === 'No speaker')!;
    fireEvent.mouseDown(none);
    expect(props.onPick).toHaveBeenCalledWith(null);
    expect(props.onDone).toHaveBeenCalledTimes(1);
  });

  it('chooses an option on a click', () => {
    const { props, type } = setup();
    type('Ann');
    const jones = screen.getAllByRole('option').find((o) => o.textContent === 'Ann Jones')!;
    fireEvent.mouseDown(jones);
    expect(props.onPick).toHaveBeenCalledWith(SPEAKERS[1]);
  });

  it('takes the focus when the host asks, and says it did', () => {
    const { props, view, input } = setup();
    expect(document.activeElement).not.toBe(input);
    view.rerender(<SpeakerPicker {...props} focusToken={1} />);
    expect(document.activeElement).toBe(input);
    expect(props.onFocused).toHaveBeenCalledTimes(1);
  });

  it('offers editing the current speaker unless disabled', () => {
    const { props } = setup({ current: SPEAKERS[0] });
    fireEvent.click(screen.getByRole('button', { name: 'Edit speaker' }));
    expect(props.onEdit).toHaveBeenCalledWith(SPEAKERS[0]);
    cleanup();
    setup({ current: SPEAKERS[0], disabled: true });
    expect(screen.queryByRole('button', { name: 'Edit speaker' })).toBeNull();
  });
});
