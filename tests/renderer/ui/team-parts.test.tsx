// @vitest-environment jsdom
/**
 * Team review's parts in the session view (issue 10): the toolbar's team bar
 * (sync state in words, status moves by role, share, edit anyway), the
 * disagreements and history on an annotation, and the words they use.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TeamDisagreement, TeamSessionInfo } from '../../../shared/api/team-types';
import { TeamBar } from '../../../renderer/ui/session/team-bar';
import { AnnotationTeam } from '../../../renderer/ui/session/annotation-team';
import { ReviewerIdentityForm } from '../../../renderer/ui/team/reviewer-identity';
import {
  disagreementWords,
  disputedAnnotationIds,
  statusMoves,
  syncWords,
} from '../../../renderer/ui/session/team-words';
import { articleFromText } from '../../helpers/seed-session';
import { makeAnnotation } from '../../helpers/session-fixtures';

afterEach(cleanup);

const verdictDispute = (itemId: string): TeamDisagreement => ({
  docId: `fcw:s:annotation:${itemId}`,
  type: 'annotation',
  itemId,
  field: 'verdict',
  fieldLabel: 'verdict',
  values: [
    { label: 'False', name: 'Alice', by: 'r-0000000000000001', at: '2024-01-01T10:00:00.000Z' },
    { label: 'Misleading', name: 'Bob', by: 'r-0000000000000002', at: '2024-01-01T10:01:00.000Z' },
  ],
});

function info(patch: Partial<TeamSessionInfo> = {}): TeamSessionInfo {
  return {
    id: 's',
    tracked: true,
    remote: 'http://127.0.0.1:5984/desk',
    sync: { kind: 'synced', at: '2024-01-01T10:00:00.000Z' },
    status: 'in-review',
    approvedBy: null,
    reviewers: ['Alice', 'Bob'],
    disagreements: [],
    reviewerVerdicts: [],
    refused: [],
    ...patch,
  };
}

function team(patch: Partial<Parameters<typeof TeamBar>[0]['team']> = {}) {
  return {
    info: info(),
    identity: { id: 'r-0000000000000001', name: 'Alice', role: 'reviewer' as const },
    connected: true,
    editConfirmed: false,
    confirmEdit: vi.fn(),
    share: vi.fn(async () => undefined),
    syncNow: vi.fn(),
    setStatus: vi.fn(async () => undefined),
    ...patch,
  };
}

describe('team words', () => {
  it('says the sync state in words', () => {
    expect(syncWords({ kind: 'synced', at: 'x' }).text).toBe('Synced');
    expect(syncWords({ kind: 'syncing' }).text).toBe('Syncing…');
    expect(
      syncWords({ kind: 'offline', waiting: 3, reason: 'Cannot reach it.', retryInMs: 4000 }),
    ).toMatchObject({ text: 'Offline: 3 changes waiting', tone: 'warn' });
    expect(syncWords({ kind: 'offline', waiting: 1, reason: 'x', retryInMs: 1 }).text).toBe(
      'Offline: 1 change waiting',
    );
    expect(syncWords({ kind: 'error', waiting: 0, reason: 'Wrong password.' }).text).toBe(
      'Sync error: Wrong password.',
    );
  });

  it('offers approval to editors only, and only without open disagreements', () => {
    const reviewer = statusMoves('in-review', 'reviewer', 0);
    expect(reviewer.map((m) => [m.label, m.blocked === null])).toEqual([
      ['Approve', false],
      ['Back to draft', true],
    ]);
    expect(statusMoves('in-review', 'editor', 2)[0]!.blocked).toBe(
      'Resolve the 2 open disagreements first.',
    );
    expect(statusMoves('in-review', 'editor', 0)[0]!.blocked).toBeNull();
  });

  it('shows who said what, and which annotations are disputed', () => {
    expect(disagreementWords(verdictDispute('c1'))).toBe('Verdict: Alice: False · Bob: Misleading');
    expect([...disputedAnnotationIds(info({ disagreements: [verdictDispute('c1')] }))]).toEqual([
      'c1',
    ]);
  });
});

describe('TeamBar', () => {
  it('offers sharing for a session that is not shared, when connected', () => {
    const t = team({ info: info({ tracked: false, remote: null, sync: { kind: 'local' } }) });
    const { rerender } = render(<TeamBar team={t} readOnly={false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Share with team' }));
    expect(t.share).toHaveBeenCalledTimes(1);
    rerender(<TeamBar team={{ ...t, connected: false }} readOnly={false} />);
    expect(screen.queryByTestId('team-bar')).toBeNull();
  });

  it('shows the sync state, offers Sync now when offline, and counts disagreements', () => {
    const t = team({
      info: info({
        sync: { kind: 'offline', waiting: 2, reason: 'Cannot reach it.', retryInMs: 2000 },
        disagreements: [verdictDispute('c1')],
      }),
    });
    render(<TeamBar team={t} readOnly={false} />);
    expect(screen.getByTestId('sync-state').textContent).toBe('Offline: 2 changes waiting');
    expect(screen.getByTestId('disagreement-count').textContent).toBe('1 disagreement');
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(t.syncNow).toHaveBeenCalledTimes(1);
  });

  it('moves the status through its menu, and asks before editing an approved session', () => {
    const t = team({ info: info({ status: 'draft' }) });
    const { rerender } = render(<TeamBar team={t} readOnly={false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Status: Draft' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Send to review' }));
    expect(t.setStatus).toHaveBeenCalledWith('in-review');
    const approved = team({ info: info({ status: 'approved', approvedBy: 'Sam' }) });
    rerender(<TeamBar team={approved} readOnly={false} />);
    expect(screen.getByRole('button', { name: 'Status: Approved by Sam' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Edit anyway' }));
    expect(approved.confirmEdit).toHaveBeenCalledTimes(1);
    rerender(<TeamBar team={{ ...approved, editConfirmed: true }} readOnly={false} />);
    expect(screen.queryByRole('button', { name: 'Edit anyway' })).toBeNull();
  });
});

describe('AnnotationTeam', () => {
  const article = articleFromText('Alpha said one thing. Beta said another.\n', 'a1');
  const claim = makeAnnotation(article, 0, 5, { id: 'c1', kind: 'claim' });

  it('flags a disagreement with who said what and settles it with the chosen value', async () => {
    const resolve = vi.fn(async () => undefined);
    const d = verdictDispute(claim.id);
    render(
      <AnnotationTeam
        annotation={claim}
        team={{ info: info({ disagreements: [d] }), resolve, history: vi.fn() }}
        readOnly={false}
      />,
    );
    expect(screen.getByTestId('disagreement').textContent).toContain(
      'Verdict: Alice: False · Bob: Misleading',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Keep Misleading (Bob)' }));
    await waitFor(() => expect(resolve).toHaveBeenCalledWith(d, 1));
  });

  it('shows the history one click away, and nothing for a session that is not shared', async () => {
    const history = vi.fn(async () => [
      {
        at: '2024-01-01T10:00:00.000Z',
        name: 'Alice',
        action: 'create' as const,
        field: null,
        text: 'marked it',
      },
      {
        at: '2024-01-01T11:00:00.000Z',
        name: 'Bob',
        action: 'set' as const,
        field: 'speakerId',
        text: 're-attributed it to H R McMaster',
      },
    ]);
    const { rerender } = render(
      <AnnotationTeam
        annotation={claim}
        team={{ info: info(), resolve: vi.fn(), history }}
        readOnly={false}
      />,
    );
    expect(screen.queryByTestId('disagreement')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'History' }));
    const list = await screen.findByTestId('annotation-history');
    expect(history).toHaveBeenCalledWith(claim.id);
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      expect.stringMatching(/Alice marked it$/),
      expect.stringMatching(/Bob re-attributed it to H R McMaster$/),
    ]);
    rerender(
      <AnnotationTeam
        annotation={claim}
        team={{ info: info({ tracked: false }), resolve: vi.fn(), history }}
        readOnly={false}
      />,
    );
    expect(screen.queryByRole('button', { name: 'History' })).toBeNull();
  });
});

describe('the reviewer form', () => {
  it('keeps a name typed before the kept identity arrives, and saves it (CI: Bob’s “Saved.” never came)', async () => {
    let answerIdentity: (v: unknown) => void = () => {};
    const calls: Array<[string, unknown]> = [];
    const client = {
      call: vi.fn(async (method: string, params: unknown) => {
        calls.push([method, params]);
        if (method === 'team.identity')
          return new Promise((resolve) => {
            answerIdentity = resolve;
          });
        if (method === 'team.setIdentity')
          return { ok: true, value: { id: 'r-0000000000000009', ...(params as object) } };
        throw new Error(`unexpected ${method}`);
      }),
    } as unknown as Parameters<typeof ReviewerIdentityForm>[0]['client'];
    render(<ReviewerIdentityForm client={client} />);
    const name = screen.getByRole('textbox', { name: 'Reviewer name' }) as HTMLInputElement;
    fireEvent.input(name, { target: { value: 'Bob' } });
    answerIdentity({ ok: true, value: { id: 'r-0000000000000009', name: '', role: 'reviewer' } });
    await waitFor(() =>
      expect(screen.getByTestId('reviewer-id').textContent).toBe('r-0000000000000009'),
    );
    expect(name.value).toBe('Bob');
    fireEvent.click(screen.getByRole('button', { name: 'Save reviewer' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect(calls.at(-1)).toEqual(['team.setIdentity', { name: 'Bob', role: 'reviewer' }]);
  });
});
