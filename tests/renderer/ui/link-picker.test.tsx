// @vitest-environment jsdom
/**
 * The annotation picker (renderer/ui/session/link-picker.tsx): in link mode
 * the relation follows the two kinds until chosen, Alt+R reverses, and Enter
 * makes the link with the note typed; in go-to mode a click opens.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LinkPicker, type LinkPickerProps } from '../../../renderer/ui/session/link-picker';
import { buildSeedReview, SEED_REVIEW } from '../../helpers/review-by-edits';
import { installDialogStandIn } from './dom-stand-ins';

beforeAll(installDialogStandIn);
afterEach(cleanup);

const { session, ids } = buildSeedReview();

function setup(over: Partial<LinkPickerProps> = {}) {
  const props: LinkPickerProps = {
    mode: 'link',
    session,
    fromId: ids.falseStory,
    onLink: vi.fn(() => true),
    onGoto: vi.fn(),
    onClose: vi.fn(),
    ...over,
  };
  render(<LinkPicker {...props} />);
  const search = screen.getByRole('combobox');
  const key = (k: string, init: Partial<KeyboardEventInit> = {}, on: Element = search) =>
    fireEvent.keyDown(on, { key: k, ...init });
  return { props, search, key };
}

const preview = () => screen.getByTestId('link-preview').textContent!.replace(/\s+/g, ' ');

describe('LinkPicker in link mode', () => {
  it('suggests the relation from the two kinds and links on Enter', () => {
    const { props, search, key } = setup();
    fireEvent.input(search, { target: { value: 'Tillerson' } });
    expect(preview()).toMatch(/^This Counter-statement contradicts Counter-statement /);
    key('Enter');
    expect(props.onLink).toHaveBeenCalledWith({
      to: ids.tillerson,
      relation: 'contradicts',
      reverse: false,
      note: '',
    });
    expect(props.onClose).toHaveBeenCalledTimes(1);
  });

  it('keeps the relation the reviewer chose (Alt+digit), reverses with Alt+R, and sends the note', () => {
    const { props, search, key } = setup({ fromId: ids.tweet });
    fireEvent.input(search, { target: { value: 'jeopardised' } });
    expect(preview()).toMatch(/^This Evidence supports Claim /);
    key('3', { altKey: true, code: 'Digit3' });
    key('r', { altKey: true, code: 'KeyR' });
    expect(preview()).toMatch(/^Claim partially addresses Evidence \(this one\)/);
    const note = screen.getByLabelText('Note on the link (optional)');
    fireEvent.input(note, { target: { value: 'only in part' } });
    key('Enter', {}, note);
    expect(props.onLink).toHaveBeenCalledWith({
      to: ids.claim,
      relation: 'partially-addresses',
      reverse: true,
      note: 'only in part',
    });
  });

  it('stays open when the link is refused', () => {
    const { props, search, key } = setup({ onLink: vi.fn(() => false) });
    fireEvent.input(search, { target: { value: 'Tillerson' } });
    key('Enter');
    expect(props.onLink).toHaveBeenCalledTimes(1);
    expect(props.onClose).not.toHaveBeenCalled();
  });

  it('moves the chosen target with the arrows, but not while typing the note', () => {
    const { search, key } = setup();
    const chosen = () => search.getAttribute('aria-activedescendant');
    expect(chosen()).toBe('picker-opt-0');
    key('ArrowDown');
    expect(chosen()).toBe('picker-opt-1');
    key('ArrowDown', {}, screen.getByLabelText('Note on the link (optional)'));
    expect(chosen()).toBe('picker-opt-1');
    key('ArrowUp');
    key('ArrowUp');
    expect(chosen()).toBe('picker-opt-0');
  });

  it('leaves out the annotation linked from, and says what is already linked', () => {
    setup();
    const options = screen.getAllByTestId('picker-option');
    expect(options.map((o) => o.textContent).join('\n')).not.toContain(SEED_REVIEW.falseStory);
    const claim = options.find((o) => o.textContent!.includes(SEED_REVIEW.claim.slice(0, 40)))!;
    expect(claim.textContent).toContain('already: contradicts');
  });

  it('says when nothing matches', () => {
    const { search } = setup();
    fireEvent.input(search, { target: { value: 'zzzz-no-such-words' } });
    expect(screen.queryAllByTestId('picker-option')).toHaveLength(0);
    expect(screen.getByText('Nothing matches.')).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Link (Enter)' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });
});

describe('LinkPicker in go-to mode', () => {
  it('opens the clicked annotation and has no note or relation', () => {
    const { props, search } = setup({ mode: 'goto', fromId: null });
    expect(screen.queryByLabelText('Note on the link (optional)')).toBeNull();
    expect(screen.queryByTestId('link-preview')).toBeNull();
    fireEvent.input(search, { target: { value: 'Tillerson' } });
    fireEvent.click(screen.getAllByTestId('picker-option')[0]!);
    expect(props.onGoto).toHaveBeenCalledWith(ids.tillerson);
    expect(props.onLink).not.toHaveBeenCalled();
  });
});
