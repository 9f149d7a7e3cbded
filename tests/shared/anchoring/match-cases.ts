/**
 * Table of anchoring cases, looped by match.test.ts.
 *
 * Each case marks a range with ⟦ ⟧ in `from` (the text the selectors were
 * made on, by describeRange) and the expected landing place with ⟦ ⟧ in `to`
 * (the text anchored in); `to` without marks means "must not anchor" (null).
 * `selector` replaces the described selectors when a case needs hand-made
 * ones (quote-only W3C selectors, odd positions). `crlf` writes both texts
 * with CRLF line ends, which the test normalises first, as the importer does.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../../../shared/model/session';

export interface MatchCase {
  name: string;
  from?: string;
  /** Hand-made selectors; the position may be omitted (quote-only, as W3C import brings). */
  selector?: {
    quote: Omit<TextQuoteSelector, 'type'>;
    position?: Omit<TextPositionSelector, 'type'>;
  };
  /** Drop the described position selector and anchor by quote alone. */
  quoteOnly?: boolean;
  to: string;
  status?: 'anchored' | 'moved';
  /** Expected `exact` flag (false = approximate). */
  exact?: boolean;
  crlf?: boolean;
}

const ARTICLE =
  'After the report came out, US National Security Advisor H R McMaster appeared before the media. ' +
  '“The story is false,” he told reporters.\n' +
  'Secretary of State Rex Tillerson said the president did not discuss sources, methods or military operations.\n' +
  'The report quoted officials saying the information was provided by a partner.';

/** Two paragraphs that repeat a phrase with different context around it. */
const REPEATS =
  'Officials said the plan failed in March, and critics agreed.\n' +
  'Supporters said the plan worked in April, and donors agreed.\n' +
  'Nobody said the plan was simple.';

