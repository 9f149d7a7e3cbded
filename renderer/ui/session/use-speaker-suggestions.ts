/**
 * Speaker suggestions for the open annotation (issue 13): asked of the host
 * (`suggest.speakers`) for the annotation's span, then matched again against
 * the speakers this window has now (the host may not have saved the latest
 * ones yet), so a suggested name that is an existing speaker or alias always
 * carries that speaker's id and choosing it reuses the speaker.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ApiClient } from '../../../shared/api/contract';
import type { Annotation, Session } from '../../../shared/model/session';
import { matchSpeaker, type SpeakerSuggestion } from '../../../shared/suggest/speaker-suggest';

export function useSpeakerSuggestions(
  client: ApiClient,
  session: Session,
  annotation: Annotation | null,
): SpeakerSuggestion[] {
  const [got, setGot] = useState<{ key: string; list: SpeakerSuggestion[] }>({ key: '', list: [] });
  const t = annotation?.target;
  const key =
    t && t.status !== 'orphaned'
      ? `${session.id}/${t.articleId}/${t.position.start}-${t.position.end}`
      : '';
  useEffect(() => {
    if (!key || !t) return;
    let live = true;
    void client
      .call('suggest.speakers', {
        id: session.id,
        articleId: t.articleId,
        start: t.position.start,
        end: t.position.end,
      })
      .then((r) => {
        // No suggestions is the quiet failure: the picker still offers the session's speakers.
        if (live) setGot({ key, list: r.ok ? r.value : [] });
      });
    return () => {
      live = false;
    };
  }, [key]);

  const speakers = session.speakers;
  return useMemo(() => {
    if (got.key !== key) return [];
    return got.list.map((s) => {
      const { speakerId: _old, ...rest } = s;
      const match = matchSpeaker(speakers, s.name);
      return match ? { ...rest, name: match.name, speakerId: match.id } : rest;
    });
  }, [got, key, speakers]);
}
