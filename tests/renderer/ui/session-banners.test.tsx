// @vitest-environment jsdom
/**
 * The session's banners (renderer/ui/session/session-banners.tsx): each shows
 * only while its state holds and its buttons do what they say.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient, ApiError, OpenedSession } from '../../../shared/api/contract';
import type { NoticeApi } from '../../../renderer/ui/notices';
import {
  ReadOnlyBanner,
  ReattachBanner,
  RecoveryBanner,
  SaveErrorBanner,
  recoverSession,
} from '../../../renderer/ui/session/session-banners';
import { seedSession } from '../../helpers/seed-session';

afterEach(cleanup);

function recordingNotices() {
  const shown: { tone: string; text: string }[] = [];
  const notices: NoticeApi = {
    show: (n) => (shown.push({ tone: n.tone, text: n.text }), shown.length),
    dismiss: () => undefined,
    info: (text) => (shown.push({ tone: 'info', text }), shown.length),
    error: (text) => (shown.push({ tone: 'error', text }), shown.length),
  };
  return { notices, shown };
}

describe('ReadOnlyBanner', () => {
  it('shows only for a read-only session', () => {
    const { rerender } = render(<ReadOnlyBanner show={false} />);
    expect(screen.queryByRole('note')).toBeNull();
    rerender(<ReadOnlyBanner show />);
    expect(screen.getByRole('note').textContent).toContain('nothing you do here is saved');
  });
});

describe('RecoveryBanner', () => {
  it('says how many changes can be restored and offers both answers', () => {
    const onRecover = vi.fn();
    render(
      <RecoveryBanner
        recovery={{ changes: 3, lastChangeAt: '2024-05-01T12:00:00.000Z' }}
        onRecover={onRecover}
      />,
    );
    expect(screen.getByTestId('recovery-offer').textContent).toMatch(
      /^This session was not closed cleanly\. 3 unsaved changes from .+ can be restored\./,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Restore changes' }));
    fireEvent.click(screen.getByRole('button', { name: 'Discard them' }));
    expect(onRecover.mock.calls).toEqual([['restore'], ['discard']]);
  });

  it('shows nothing without a recovery', () => {
    render(<RecoveryBanner recovery={null} onRecover={vi.fn()} />);
    expect(screen.queryByTestId('recovery-offer')).toBeNull();
  });
});

describe('recoverSession', () => {
  const opened: OpenedSession = {
    session: seedSession(),
    readOnly: false,
    recovery: null,
  } as unknown as OpenedSession;

  it('returns the reopened session and says what happened', async () => {
    const call = vi.fn(async () => ({ ok: true as const, value: opened }));
    const { notices, shown } = recordingNotices();
    const client = { call } as unknown as ApiClient;
    expect(await recoverSession(client, 's1', 'discard', notices)).toBe(opened);
    expect(call).toHaveBeenCalledWith('sessions.recover', { id: 's1', action: 'discard' });
    expect(shown).toEqual([{ tone: 'success', text: 'The unsaved changes were discarded.' }]);
  });

  it('says why not when the host refuses', async () => {
    const error: ApiError = { code: 'io', message: 'Disk full.' } as ApiError;
    const client = { call: async () => ({ ok: false as const, error }) } as unknown as ApiClient;
    const { notices, shown } = recordingNotices();
    expect(await recoverSession(client, 's1', 'restore', notices)).toBeNull();
    expect(shown).toEqual([
      { tone: 'error', text: 'The unsaved changes could not be restored: Disk full.' },
    ]);
  });
});

describe('SaveErrorBanner', () => {
  const error = (code: string): ApiError =>
    ({ code, message: 'The file changed on disk.' }) as ApiError;

  it('shows nothing while saving works', () => {
    for (const state of ['saved', 'pending', 'saving'] as const) {
      render(<SaveErrorBanner save={{ state }} onKeepMine={vi.fn()} onReload={vi.fn()} />);
      expect(screen.queryByRole('alert')).toBeNull();
      cleanup();
    }
  });

  it('says the edits are kept, and whether saving is retried', () => {
    const { rerender } = render(
      <SaveErrorBanner
        save={{ state: 'error', error: error('io'), retrying: true }}
        onKeepMine={vi.fn()}
        onReload={vi.fn()}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain(
      'They are kept in this window and saving is retried automatically.',
    );
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    rerender(
      <SaveErrorBanner
        save={{ state: 'error', error: error('io'), retrying: false }}
        onKeepMine={vi.fn()}
        onReload={vi.fn()}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('They are kept in this window.');
    // Only a conflict has a choice to make.
    for (const code of ['locked', 'internal', 'invalid-request']) {
      rerender(
        <SaveErrorBanner
          save={{ state: 'error', error: error(code), retrying: false }}
          onKeepMine={vi.fn()}
          onReload={vi.fn()}
        />,
      );
      expect(screen.queryAllByRole('button'), code).toHaveLength(0);
    }
  });

  it('offers both ways out of a conflict', () => {
    const onKeepMine = vi.fn();
    const onReload = vi.fn();
    render(
      <SaveErrorBanner
        save={{ state: 'error', error: error('conflict'), retrying: false }}
        onKeepMine={onKeepMine}
        onReload={onReload}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save my version over it' }));
    expect(onKeepMine).toHaveBeenCalledTimes(1);
    expect(onReload).not.toHaveBeenCalled();
    fireEvent.click(
      screen.getByRole('button', { name: 'Load the saved version (drops my unsaved changes)' }),
    );
    expect(onReload).toHaveBeenCalledTimes(1);
  });
});

describe('ReattachBanner', () => {
  it('shows while re-attaching and cancels', () => {
    const onCancel = vi.fn();
    const { rerender } = render(<ReattachBanner show={false} onCancel={onCancel} />);
    expect(screen.queryByRole('status')).toBeNull();
    rerender(<ReattachBanner show onCancel={onCancel} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