export const MATCH_CASES: MatchCase[] = [
  {
    name: 'exact hit on an unchanged text is anchored in place',
    from: ARTICLE.replace('The story is false', '⟦The story is false⟧'),
    to: ARTICLE.replace('The story is false', '⟦The story is false⟧'),
    status: 'anchored',
    exact: true,
  },
  {
    name: 'quote-only selector (no position) anchors a unique quote',
    from: ARTICLE.replace('Rex Tillerson', '⟦Rex Tillerson⟧'),
    quoteOnly: true,
    to: ARTICLE.replace('Rex Tillerson', '⟦Rex Tillerson⟧'),
    status: 'anchored',
    exact: true,
  },
  {
    name: 'text inserted before the quote: found, moved',
    from: ARTICLE.replace('Rex Tillerson', '⟦Rex Tillerson⟧'),
    to: 'BREAKING. ' + ARTICLE.replace('Rex Tillerson', '⟦Rex Tillerson⟧'),
    status: 'moved',
    exact: true,
  },
  {
    name: 'repeated phrase: the suffix picks the second of three',
    from: REPEATS.replace('the plan worked', '⟦the plan⟧ worked'),
    to: 'Update: ' + REPEATS.replace('the plan worked', '⟦the plan⟧ worked'),
    status: 'moved',
    exact: true,
  },
  {
    name: 'repeated phrase, quote-only: prefix and suffix still pick the right one',
    from: REPEATS.replace('Nobody said the plan', 'Nobody said ⟦the plan⟧'),
    quoteOnly: true,
    to: REPEATS.replace('Nobody said the plan', 'Nobody said ⟦the plan⟧'),
    status: 'anchored',
    exact: true,
  },
  {
    name: 'repeated phrase whose context was edited: the closer context still decides',
    from: REPEATS.replace('the plan failed', '⟦the plan⟧ failed'),
    to: ('Intro. ' + REPEATS.replace('the plan failed', '⟦the plan⟧ failed')).replace(
      'Officials said',
      'Officials told us',
    ),
    status: 'moved',
    exact: true,
  },
  {
    name: 'identical repeats with identical context and no position: null, not a guess',
    selector: { quote: { exact: 'echo', prefix: 'echo ', suffix: ' echo' } },
    to: 'echo echo echo echo echo',
  },
  {
    name: 'identical repeats: a valid position decides',
    from: 'echo echo ⟦echo⟧ echo echo',
    to: 'echo echo ⟦echo⟧ echo echo',
    status: 'anchored',
    exact: true,
  },
  {
    name: 'identical repeats with a stale position near one of them: nearness decides',
    selector: {
      quote: { exact: 'echo', prefix: 'echo ', suffix: ' echo' },
      position: { start: 12, end: 16 },
    },
    to: 'echo echo ⟦echo⟧ echo echo echo',
    status: 'moved',
    exact: true,
  },
  {
    name: 'small edit inside the quote: approximate match, moved',
    from: ARTICLE.replace(
      'did not discuss sources, methods or military operations',
      '⟦did not discuss sources, methods or military operations⟧',
    ),
    to: ARTICLE.replace(
      'did not discuss sources, methods or military operations',
      '⟦did not discuss sources, methods, or military operations⟧',
    ),
    status: 'moved',
    exact: false,
  },
  {
    name: 'typo fixed inside a quote, quote-only: approximate far search still finds it',
    selector: {
      quote: {
        exact: 'the informaton was provided by a partner',
        prefix: 'quoted officials saying ',
        suffix: '.',
      },
    },
    to: ARTICLE.replace(
      'the information was provided by a partner',
      '⟦the information was provided by a partner⟧',
    ),
    status: 'anchored',
    exact: false,
  },
  {
    name: 'edited quote beats an exact look-alike elsewhere when context and position say so',
    from: 'Alpha line. ⟦the president said no⟧ to the plan.\nBeta line: the president said no more.',
    to: 'Alpha line. ⟦the President said no⟧ to the plan.\nBeta line: the president said no more.',
    // Same offsets as given, so `anchored`; `exact: false` tells that the wording changed.
    status: 'anchored',
    exact: false,
  },
  {
    name: 'quote deleted: orphan (null)',
    from: ARTICLE.replace('Rex Tillerson', '⟦Rex Tillerson⟧'),
    to: ARTICLE.replace('Secretary of State Rex Tillerson', 'A spokesman'),
  },
  {
    name: 'short quote deleted but a look-alike exists in other context: null, never moved there',
    from: 'Trump met Lavrov at noon.\n⟦the president⟧ left early that day.\nReporters waited.',
    to: 'Trump met Lavrov at noon.\nReporters waited for hours to hear the president speak.',
  },
  {
    name: 'rewritten beyond the error budget: null',
    from: ARTICLE.replace('appeared before the media', '⟦appeared before the media⟧'),
    to: ARTICLE.replace('appeared before the media', 'spoke to a press pool'),
  },
  {
    name: 'emoji before the quote: code-point positions differ from UTF-16',
    from: '😀🎉 Lavrov 🇷🇺 met ⟦Trump⟧ 👍 today.',
    to: '🙂 ' + '😀🎉 Lavrov 🇷🇺 met ⟦Trump⟧ 👍 today.',
    status: 'moved',
    exact: true,
  },
  {
    name: 'emoji inside the quote, unchanged text',
    from: 'Fans wrote ⟦“we ❤️ 🇺🇸 and 𝒯𝓇𝓊𝓂𝓅”⟧ on signs.',
    to: 'Fans wrote ⟦“we ❤️ 🇺🇸 and 𝒯𝓇𝓊𝓂𝓅”⟧ on signs.',
    status: 'anchored',
    exact: true,
  },
  {
    name: 'astral letters edited inside a long quote: approximate, whole characters',
    from: 'Intro.\nThe sign read ⟦𝒯𝓇𝓊𝓂𝓅 said the meeting went very well indeed⟧ and more.',
    to: 'Intro.\nThe sign read ⟦𝒯𝓇𝓊𝓂𝓅𝓈 said the meeting went very well indeed⟧ and more.',
    status: 'moved',
    exact: false,
  },
  {
    name: 'combining characters count as their own code points',
    from: 'The cafe\u0301 owner said ⟦re\u0301sume\u0301 padding⟧ is common.',
    to: 'Le: The cafe\u0301 owner said ⟦re\u0301sume\u0301 padding⟧ is common.',
    status: 'moved',
    exact: true,
  },
  {
    name: 'CRLF input normalised: positions agree with the LF text',
    from: 'First line.\nSecond line has ⟦the quote⟧.\nThird.',
    to: 'New first.\nFirst line.\nSecond line has ⟦the quote⟧.\nThird.',
    status: 'moved',
    exact: true,
    crlf: true,
  },
  {
    name: 'quote at the very start (empty prefix)',
    from: '⟦Even as⟧ the administration defends the dismissal.',
    to: '⟦Even as⟧ the administration defends the dismissal.',
    status: 'anchored',
    exact: true,
  },
  {
    name: 'quote at the very end (empty suffix), text grown before it',
    from: 'The report said so. The end⟦ of the story.⟧',
    to: 'Preface. The report said so. The end⟦ of the story.⟧',
    status: 'moved',
    exact: true,
  },
  {
    name: 'whole text as the quote',
    from: '⟦Short article.⟧',
    to: '⟦Short article.⟧',
    status: 'anchored',
    exact: true,
  },
  {
    name: 'empty quote: null',
    selector: { quote: { exact: '', prefix: 'a', suffix: 'b' }, position: { start: 1, end: 1 } },
    to: 'a b c',
  },
  {
    name: 'W3C selector without prefix and suffix fields: a unique quote anchors',
    selector: { quote: { exact: 'Rex Tillerson' } as Omit<TextQuoteSelector, 'type'> },
    to: ARTICLE.replace('Rex Tillerson', '⟦Rex Tillerson⟧'),
    status: 'anchored',
    exact: true,
  },
  {
    name: 'anchoring in an empty text: null',
    selector: { quote: { exact: 'x', prefix: '', suffix: '' } },
    to: '',
  },
  {
    name: 'white-space quote: context places it',
    from: 'one  two⟦   ⟧three  four',
    quoteOnly: true,
    to: 'one  two⟦   ⟧three  four',
    status: 'anchored',
    exact: true,
  },
  {
    name: 'position out of range is ignored as a hint',
    selector: {
      quote: { exact: 'Tillerson', prefix: 'Rex ', suffix: ' said' },
      position: { start: 9999, end: 10008 },
    },
    to: ARTICLE.replace('Tillerson', '⟦Tillerson⟧'),
    status: 'moved',
    exact: true,
  },
  {
    name: 'position whose text differs from the quote: search finds the quote',
    selector: {
      quote: { exact: 'McMaster', prefix: 'Advisor H R ', suffix: ' appeared' },
      position: { start: 0, end: 8 },
    },
    to: ARTICLE.replace('McMaster', '⟦McMaster⟧'),
    status: 'moved',
    exact: true,
  },
];
