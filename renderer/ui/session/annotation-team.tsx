/**
 * The team part of the open annotation (issue 10): each open disagreement
 * on it, flagged, with who said what ("Verdict: Alice: False · Bob:
 * Misleading") and a button per value to settle it (an undoable change);
 * the reviewers' own verdicts on a claim; and its history (who marked,
 * re-attributed, changed the verdict, when), one click away.
 */
import { useState } from 'preact/hooks';
import type { TeamHistoryLine } from '../../../shared/api/team-types';
import type { Annotation } from '../../../shared/model/session';
import type { TeamApi } from './use-team';
import { disagreementWords, disagreementsOn } from './team-words';

export interface AnnotationTeamProps {
  annotation: Annotation;
  team: Pick<TeamApi, 'info' | 'resolve' | 'history'>;
  readOnly: boolean;
}

function when(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime())
    ? at
    : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function AnnotationTeam({ annotation, team, readOnly }: AnnotationTeamProps) {
  const [history, setHistory] = useState<TeamHistoryLine[] | null>(null);
  const [busy, setBusy] = useState(false);
  if (!team.info?.tracked) return null;
  const disputes = disagreementsOn(team.info, annotation.id);
  const own = team.info.reviewerVerdicts.filter((v) => v.claimId === annotation.id && v.label);
  const toggleHistory = async () => {
    if (history) return setHistory(null);
    setHistory(await team.history(annotation.id));
  };
  const settle = async (i: number, choice: number) => {
    setBusy(true);
    try {
      await team.resolve(disputes[i]!, choice);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="annotation-team" aria-label="Team review">
      {disputes.map((d, i) => (
        <div
          key={`${d.docId}:${d.field}`}
          class="disagreement"
          role="alert"
          data-testid="disagreement"
        >
          <p class="disagreement-text">
            <span class="flag">Disagreement</span> {disagreementWords(d)}
          </p>
          {readOnly ? null : (
            <div class="disagreement-actions">
              {d.values.map((v, j) => (
                <button
                  key={j}
                  type="button"
                  class="button button-small"
                  disabled={busy}
                  onClick={() => void settle(i, j)}
                >
                  {d.field === 'deleted'
                    ? v.label === 'deleted'
                      ? 'Delete it'
                      : 'Keep it'
                    : `Keep ${v.label}`}{' '}
                  ({v.name})
                </button>
              ))}
            </div>
          )}
        </div>
      ))}
      {own.length > 1 ? (
        <p class="reviewer-verdicts" data-testid="reviewer-verdicts">
          Reviewers’ verdicts: {own.map((v) => `${v.name}: ${v.label}`).join(' · ')}
        </p>
      ) : null}
      <button
        type="button"
        class="link-button"
        aria-expanded={!!history}
        onClick={() => void toggleHistory()}
      >
        {history ? 'Hide history' : 'History'}
      </button>
      {history ? (
        <ol class="annotation-history" data-testid="annotation-history">
          {history.length ? (
            history.map((h, i) => (
              <li key={i}>
                <time dateTime={h.at}>{when(h.at)}</time> {h.name} {h.text}
              </li>
            ))
          ) : (
            <li>No history yet: it was made before the session was shared.</li>
          )}
        </ol>
      ) : null}
    </section>
  );
}
