/**
 * The library's Team section (issue 10): connect to a team database (URL,
 * user name, password; the host checks the server first and keeps the
 * password itself, owner-only), see which team database you are connected
 * to, list the team's sessions and open one (copied into your library on
 * first open, then kept in sync). Sharing a local session is in its toolbar.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, OpenedSession } from '../../../shared/api/contract';
import type { TeamConnection, TeamSessionEntry } from '../../../shared/api/team-types';
import { STATUS_LABELS } from '../../../shared/team/session-status';
import { ReviewerIdentityForm } from './reviewer-identity';

export interface TeamSectionProps {
  client: ApiClient;
  onOpen: (opened: OpenedSession) => void;
}

export function TeamSection({ client, onOpen }: TeamSectionProps) {
  const [connection, setConnection] = useState<TeamConnection | null | undefined>(undefined);
  const [sessions, setSessions] = useState<TeamSessionEntry[] | null>(null);
  const [form, setForm] = useState({ url: '', user: '', password: '', insecure: false });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const list = async () => {
    const r = await client.call('team.list', {});
    if (r.ok) setSessions(r.value);
    else setProblem(r.error.message);
  };
  useEffect(() => {
    void client.call('team.connection', {}).then((r) => {
      setConnection(r.ok ? r.value : null);
      if (r.ok && r.value) void list();
    });
  }, [client]);

  const connect = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    const r = await client.call('team.connect', {
      url: form.url.trim(),
      user: form.user.trim(),
      password: form.password,
      allowInsecureHttp: form.insecure || undefined,
    });
    setBusy(false);
    if (!r.ok) return setProblem(r.error.message);
    setForm({ ...form, password: '' });
    setConnection(r.value);
    await list();
  };
  const disconnect = async () => {
    await client.call('team.disconnect', {});
    setConnection(null);
    setSessions(null);
  };
  const open = async (s: TeamSessionEntry) => {
    setBusy(true);
    const r = await client.call('team.open', { sessionId: s.id });
    setBusy(false);
    if (r.ok) onOpen(r.value);
    else setProblem(`“${s.name}” could not be opened: ${r.error.message}`);
  };

  if (connection === undefined) return null;
  return (
    <section class="home-column team-section" aria-labelledby="team-heading" aria-busy={busy}>
      <div class="section-heading">
        <h2 id="team-heading">Team</h2>
        <p class="muted">Review sessions together through your newsroom’s CouchDB.</p>
      </div>
      <ReviewerIdentityForm client={client} />
      {connection ? (
        <div class="team-connected">
          <p data-testid="team-connection">
            Connected to <code>{connection.url}</code> as {connection.user} ({connection.server}).{' '}
            <button type="button" class="link-button" onClick={() => void list()}>
              Refresh
            </button>{' '}
            <button type="button" class="link-button" onClick={() => void disconnect()}>
              Disconnect
            </button>
          </p>
          {sessions && sessions.length === 0 ? (
            <p class="muted">No shared sessions yet: share one from its toolbar.</p>
          ) : null}
          <ul class="team-sessions" aria-label="Team sessions">
            {(sessions ?? []).map((s) => (
              <li key={s.id}>
                <button type="button" class="link-button" onClick={() => void open(s)}>
                  {s.name}
                </button>{' '}
                <span class="muted">
                  {STATUS_LABELS[s.status]} · shared by {s.createdBy}
                  {s.local ? ' · in your library' : ''}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <form
          class="team-connect"
          onSubmit={(e) => void connect(e)}
          aria-label="Connect to a team database"
        >
          <label class="field">
            <span>Team database URL</span>
            <input
              class="input"
              type="url"
              required
              placeholder="https://couch.newsroom.example/politics-desk"
              value={form.url}
              onInput={(e) => setForm({ ...form, url: e.currentTarget.value })}
            />
          </label>
          <label class="field">
            <span>User name</span>
            <input
              class="input"
              required
              autoComplete="username"
              value={form.user}
              onInput={(e) => setForm({ ...form, user: e.currentTarget.value })}
            />
          </label>
          <label class="field">
            <span>Password</span>
            <input
              class="input"
              type="password"
              required
              autoComplete="current-password"
              value={form.password}
              onInput={(e) => setForm({ ...form, password: e.currentTarget.value })}
            />
          </label>
          <label class="field-inline">
            <input
              type="checkbox"
              checked={form.insecure}
              onChange={(e) => setForm({ ...form, insecure: e.currentTarget.checked })}
            />{' '}
            Allow plain http to another computer (not recommended)
          </label>
          <button type="submit" class="button button-primary" disabled={busy}>
            Connect
          </button>
        </form>
      )}
      {problem ? (
        <p role="alert" class="form-error">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
