/**
 * Reading an imported fact-check file (File → Import fact-checks…) into the
 * reviewed claims that "seen before" searches: a ClaimReview JSON-LD text, our
 * own export or a fact-checker's published feed (see claimreview-read.ts).
 *
 * The file comes from outside and is treated as hostile. What is kept is only
 * plain, bounded data the app itself shapes: claim text (at most
 * {@link MAX_FACTCHECK_CLAIM_CHARS}), a verdict label, a speaker and a
 * publisher (each at most {@link MAX_SHORT_TEXT}), a `YYYY-MM-DD` date and an
 * absolute http(s) URL. A review breaking one of these is skipped and the
 * reason is said, never cut silently; a URL of any other scheme
 * (`javascript:`, `file:`, `data:`) is dropped, so opening a match can only
 * ever open a web page. A file with no usable review, or more than
 * {@link MAX_FACTCHECK_CLAIMS_PER_FILE}, is refused as a whole with a sentence.
 */
import { z } from 'zod';
import {
  MAX_FACTCHECK_CLAIM_CHARS,
  MAX_FACTCHECK_CLAIMS_PER_FILE,
  MAX_SHORT_TEXT,
} from '../model/limits';
import { readClaimReviews } from './claimreview-read';
import type { ReviewedClaim } from './similar-claims';

/** One reviewed claim as the app keeps it from an imported file. */
export const storedFactcheckClaimSchema = z.object({
  id: z.string().min(1).max(300),
  text: z.string().min(1).max(MAX_FACTCHECK_CLAIM_CHARS),
  verdict: z.string().max(MAX_SHORT_TEXT).nullable(),
  speaker: z.string().max(MAX_SHORT_TEXT).nullable(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  source: z.object({
    kind: z.literal('claimreview'),
    url: z.string().max(2048),
    publisher: z.string().max(MAX_SHORT_TEXT),
    file: z.string().max(1024).optional(),
  }),
});

/** The claims kept from a file and the problems met, or a refusal of the whole file in words. */
export type FactcheckFileRead =
  { ok: true; claims: ReviewedClaim[]; problems: string[] } | { ok: false; message: string };

/** An absolute http(s) URL, or '' for anything else. */
export function safeWebUrl(url: string): string {
  // shared/ has no URL class (no DOM, no Node): a strict shape check instead. A host is
  // required, and no space, control or invisible character may hide anywhere in it.
  const u = url.trim();
  if (u.length > 2048) return '';
  return /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?:[/?#][^\s\p{Cc}\p{Cf}<>"\\]*)?$/iu.test(u)
    ? u
    : '';
}

/**
 * The reviewed claims of a fact-check file's text, ids prefixed with `idPrefix`
 * (unique in the app), their source naming `fileName`. Never throws.
 */
export function readFactcheckFile(
  content: string,
  fileName: string,
  idPrefix: string,
): FactcheckFileRead {
  const name = fileName.slice(0, 200) || 'The file';
  if (!content.trim()) return { ok: false, message: `${name} is empty.` };
  let read;
  try {
    read = readClaimReviews(content, name);
  } catch (e) {
    // JSON.parse of absurdly deep nesting can exhaust the stack: that is a refusal, not a crash.
    return {
      ok: false,
      message: `${name} could not be read as JSON-LD (${(e as Error).message}).`,
    };
  }
  if (!read.claims.length) {
    const why = read.problems[0] ?? `${name} holds no ClaimReview.`;
    return {
      ok: false,
      message: `${why} Import fact-checks reads ClaimReview JSON-LD: the app’s own ClaimReview export or a fact-checker’s published feed.`,
    };
  }
  if (read.claims.length > MAX_FACTCHECK_CLAIMS_PER_FILE)
    return {
      ok: false,
      message: `${name} holds ${read.claims.length.toLocaleString('en')} reviews; at most ${MAX_FACTCHECK_CLAIMS_PER_FILE.toLocaleString('en')} are read from one file. Split it and import the parts.`,
    };
  const problems = [...read.problems];
  const claims: ReviewedClaim[] = [];
  let droppedUrls = 0;
  read.claims.forEach((c, i) => {
    const n = i + 1;
    if (c.text.length > MAX_FACTCHECK_CLAIM_CHARS)
      return problems.push(
        `ClaimReview ${n}: its claim is longer than ${MAX_FACTCHECK_CLAIM_CHARS.toLocaleString('en')} characters; skipped.`,
      );
    const short = [c.verdict, c.speaker, c.source.kind === 'claimreview' ? c.source.publisher : ''];
    if (short.some((x) => x && x.length > MAX_SHORT_TEXT))
      return problems.push(
        `ClaimReview ${n}: a verdict, speaker or publisher is longer than ${MAX_SHORT_TEXT} characters; skipped.`,
      );
    const rawUrl = c.source.kind === 'claimreview' ? c.source.url : '';
    const url = rawUrl ? safeWebUrl(rawUrl) : '';
    if (rawUrl && !url) droppedUrls++;
    const date = c.date && /^\d{4}-\d{2}-\d{2}/.test(c.date) ? c.date.slice(0, 10) : null;
    claims.push({
      id: `${idPrefix}#${n}`,
      text: c.text,
      verdict: c.verdict,
      speaker: c.speaker,
      date,
      source: {
        kind: 'claimreview',
        url,
        publisher: c.source.kind === 'claimreview' ? c.source.publisher : '',
        file: fileName.slice(0, 1024),
      },
    });
  });
  if (droppedUrls)
    problems.push(
      `${droppedUrls === 1 ? 'One review’s link was' : `${droppedUrls} reviews’ links were`} not an http(s) address and ${droppedUrls === 1 ? 'was' : 'were'} left out.`,
    );
  if (!claims.length)
    return { ok: false, message: `${name}: no review could be kept. ${problems[0] ?? ''}`.trim() };
  return { ok: true, claims, problems };
}
