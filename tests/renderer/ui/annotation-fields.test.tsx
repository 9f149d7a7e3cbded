// @vitest-environment jsdom
/**
 * The open annotation's note and tags (renderer/ui/session/annotation-fields.tsx):
 * the note commits on blur or Ctrl+Enter and only when changed; tags are
 * added with Enter or a comma, normalised, and removed one by one.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_NOTE_CHARS } from '../../../shared/model/limits';
import { NoteField, TagsField } from '../../../renderer/ui/session/annotation-fields';

afterEach(cleanup);

describe('NoteField', () => {
  const setup = (value = 'old') => {
    const onCommit = vi.fn(() => true);
    render(<NoteField label="Note" value={value} readOnly={false} onCommit={onCommit} />);
    return { onCommit, box: screen.getByLabelText(/^Note/) as HTMLTextAreaElement };
  };

  it('commits a changed note when the field loses focus, and an unchanged one never', () => {
    const { onCommit, box } = setup();
    fireEvent.blur(box);
    expect(onCommit).not.toHaveBeenCalled();
    fireEvent.input(box, { target: { value: 'new note' } });
    fireEvent.blur(box);
    expect(onCommit).toHaveBeenCalledWith('new note');
  });

  it('commits on Ctrl+Enter, not on Enter alone', () => {
    const { onCommit, box } = setup();
    fireEvent.input(box, { target: { value: 'line one' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onCommit).not.toHaveBeenCalled();
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect(onCommit).toHaveBeenCalledWith('line one');
  });

  it('counts characters near the limit and says when the note is over it', () => {
    const { box } = setup('');
    const count = () => document.querySelector('.char-count')!;
    fireEvent.input(box, { target: { value: 'x'.repeat(10) } });
    expect(count().textContent).toBe('');
    fireEvent.input(box, { target: { value: 'x'.repeat(MAX_NOTE_CHARS) } });
    expect(count().textContent).toBe(
      `${MAX_NOTE_CHARS.toLocaleString('en')} / ${MAX_NOTE_CHARS.toLocaleString('en')}`,
    );
    expect(count().classList.contains('is-over')).toBe(false);
    fireEvent.input(box, { target: { value: 'x'.repeat(MAX_NOTE_CHARS + 1) } });
    expect(count().classList.contains('is-over')).toBe(true);
    expect(count().textContent).toContain('over the limit');
  });
});

describe('TagsField', () => {
  const setup = (tags: string[] = ['economy'], readOnly = false) => {
    const onCommit = vi.fn(() => true);
    render(<TagsField tags={tags} readOnly={readOnly} onCommit={onCommit} />);
    return { onCommit };
  };
  const field = () => screen.getByLabelText('Add tags (comma-separated)') as HTMLInputElement;

  it('adds a tag on Enter or a comma and empties the field', () => {
    const { onCommit } = setup();
    fireEvent.input(field(), { target: { value: 'health' } });
    fireEvent.keyDown(field(), { key: ',' });
    expect(onCommit).toHaveBeenLastCalledWith(['economy', 'health']);
    expect(field().value).toBe('');
    fireEvent.input(field(), { target: { value: 'crime' } });
    fireEvent.keyDown(field(), { key: 'Enter' });
    expect(onCommit).toHaveBeenLastCalledWith(['economy', 'crime']);
  });

  it('does not commit a tag it already has', () => {
    const { onCommit } = setup();
    fireEvent.input(field(), { target: { value: 'economy' } });
    fireEvent.keyDown(field(), { key: 'Enter' });
    expect(onCommit).not.toHaveBeenCalled();
    expect(field().value).toBe('');
  });

  it('removes one tag with its button', () => {
    const { onCommit } = setup(['economy', 'health']);
    expect(screen.getByRole('list', { name: 'Tags' }).textContent).toContain('health');
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag economy' }));
    expect(onCommit).toHaveBeenCalledWith(['health']);
  });

  it('offers no editing when read-only', () => {
    setup(['economy'], true);
    expect(screen.queryByLabelText('Add tags (comma-separated)')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
