export { suggestClaims, sentenceUnits } from './claim-suggest';
export type { ClaimSuggestion, SentenceUnit, SuggestOptions } from './claim-suggest';
export { suggestSpeakers, matchSpeaker, analyseText } from './speaker-suggest';
export type { SpeakerSuggestion, TextAnalysis } from './speaker-suggest';
export type { ClaimModel } from './logistic';
export { findNamePhrases } from './name-phrases';
export type { NamePhrase } from './name-phrases';
export { findAttribution } from './attribution';
export type { Attribution } from './attribution';
export { paragraphTurns, turnLabelAt } from './transcript-turns';
export type { ParagraphTurn, TurnLabel } from './transcript-turns';
export { claimsFromSession, createClaimIndex } from './similar-claims';
export type {
  ClaimIndex,
  ReviewedClaim,
  ReviewedClaimSource,
  SimilarClaim,
} from './similar-claims';
export { readClaimReviews } from './claimreview-read';
export type { ClaimReviewRead } from './claimreview-read';
export { claimTerms } from './claim-terms';
export { readFactcheckFile, safeWebUrl, storedFactcheckClaimSchema } from './factcheck-file';
export type { FactcheckFileRead } from './factcheck-file';
export {
  acceptSuggestion,
  dismissSuggestion,
  openSuggestions,
  suggestionKey,
} from './suggestion-review';
export type { AppClaimSuggestion, SuggestionEdit } from './suggestion-review';
