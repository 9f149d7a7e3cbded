/**
 * Ask the reader a question from plain async code: renders a dialog with the
 * given choices and resolves to the chosen id, or null when dismissed.
 */
import { render } from 'preact';
import { Dialog } from './dialog';

export interface Choice {
  id: string;
  label: string;
  tone?: 'primary' | 'danger' | 'plain';
}

export function askChoice(
  title: string,
  message: string,
  choices: Choice[],
): Promise<string | null> {
  return new Promise((resolve) => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const done = (id: string | null) => {
      render(null, host);
      host.remove();
      resolve(id);
    };
    render(
      <Dialog title={title} onClose={() => done(null)} describedBy="ask-message">
        <p id="ask-message">{message}</p>
        <div class="dialog-actions">
          {choices.map((c, i) => (
            <button
              key={c.id}
              type="button"
              class={`button ${c.tone === 'primary' ? 'button-primary' : c.tone === 'danger' ? 'button-danger' : ''}`}
              autoFocus={i === 0}
              onClick={() => done(c.id)}
            >
              {c.label}
            </button>
          ))}
        </div>
      </Dialog>,
      host,
    );
  });
}
