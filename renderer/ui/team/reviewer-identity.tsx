/**
 * Who you are in team review (issue 10): a name people read and a stable id
 * every change records (kept by the host, the same for every session), and
 * whether you sign off as an editor. Shown in Settings and in the library's
 * Team section; saving is one request, refusals are shown in words.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../../../shared/api/contract';
import type { ReviewerIdentity } from '../../../shared/api/team-types';
import type { ReviewerRole } from '../../../shared/team/reviewer';

export interface ReviewerIdentityFormProps {
  client: ApiClient;
  /** Called after a save with the identity now kept. */
  onSaved?: (identity: ReviewerIdentity) => void;
}

export function ReviewerIdentityForm({ client, onSaved }: ReviewerIdentityFormProps) {
  const [identity, setIdentity] = useState<ReviewerIdentity | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<ReviewerRole>('reviewer');
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  /** Fields the reviewer has touched: the kept identity, when it arrives late, fills only the others. */
  const touched = useRef({ name: false, role: false, saved: false });

  useEffect(() => {
    void client.call('team.identity', {}).then((r) => {
      if (!r.ok) return setMessage({ tone: 'error', text: r.error.message });
      if (touched.current.saved) return;
      setIdentity(r.value);
      if (!touched.current.name) setName(r.value.name);
      if (!touched.current.role) setRole(r.value.role);
    });
  }, [client]);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return setMessage({ tone: 'error', text: 'Give your name first.' });
    const r = await client.call('team.setIdentity', { name: name.trim(), role });
    if (!r.ok) return setMessage({ tone: 'error', text: r.error.message });
    touched.current.saved = true;
    setIdentity(r.value);
    setMessage({ tone: 'ok', text: 'Saved.' });
    onSaved?.(r.value);
  };

  return (
    <form class="reviewer-identity" onSubmit={(e) => void save(e)} aria-label="Reviewer">
      <fieldset>
        <legend>Reviewer (team review)</legend>
        <label class="field">
          <span>Reviewer name</span>
          <input
            class="input"
            value={name}
            maxLength={1000}
            onInput={(e) => {
              touched.current.name = true;
              setName(e.currentTarget.value);
            }}
          />
        </label>
        <label class="field">
          <span>Role</span>
          <select
            class="input"
            value={role}
            onChange={(e) => {
              touched.current.role = true;
              setRole(e.currentTarget.value as ReviewerRole);
            }}
          >
            <option value="reviewer">Reviewer</option>
            <option value="editor">Editor (approves and publishes)</option>
          </select>
        </label>
        <p class="muted">
          Your id: <code data-testid="reviewer-id">{identity?.id ?? '…'}</code> (stays the same when
          you change your name)
        </p>
        <div class="dialog-actions">
          <button type="submit" class="button">
            Save reviewer
          </button>
          {message ? (
            <span
              role={message.tone === 'error' ? 'alert' : 'status'}
              class={`form-${message.tone}`}
            >
              {message.text}
            </span>
          ) : null}
        </div>
      </fieldset>
    </form>
  );
}
