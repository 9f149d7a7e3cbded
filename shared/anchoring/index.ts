export { describeRange, QUOTE_CONTEXT_CODE_POINTS } from './describe-range';
export type { RangeSelectors } from './describe-range';
export { createAnchorIndex } from './anchor-index';
export type { AnchorIndex } from './anchor-index';
export {
  anchorSelector,
  MAX_ERROR_RATE,
  MAX_APPROX_ERRORS,
  NEAR_HINT_DISTANCE,
  SELF_EVIDENT_QUOTE_LENGTH,
  MIN_CONTEXT_SUPPORT,
} from './match-quote';
export type { AnchorMatch, AnchorOptions, QuoteSelectors } from './match-quote';
export { reanchorAnnotations } from './reanchor';
export type { ReanchorReport } from './reanchor';
export { diffTexts, MAX_TOKEN_EDIT_DISTANCE } from './text-diff';
export type { Hunk, OffsetMap } from './text-diff';
export { sentenceAround, sentenceRanges, quotationAround } from './text-units';
export type { TextUnitRange } from './text-units';
