/**
 * One link in the open annotation's link list, read as a sentence ("This
 * contradicts Claim" or "Evidence supports this"): the relation can be
 * changed in place, the direction reversed, the link removed, and a note
 * kept on it (saved when the field loses focus or on Enter). Each edit is
 * one undoable change.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Annotation, Link, Session } from '../../../shared/model/session';
import { LINK_RELATIONS, RELATION_LABELS } from '../../../shared/model/vocabulary';
import { wrapQuote } from '../../../shared/text/quote-marks';
import { shorten } from '../format';
import { KindTag } from './kind-tag';
import type { ReviewActions } from './review-actions';

export function LinkRow({
  link,
  self,
  session,
  actions,
  readOnly,
  onReveal,
}: {
  link: Link;
  self: Annotation;
  session: Session;
  actions: ReviewActions;
  readOnly: boolean;
  onReveal: (id: string) => void;
}) {
  const otherId = link.from === self.id ? link.to : link.from;
  const other = session.annotations.find((x) => x.id === otherId);
  const outgoing = link.from === self.id;
  const [note, setNote] = useState(link.note);
  useEffect(() => setNote(link.note), [link.note]);
  if (!other) return null;
  return (
    <li class="link-row" data-testid="link-row">
      <div class="link-sentence">
        <span class="muted">{outgoing ? 'This' : <KindTag kind={other.kind} />}</span>{' '}
        <select
          class="select select-small"
          aria-label="Relation"
          value={link.relation}
          disabled={readOnly}
          onChange={(e) =>
            actions.editLink(
              link.id,
              { relation: e.currentTarget.value as Link['relation'] },
              'Change relation',
            )
          }
        >
          {LINK_RELATIONS.map((r) => (
            <option key={r} value={r}>
              {RELATION_LABELS[r]}
            </option>
          ))}
        </select>{' '}
        <span class="muted">{outgoing ? <KindTag kind={other.kind} /> : 'this'}</span>
      </div>
      <div class="link-quote-row">
        <button type="button" class="quote-button small" onClick={() => onReveal(other.id)}>
          {wrapQuote(shorten(other.target.quote.exact, 120))}
        </button>
        <div class="link-tools">
          {!readOnly ? (
            <>
              <button
                type="button"
                class="icon-button"
                title="Reverse the direction"
                aria-label="Reverse the direction"
                onClick={() => actions.editLink(link.id, { reverse: true }, 'Reverse link')}
              >
                ⇄
              </button>
              <button
                type="button"
                class="icon-button"
                title="Remove this link"
                aria-label="Remove this link"
                onClick={() => actions.unlink(link.id)}
              >
                ×
              </button>
            </>
          ) : null}
        </div>
      </div>
      <input
        class="input input-small"
        aria-label="Link note"
        placeholder="Note on this link"
        value={note}
        readOnly={readOnly}
        onInput={(e) => setNote(e.currentTarget.value)}
        onBlur={() => note !== link.note && actions.editLink(link.id, { note }, 'Edit link note')}
        onKeyDown={(e) => e.key === 'Enter' && (e.currentTarget as HTMLInputElement).blur()}
      />
    </li>
  );
}
