/**
 * The notice area: calm, dismissible messages in words. Errors stay until
 * dismissed (role=alert); information fades after a while (role=status).
 * Notices may carry actions ("Undo", "Open settings").
 */
import { createContext } from 'preact';
import { useCallback, useContext, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'warning' | 'error';
  text: string;
  detail?: string[];
  actions?: NoticeAction[];
}

export interface NoticeApi {
  show(n: Omit<Notice, 'id'>): number;
  dismiss(id: number): void;
  info(text: string, actions?: NoticeAction[]): number;
  error(text: string, detail?: string[], actions?: NoticeAction[]): number;
}

const Ctx = createContext<NoticeApi | null>(null);

export function useNotices(): NoticeApi {
  const api = useContext(Ctx);
  if (!api) throw new Error('useNotices outside NoticeProvider');
  return api;
}

export function NoticeProvider({ children }: { children: ComponentChildren }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const next = useRef(1);
  const dismiss = useCallback(
    (id: number) => setNotices((list) => list.filter((n) => n.id !== id)),
    [],
  );
  const show = useCallback(
    (n: Omit<Notice, 'id'>) => {
      const id = next.current++;
      setNotices((list) => [...list.filter((x) => x.text !== n.text).slice(-4), { ...n, id }]);
      if (n.tone !== 'error' && n.tone !== 'warning')
        setTimeout(() => dismiss(id), n.actions?.length ? 10_000 : 6_000);
      return id;
    },
    [dismiss],
  );
  const api = useMemo<NoticeApi>(
    () => ({
      show,
      dismiss,
      info: (text, actions) => show({ tone: 'info', text, actions }),
      error: (text, detail, actions) => show({ tone: 'error', text, detail, actions }),
    }),
    [show, dismiss],
  );
  const polite = notices.filter((n) => n.tone === 'info' || n.tone === 'success');
  const urgent = notices.filter((n) => n.tone === 'error' || n.tone === 'warning');
  return (
    <Ctx.Provider value={api}>
      {children}
      <div class="notices" aria-label="Messages">
        <div role="alert" class="notice-stack">
          {urgent.map((n) => (
            <NoticeView key={n.id} notice={n} onDismiss={dismiss} />
          ))}
        </div>
        <div role="status" class="notice-stack">
          {polite.map((n) => (
            <NoticeView key={n.id} notice={n} onDismiss={dismiss} />
          ))}
        </div>
      </div>
    </Ctx.Provider>
  );
}

function NoticeView({ notice, onDismiss }: { notice: Notice; onDismiss: (id: number) => void }) {
  return (
    <div class={`notice notice-${notice.tone}`} data-testid="notice">
      <div class="notice-body">
        <p class="notice-text">{notice.text}</p>
        {notice.detail?.length ? (
          <ul class="notice-detail">
            {notice.detail.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        ) : null}
        {notice.actions?.length ? (
          <div class="notice-actions">
            {notice.actions.map((a) => (
              <button
                type="button"
                class="button button-small"
                key={a.label}
                onClick={() => {
                  onDismiss(notice.id);
                  a.run();
                }}
              >
                {a.label}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <button
        type="button"
        class="icon-button notice-close"
        aria-label="Dismiss message"
        title="Dismiss"
        onClick={() => onDismiss(notice.id)}
      >
        ×
      </button>
    </div>
  );
}
