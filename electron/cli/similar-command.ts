/**
 * `factcheck similar "TEXT" --in S1.fcw.json [S2.fcw.json …] [--claimreview
 * F.jsonld …] [--json]`: reviewed claims like TEXT from session files and
 * ClaimReview feeds (shared/suggest/similar-claims.ts). It writes no file.
 */
import { MAX_SESSION_FILE_BYTES } from '../../shared/model/limits';
import {
  claimsFromSession,
  createClaimIndex,
  type ReviewedClaim,
} from '../../shared/suggest/similar-claims';
import { readClaimReviews } from '../../shared/suggest/claimreview-read';
import { CliError, decodeUtf8, readInput } from './cli-files';
import { loadSession, type CliIo } from './commands';

/** Split `similar`'s arguments: TEXT first, then files after --in and --claimreview, and --json/--limit. */
export function parseSimilarArgs(args: readonly string[]): {
  text: string;
  sessions: string[];
  feeds: string[];
  json: boolean;
  limit: number;
} {
  const usage =
    'factcheck similar "TEXT" --in S1.fcw.json [S2.fcw.json …] [--claimreview F.jsonld …] [--json]';
  let text: string | null = null;
  const sessions: string[] = [];
  const feeds: string[] = [];
  let json = false;
  let limit = 10;
  let into: string[] | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--in') into = sessions;
    else if (a === '--claimreview') into = feeds;
    else if (a === '--json') json = true;
    else if (a === '--limit') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 1000)
        throw new CliError(`--limit needs a whole number from 1 to 1000 (usage: ${usage})`, 2);
      limit = n;
    } else if (a.startsWith('--'))
      throw new CliError(`unknown option ${a.slice(0, 40)} (usage: ${usage})`, 2);
    else if (into) into.push(a);
    else if (text === null) text = a;
    else throw new CliError(`put files after --in or --claimreview (usage: ${usage})`, 2);
  }
  if (!text?.trim()) throw new CliError(`similar needs the claim's TEXT (usage: ${usage})`, 2);
  if (!sessions.length && !feeds.length)
    throw new CliError(
      `similar needs --in S.fcw.json or --claimreview F.jsonld (usage: ${usage})`,
      2,
    );
  return { text, sessions, feeds, json, limit };
}

/** `factcheck similar …`: reviewed claims like TEXT, best first, with scores and verdicts. */
export function similarCommand(args: readonly string[], io: CliIo): void {
  const { text, sessions, feeds, json, limit } = parseSimilarArgs(args);
  const claims: ReviewedClaim[] = [];
  for (const path of sessions) claims.push(...claimsFromSession(loadSession(path).session, path));
  for (const path of feeds) {
    const content = decodeUtf8(
      readInput(path, 'ClaimReview file', MAX_SESSION_FILE_BYTES),
      path,
      'ClaimReview file',
    );
    const read = readClaimReviews(content, path);
    if (!read.claims.length)
      throw new CliError(read.problems[0] ?? `${path} holds no ClaimReview.`);
    for (const p of read.problems) io.out(`Note: ${p}`);
    claims.push(...read.claims);
  }
  const matches = createClaimIndex(claims).search(text, limit);
  if (json) {
    io.out(
      JSON.stringify(
        matches.map((m) => ({ score: m.score, ...m.claim })),
        null,
        2,
      ),
    );
    return;
  }
  io.out(
    `${matches.length} similar claim${matches.length === 1 ? '' : 's'} among ${claims.length} reviewed.`,
  );
  matches.forEach((m, i) => {
    const where =
      m.claim.source.kind === 'session'
        ? `session “${m.claim.source.sessionName}” (${m.claim.source.file ?? m.claim.source.sessionId})`
        : `${m.claim.source.publisher || 'ClaimReview'} ${m.claim.source.url || m.claim.source.file || ''}`.trim();
    io.out('');
    io.out(
      `${i + 1}. score ${m.score.toFixed(2)} · verdict: ${m.claim.verdict ?? 'not rated'}${m.claim.speaker ? ` · ${m.claim.speaker}` : ''}`,
    );
    io.out(`   ${m.claim.text}`);
    io.out(`   from ${where}`);
  });
}
