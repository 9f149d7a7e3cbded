/**
 * The session view's claim and speaker suggestions (issue 13): the claim
 * suggestions of the open article (the layer in the text, the list in the
 * panel; `use-suggestions.ts`), the names the text gives for the open
 * annotation's speaker (`use-speaker-suggestions.ts`), and a "seen before"
 * match opened from another session, shown once the article is up.
 */
import { useEffect } from 'preact/hooks';
import type { Annotation } from '../../../shared/model/session';
import { takeRevealOnOpen } from './seen-before';
import { useSpeakerSuggestions } from './use-speaker-suggestions';
import { useSuggestions, type SuggestionsDeps } from './use-suggestions';

export function useSessionSuggestions(
  deps: SuggestionsDeps & {
    /** The open annotation, whose speaker field gets the suggested names. */
    active: Annotation | null;
    /** Open and show an annotation (a "seen before" match from another session). */
    show: (id: string) => void;
  },
) {
  const suggestions = useSuggestions(deps);
  const speakerSuggestions = useSpeakerSuggestions(deps.client, deps.session, deps.active);
  useEffect(() => {
    const id = deps.editor ? takeRevealOnOpen(deps.controller.session.id) : null;
    if (id) deps.show(id);
  }, [deps.editor]);
  return { suggestions, speakerSuggestions };
}
