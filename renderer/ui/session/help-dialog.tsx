/** The Help panel: every shortcut from the one table, and how to work with the mouse. */
import { Fragment } from 'preact';
import { Dialog } from '../dialog';
import { SHORTCUTS, displayKey } from '../../editor/shortcuts';

export function HelpDialog({ onClose }: { onClose: () => void }) {
  const row = (s: (typeof SHORTCUTS)[number]) => (
    <tr key={s.command}>
      <td class="keys">
        {s.keys.map((k, i) => (
          <Fragment key={k}>
            {i ? ' or ' : ''}
            <kbd>{displayKey(k)}</kbd>
          </Fragment>
        ))}
      </td>
      <td>{s.description}</td>
    </tr>
  );
  return (
    <Dialog title="Help: reviewing an article" onClose={onClose} class="dialog-wide">
      <p>
        The article text is read-only: it is the source being checked. Move the caret and select
        with the keyboard as in any text; the keys below work while the caret is in the article.
      </p>
      <div class="help-columns">
        <section>
          <h3>In the article</h3>
          <table class="shortcut-table">
            <tbody>{SHORTCUTS.filter((s) => s.scope === 'article').map(row)}</tbody>
          </table>
        </section>
        <section>
          <h3>Anywhere</h3>
          <table class="shortcut-table">
            <tbody>
              {SHORTCUTS.filter((s) => s.scope === 'global').map(row)}
              <tr>
                <td class="keys">
                  <kbd>Ctrl+Enter</kbd>
                </td>
                <td>Save the verdict or note being edited</td>
              </tr>
              <tr>
                <td class="keys">
                  <kbd>Alt+1</kbd>…<kbd>Alt+5</kbd>, <kbd>Alt+R</kbd>
                </td>
                <td>In the link picker: choose the relation, reverse the direction</td>
              </tr>
            </tbody>
          </table>
          <h3>With the mouse</h3>
          <ul class="help-list">
            <li>
              Select text: a toolbar appears above it to mark it as Claim, Counter-statement,
              Evidence or Context. Right-click for the same and more.
            </li>
            <li>
              Claim suggestions are underlined faintly; the Suggestions tab lists them with their
              reasons. “Accept as Claim” marks one with its speaker, “Dismiss” hides it for good.
            </li>
            <li>
              Click a highlight to open it. Where highlights overlap, a list lets you pick which
              one.
            </li>
            <li>
              In an open annotation, “Link to…” opens the picker of targets, across every article of
              the session.
            </li>
            <li>
              Click a dispute card or a statement in the side panel to scroll to the passage; it
              flashes.
            </li>
            <li>
              Drop .txt, .md or .html files on the window, or paste text or a web page, to import
              articles.
            </li>
          </ul>
        </section>
      </div>
    </Dialog>
  );
}
