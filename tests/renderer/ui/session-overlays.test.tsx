// @vitest-environment jsdom
/**
 * The session's overlays (renderer/ui/session/session-overlays.tsx): the one
 * open overlay shows, and its answer becomes the change it asks for.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../shared/api/contract';
import {
  SessionOverlays,
  deleteQuestion,
  type Overlay,
  type SessionOverlaysProps,
} from '../../../renderer/ui/session/session-overlays';
import { buildSeedReview } from '../../helpers/review-by-edits';
import { installDialogStandIn } from './dom-stand-ins';

beforeAll(installDialogStandIn);
afterEach(cleanup);

const { session, ids } = buildSeedReview();

function setup(overlay: Overlay, over: Partial<SessionOverlaysProps> = {}) {
  const props: SessionOverlaysProps = {
    overlay,
    setOverlay: vi.fn(),
    client: {} as ApiClient,
    session,
    readOnly: false,
    actions: { link: vi.fn(() => ({}) as never), delete: vi.fn() },
    focusEditor: vi.fn(),
    reveal: vi.fn(),
    activate: vi.fn(),
    addArticle: vi.fn(),
    saveSettings: vi.fn(() => null),
    contextItems: vi.fn(() => []),
    ...over,
  };
  const view = render(<SessionOverlays {...props} />);
  return { props, view };
}

describe('deleteQuestion', () => {
  it('counts the links that go too', () => {
    expect(deleteQuestion(1)).toBe(
      'It is linked to 1 other annotation. Deleting it removes that link too. Undo (Ctrl+Z) brings everything back.',
    );
    expect(deleteQuestion(3)).toMatch(
      /^It is linked to 3 other annotations\. Deleting it removes those links too\./,
    );
  });
});

describe('SessionOverlays', () => {
  it('shows nothing when no overlay is open', () => {
    const { view } = setup(null);
    expect(view.container.innerHTML).toBe('');
  });

  it('deletes after the question is confirmed, and hands the focus back', () => {
    const { props } = setup({ type: 'delete', id: ids.claim, linkCount: 4 });
    expect(screen.getByText(deleteQuestion(4))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete annotation and links' }));
    expect(props.setOverlay).toHaveBeenCalledWith(null);
    expect(props.actions.delete).toHaveBeenCalledWith(ids.claim);
    expect(props.focusEditor).toHaveBeenCalledTimes(1);
  });

  it('deletes nothing when the question is cancelled', () => {
    const { props } = setup({ type: 'delete', id: ids.claim, linkCount: 4 });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(props.setOverlay).toHaveBeenCalledWith(null);
    expect(props.actions.delete).not.toHaveBeenCalled();
  });

  it('links in the direction shown: reversed, the target links to this one', () => {
    const { props } = setup({ type: 'link', fromId: ids.tweet });
    const search = screen.getByRole('combobox');
    fireEvent.input(search, { target: { value: 'jeopardised' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    fireEvent.keyDown(search, { key: 'r', altKey: true, code: 'KeyR' });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(props.actions.link).toHaveBeenNthCalledWith(1, ids.tweet, ids.claim, 'supports', '');
    expect(props.actions.link).toHaveBeenNthCalledWith(2, ids.claim, ids.tweet, 'supports', '');
  });

  it('goes to an annotation: reveals it, opens it and focuses the article', () => {
    const { props } = setup({ type: 'goto' });
    fireEvent.input(screen.getByRole('combobox'), { target: { value: 'Tillerson' } });
    fireEvent.click(screen.getAllByTestId('picker-option')[0]!);
    expect(props.setOverlay).toHaveBeenCalledWith(null);
    expect(props.reveal).toHaveBeenCalledWith(ids.tillerson);
    expect(props.activate).toHaveBeenCalledWith(ids.tillerson);
    expect(props.focusEditor).toHaveBeenCalledTimes(1);
  });

  it('shows the context menu built for the annotations under it', () => {
    const run = vi.fn();
    const { props } = setup(
      { type: 'context', ids: [ids.claim], point: { x: 10, y: 20 } },
      { contextItems: vi.fn(() => [{ label: 'Do it', run }]) },
    );
    expect(props.contextItems).toHaveBeenCalledWith([ids.claim]);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Do it' }));
    expect(run).toHaveBeenCalledTimes(1);
  });
});
