/**
 * Alias-aware speaker search for the speaker picker. Names and aliases are
 * compared after folding case, accents and punctuation ("H.R. McMaster" finds
 * "H R McMaster"; "Sergei" finds a speaker with the alias "Sergei Lavrov").
 * Ranking: exact name or alias, then prefix, then every query word found at
 * the start of some word, then substring.
 */
import type { Speaker } from '../model/session';

/** Fold a name for comparison: lowercase, no accents, punctuation as spaces, single spaces. */
export function foldName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface SpeakerMatch {
  speaker: Speaker;
  /** The name or alias that matched best. */
  matched: string;
  /** Lower is better. */
  rank: number;
}

function rankOne(candidate: string, q: string, words: string[]): number | null {
  const c = foldName(candidate);
  if (!c) return null;
  if (c === q) return 0;
  if (c.startsWith(q)) return 1;
  const cw = c.split(' ');
  if (words.every((w) => cw.some((x) => x.startsWith(w)))) return 2;
  if (c.includes(q)) return 3;
  return null;
}

/**
 * Speakers matching `query`, best first (ties by name). An empty query lists
 * every speaker by name. Never throws.
 */
export function searchSpeakers(
  speakers: readonly Speaker[],
  query: string,
  limit = 20,
): SpeakerMatch[] {
  const q = foldName(query);
  const words = q ? q.split(' ') : [];
  const out: SpeakerMatch[] = [];
  for (const speaker of speakers) {
    if (!q) {
      out.push({ speaker, matched: speaker.name, rank: 0 });
      continue;
    }
    let best: { matched: string; rank: number } | null = null;
    for (const name of [speaker.name, ...speaker.aliases]) {
      const r = rankOne(name, q, words);
      if (r !== null && (!best || r < best.rank)) best = { matched: name, rank: r };
    }
    if (best) out.push({ speaker, ...best });
  }
  out.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.speaker.name.localeCompare(b.speaker.name, 'en', { sensitivity: 'base' }),
  );
  return out.slice(0, limit);
}

/** A speaker whose name or alias equals `name` after folding, or null. */
export function findSpeakerByName(speakers: readonly Speaker[], name: string): Speaker | null {
  const q = foldName(name);
  if (!q) return null;
  return speakers.find((s) => [s.name, ...s.aliases].some((n) => foldName(n) === q)) ?? null;
}
