/**
 * What the suggestion service computes once per article text: the analysis
 * behind speaker suggestions (sentence units, name phrases) and the claim
 * suggestions, each with the kind, role and organisation the article gives
 * its speaker. Pure and synchronous; the service runs it on a worker thread
 * (suggest-runner.ts), the tests and the bench may call it directly.
 */
import type { Block } from '../../../shared/model/article';
import { suggestClaims } from '../../../shared/suggest/claim-suggest';
import type { NamePhrase } from '../../../shared/suggest/name-phrases';
import { foldName } from '../../../shared/review/speaker-search';
import { analyseText, type TextAnalysis } from '../../../shared/suggest/speaker-suggest';
import type { AppClaimSuggestion } from '../../../shared/suggest/suggestion-review';

export interface AnalysisInput {
  text: string;
  blocks: readonly Block[];
}

export interface ArticleAnalysis {
  analysis: TextAnalysis;
  suggestions: AppClaimSuggestion[];
}

/** Kind, role and organisation the article gives a name, from its fullest mention. */
function speakerDetail(name: string, names: readonly NamePhrase[]) {
  const key = foldName(name);
  const same = names.filter((n) => foldName(n.name) === key);
  const best = same.find((n) => n.role || n.organisation) ?? same[0];
  return best ? { kind: best.kind, role: best.role, organisation: best.organisation } : undefined;
}

export function analyseArticle({ text, blocks }: AnalysisInput): ArticleAnalysis {
  const analysis = analyseText(text, blocks);
  const suggestions = suggestClaims(text, { blocks, units: analysis.units }).map((s) => {
    const detail = s.speaker ? speakerDetail(s.speaker, analysis.names) : undefined;
    return detail ? { ...s, speakerDetail: detail } : s;
  });
  return { analysis, suggestions };
}
