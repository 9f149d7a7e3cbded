/**
 * The speaker field's options, as pure functions (the combobox is
 * `speaker-picker.tsx`): which options a query lists and in what order, the
 * one option typed text alone chooses, and each option's identity.
 */
import type { Speaker } from '../../../shared/model/session';
import { searchSpeakers, findSpeakerByName, foldName } from '../../../shared/review/speaker-search';
import type { SpeakerSuggestion } from '../../../shared/suggest/speaker-suggest';

/** A speaker to create: the typed or suggested name, with what the text says of them. */
export interface NewSpeakerChoice {
  newName: string;
  kind?: Speaker['kind'];
  role?: string;
  organisation?: string;
}

/** One entry of the list: a speaker, a name the text suggests, a new name, or no speaker. */
export type Option =
  | { type: 'speaker'; speaker: Speaker; matched: string; because?: string }
  | { type: 'suggested'; s: SpeakerSuggestion }
  | { type: 'new'; name: string; like?: SpeakerSuggestion }
  | { type: 'none' };

/** Suggestions shown on an empty field, at most. */
const MAX_EMPTY_SUGGESTIONS = 8;
/** Speakers listed for typed text, at most (an empty field lists them all). */
const MAX_MATCHES = 8;

export const becauseOf = (s: SpeakerSuggestion) =>
  s.source === 'attributed' || s.source === 'turn'
    ? 'said it, per the text'
    : 'named in the article';

/** Does typed text (folded) fit a name: a prefix of it, of its words, or inside it? */
function fits(name: string, q: string): boolean {
  const c = foldName(name);
  const words = c.split(' ');
  return (
    c.startsWith(q) ||
    q.split(' ').every((w) => words.some((x) => x.startsWith(w))) ||
    c.includes(q)
  );
}

/** The options for query `q`, in the order the list shows them. */
export function buildOptions(
  speakers: readonly Speaker[],
  q: string,
  current: Speaker | null,
  suggestions: readonly SpeakerSuggestion[],
): Option[] {
  const byId = new Map(speakers.map((x) => [x.id, x]));
  const options: Option[] = [];
  const seen = new Set<string>();
  const add = (o: Option) => {
    const k = optionKey(o);
    if (seen.has(k)) return;
    seen.add(k);
    options.push(o);
  };
  const suggested = suggestions.filter((x) => x.source !== 'session');
  const fq = foldName(q);
  if (!q) {
    for (const x of suggested.slice(0, MAX_EMPTY_SUGGESTIONS)) {
      const sp = x.speakerId ? byId.get(x.speakerId) : undefined;
      if (sp) add({ type: 'speaker', speaker: sp, matched: sp.name, because: becauseOf(x) });
      else if (!x.speakerId) add({ type: 'suggested', s: x });
    }
  }
  for (const m of searchSpeakers(speakers, q, q ? MAX_MATCHES : speakers.length))
    add({ type: 'speaker', speaker: m.speaker, matched: m.matched });
  if (q && fq) {
    for (const x of suggested)
      if (!x.speakerId && fits(x.name, fq) && foldName(x.name) !== fq)
        add({ type: 'suggested', s: x });
  }
  if (q && !findSpeakerByName(speakers, q)) {
    const like = suggested.find((x) => !x.speakerId && foldName(x.name) === fq);
    options.push(like ? { type: 'new', name: q, like } : { type: 'new', name: q });
  }
  if (current && !q) options.push({ type: 'none' });
  return options;
}

/**
 * The option typed text alone chooses, or null when it does not decide: an
 * exact name or alias, else the only matching speaker, else (no speaker
 * matches) adding the typed name. Nothing for an empty field.
 */
export function impliedChoice(options: Option[], q: string, exact: Speaker | null): number | null {
  if (!q) return null;
  const speakers = options.flatMap((o, i) => (o.type === 'speaker' ? [{ o, i }] : []));
  if (exact) {
    const hit = speakers.find(({ o }) => o.type === 'speaker' && o.speaker.id === exact.id);
    if (hit) return hit.i;
  }
  if (speakers.length === 1) return speakers[0]!.i;
  if (speakers.length === 0) {
    const add = options.findIndex((o) => o.type === 'new');
    return add >= 0 ? add : null;
  }
  return null;
}

/** An option's identity, stable while the list around it changes. */
export function optionKey(o: Option): string {
  if (o.type === 'speaker') return `speaker:${o.speaker.id}`;
  if (o.type === 'suggested') return `suggested:${foldName(o.s.name)}`;
  return o.type;
}

/** A new speaker from a name, with the kind, role and organisation a suggestion gives. */
export function newFrom(name: string, like?: SpeakerSuggestion): NewSpeakerChoice {
  return like
    ? { newName: name, kind: like.kind, role: like.role, organisation: like.organisation }
    : { newName: name };
}
