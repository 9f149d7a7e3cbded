/**
 * Speaker suggestions for a marked span: first whom the text attributes the
 * span's sentences to ("H R McMaster told reporters", "according to The
 * Washington Post", a transcript's turn label), then the people and
 * organisations named in the article (most mentioned first), then the
 * session's other speakers. A suggestion that names an existing speaker or
 * one of its aliases carries that speaker's id, so accepting it reuses the
 * speaker; otherwise it carries the role and organisation the text gives.
 */
import type { Block } from '../model/article';
import type { Speaker } from '../model/session';
import { foldName, findSpeakerByName } from '../review/speaker-search';
import { CodePointIndex } from '../text/code-points';
import { sentenceUnits, type SentenceUnit } from './claim-suggest';
import { findNamePhrases, type NamePhrase } from './name-phrases';

/** What speaker suggestions read from a text, computed once per text and reusable. */
export interface TextAnalysis {
  units: readonly SentenceUnit[];
  names: readonly NamePhrase[];
}

/** The sentence units and name phrases of a text (the costly part of {@link suggestSpeakers}). */
export function analyseText(text: string, blocks?: readonly Block[]): TextAnalysis {
  return { units: sentenceUnits(text, blocks), names: findNamePhrases(text) };
}

/** One suggested speaker, best first in the list. */
export interface SpeakerSuggestion {
  name: string;
  kind: 'person' | 'organization';
  role: string;
  organisation: string;
  /** `attributed`: the text attributes the span to it; `turn`: a transcript turn label; `article`: named in the article; `session`: an existing speaker. */
  source: 'attributed' | 'turn' | 'article' | 'session';
  /** The words that attribute, for `attributed`. */
  evidence?: string;
  /** The existing speaker this names (by name or alias), when there is one. */
  speakerId?: string;
}

/** The existing speaker a name refers to: same name or alias, else a unique one with that surname. */
export function matchSpeaker(speakers: readonly Speaker[], name: string): Speaker | null {
  const exact = findSpeakerByName(speakers, name);
  if (exact) return exact;
  const last = foldName(name).split(' ').pop();
  if (!last) return null;
  const bySurname = speakers.filter((s) =>
    [s.name, ...s.aliases].some((n) => foldName(n).split(' ').pop() === last),
  );
  return bySurname.length === 1 ? bySurname[0]! : null;
}

/**
 * Suggestions for the span `[start, end)` (code points into the canonical
 * text). Never throws; a span outside the text gets the article's names and
 * the session's speakers only. At most `limit` suggestions, no name twice.
 */
export function suggestSpeakers(
  text: string,
  span: { start: number; end: number },
  opts: {
    speakers?: readonly Speaker[];
    blocks?: readonly Block[];
    limit?: number;
    /** The text's analysis when already computed ({@link analyseText}). */
    analysis?: TextAnalysis;
  } = {},
): SpeakerSuggestion[] {
  const speakers = opts.speakers ?? [];
  const cp = new CodePointIndex(text);
  const start = cp.toUtf16(span.start);
  const end = cp.toUtf16(span.end);
  const out: SpeakerSuggestion[] = [];
  const seen = new Set<string>();
  const add = (s: SpeakerSuggestion) => {
    const existing = matchSpeaker(speakers, s.name);
    const key = existing ? `id:${existing.id}` : foldName(s.name);
    if (!key || seen.has(key)) return;
    seen.add(key);
    if (existing) {
      out.push({
        ...s,
        name: existing.name,
        kind: existing.kind,
        role: existing.role || s.role,
        organisation: existing.organisation || s.organisation,
        speakerId: existing.id,
      });
    } else out.push(s);
  };
  const names = opts.analysis?.names ?? findNamePhrases(text);
  for (const u of opts.analysis?.units ?? sentenceUnits(text, opts.blocks)) {
    if (u.end <= start || u.start >= end) continue;
    if (u.attribution) add({ ...u.attribution, source: 'attributed' });
    if (u.turnSpeaker) {
      const named = names.find((n) => n.name === u.turnSpeaker && n.role) ?? null;
      add({
        name: u.turnSpeaker,
        kind: 'person',
        role: named?.role ?? '',
        organisation: named?.organisation ?? '',
        source: 'turn',
      });
    }
  }
  const mentions = new Map<string, { phrase: NamePhrase; n: number; first: number }>();
  names.forEach((p, i) => {
    const key = foldName(p.name);
    const m = mentions.get(key);
    if (!m) mentions.set(key, { phrase: p, n: 1, first: i });
    else {
      m.n++;
      if (!m.phrase.role && p.role) m.phrase = { ...p };
    }
  });
  [...mentions.values()]
    .sort((a, b) => b.n - a.n || a.first - b.first)
    .forEach(({ phrase }) =>
      add({
        name: phrase.name,
        kind: phrase.kind,
        role: phrase.role,
        organisation: phrase.organisation,
        source: 'article',
      }),
    );
  for (const s of speakers) {
    add({
      name: s.name,
      kind: s.kind,
      role: s.role,
      organisation: s.organisation,
      source: 'session',
    });
  }
  return out.slice(0, opts.limit ?? 20);
}
