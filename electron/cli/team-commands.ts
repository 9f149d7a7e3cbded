/**
 * The team-review commands of `factcheck`:
 *
 *   factcheck annotations list S.fcw.json [--json]
 *   factcheck verdict S.fcw.json --claim ID --rating NAME [--rationale TEXT] --reviewer NAME
 *   factcheck sync S.fcw.json --remote URL --reviewer NAME [--credentials-file F] [--allow-insecure-http]
 *   factcheck conflicts S.fcw.json [--json]
 *   factcheck resolve S.fcw.json --item ID --field F --value V --reviewer NAME
 *   factcheck status S.fcw.json [--set STATUS --reviewer NAME [--editor]]
 *   factcheck merge A.fcw.json B.fcw.json --out C.fcw.json [--force] [--reviewer NAME]
 *
 * Commands that change a file rewrite it atomically (cli-files.ts); a
 * failure leaves it byte-identical. Credentials come from the environment or
 * an owner-only file and appear in no output.
 */
import type { Session } from '../../shared/model/session';
import { MAX_SESSION_FILE_BYTES, MAX_NOTE_CHARS } from '../../shared/model/limits';
import { stepFromLabel } from '../../shared/model/rating-scale';
import { makeReviewer, type Reviewer } from '../../shared/team/reviewer';
import {
  mergeTeamSessions,
  readTeamSessionText,
  renderTeamSessionText,
  showState,
  upToDate,
  type TeamSessionFile,
  type TeamView,
} from '../../shared/team/team-session';
import {
  changeStatus,
  resolveDisagreement,
  setClaimVerdict,
} from '../../shared/team/record-changes';
import { describeDisagreement, describeValue, fieldLabel } from '../../shared/team/describe';
import {
  ITEM_FIELDS,
  ITEM_TYPES,
  SESSION_STATUSES,
  STATUS_LABELS,
  teamDocId,
  type SessionStatus,
} from '../../shared/team/team-doc';
import type { ChangeContext, TeamState } from '../../shared/team/team-state';
import type { RetryPolicy } from '../service/team/team-sync';
import type { TeamExportInfo } from '../../shared/interchange/team-export';
import { exportInfoOf } from '../../shared/team/team-info';
import { CliError, decodeUtf8, readInput, writeOutputs } from './cli-files';
import { commandTime, type CliIo } from './commands';

function loadTeamFile(path: string): TeamSessionFile {
  const text = decodeUtf8(
    readInput(path, 'session file', MAX_SESSION_FILE_BYTES),
    path,
    'session file',
  );
  const r = readTeamSessionText(text);
  if (!r.ok) throw new CliError(`${path}: ${r.message}`);
  return r.file;
}

/**
 * The team side of a portable file for its exports (status, reviewers, who
 * approved it, each annotation's creator and last modifier); null when the
 * file was never shared. Changes not recorded yet count as the file's reviewer's.
 */
export function teamExportOf(path: string, io: CliIo): TeamExportInfo | null {
  const file = loadTeamFile(path);
  if (!file.state) return null;
  const named = makeReviewer(file.session.settings.reviewer.trim() || 'Unnamed reviewer');
  if (typeof named === 'string') throw new CliError(named);
  return exportInfoOf(show(currentState(file, context(named, io)), file.session).shown);
}

function reviewerFrom(name: string | undefined, editor = false): Reviewer {
  if (name === undefined)
    throw new CliError('This command needs --reviewer NAME (who makes the change).', 2);
  const r = makeReviewer(name, editor ? 'editor' : 'reviewer');
  if (typeof r === 'string') throw new CliError(r, 2);
  return r;
}

function context(reviewer: Reviewer, io: CliIo): ChangeContext {
  return { reviewer, now: commandTime(io.env) };
}

/** The file's team state with its session's unrecorded changes recorded (created if never shared). */
function currentState(file: TeamSessionFile, ctx: ChangeContext): TeamState {
  const s = upToDate(file, ctx);
  if (typeof s === 'string') throw new CliError(s);
  return s;
}

function show(state: TeamState, base: Session): TeamView {
  const v = showState(state, base);
  if (typeof v === 'string') throw new CliError(v);
  return v;
}

/** Show a file: its team state when it has one, else the session as it is. */
function viewOf(file: TeamSessionFile): TeamView | null {
  return file.state ? show(file.state, file.session) : null;
}

function write(
  path: string,
  file: TeamSessionFile,
  view: TeamView,
  io: CliIo,
  info = file.info,
): void {
  writeOutputs(
    [{ path, data: renderTeamSessionText(file.session, view, info, commandTime(io.env)) }],
    true,
  );
}

/** `factcheck annotations list S.fcw.json [--json]` */
export function annotationsList(path: string, opts: { json?: boolean }, io: CliIo): void {
  const file = loadTeamFile(path);
  const view = viewOf(file);
  const session = view?.shown.session ?? file.session;
  const speakers = new Map(session.speakers.map((s) => [s.id, s.name]));
  const rows = session.annotations.map((a) => {
    const docId = teamDocId(session.id, 'annotation', a.id);
    const who = view?.shown.authors.get(docId);
    const disputed = (view?.shown.disagreements ?? []).filter((d) => d.docId === docId);
    const reviews = (view?.shown.reviewerVerdicts ?? []).filter((r) => r.claimId === a.id);
    return {
      id: a.id,
      kind: a.kind,
      quote: a.target.quote.exact,
      speaker: a.speakerId === null ? null : (speakers.get(a.speakerId) ?? null),
      verdict: a.verdict ? describeValue(session, 'verdict', a.verdict) : null,
      rationale: a.verdict?.rationale ?? null,
      reviewerVerdicts: reviews.map((r) => ({
        reviewer: r.name,
        reviewerId: r.reviewerId,
        rating: r.verdict ? describeValue(session, 'verdict', r.verdict) : null,
        rationale: r.verdict?.rationale ?? null,
        at: r.at,
      })),
      disagreements: disputed.map((d) => ({
        field: d.field,
        values: d.values.map((v) => ({
          reviewer: v.name,
          value: describeValue(session, d.field, v.value),
        })),
      })),
      createdBy: who ? who.createdBy.name : a.reviewer,
      modifiedBy: who ? who.modifiedBy.name : null,
    };
  });
  if (opts.json) {
    io.out(JSON.stringify(rows, null, 2));
    return;
  }
  for (const r of rows) {
    const parts = [
      r.id,
      r.kind,
      `“${r.quote.replace(/\s+/g, ' ').slice(0, 80)}”`,
      r.speaker ?? '(no speaker)',
    ];
    const verdicts = r.reviewerVerdicts
      .filter((v) => v.rating)
      .map((v) => `${v.reviewer}: ${v.rating}`);
    if (r.kind === 'claim')
      parts.push(
        `verdict: ${r.verdict ?? '(none)'}${verdicts.length ? ` (${verdicts.join(' · ')})` : ''}`,
      );
    if (r.disagreements.length)
      parts.push(`disputed: ${r.disagreements.map((d) => fieldLabel(d.field)).join(', ')}`);
    io.out(parts.join('\t'));
  }
}

/** `factcheck verdict S.fcw.json --claim ID --rating NAME [--rationale TEXT] --reviewer NAME` */
export function verdictCommand(
  path: string,
  opts: {
    claim?: string;
    rating?: string;
    rationale?: string;
    reviewer?: string;
    editor?: boolean;
  },
  io: CliIo,
): void {
  if (!opts.claim) throw new CliError('verdict needs --claim ID.', 2);
  if (!opts.rating)
    throw new CliError('verdict needs --rating NAME (a step of the session’s scale).', 2);
  const rationale = opts.rationale ?? '';
  if (rationale.length > MAX_NOTE_CHARS)
    throw new CliError(`The rationale is longer than ${MAX_NOTE_CHARS} characters.`, 2);
  const reviewer = reviewerFrom(opts.reviewer, opts.editor);
  const file = loadTeamFile(path);
  const ctx = context(reviewer, io);
  const state = currentState(file, ctx);
  const before = show(state, file.session).shown.session;
  const step = stepFromLabel(before.scale, opts.rating);
  if (!step)
    throw new CliError(
      `“${opts.rating.slice(0, 60)}” is not on the session’s scale (${before.scale.steps.map((s) => s.label).join(', ')}).`,
      2,
    );
  const r = setClaimVerdict(state, before, opts.claim, { stepId: step.id, rationale }, ctx);
  if (!r.ok) throw new CliError(r.problem);
  write(path, file, show(r.state, file.session), io);
  io.out(`Recorded ${reviewer.name}’s verdict on ${opts.claim}: ${step.label}.`);
}

/** `factcheck conflicts S.fcw.json [--json]`: one line per open disagreement. Returns the exit code (0). */
export function conflictsCommand(path: string, opts: { json?: boolean }, io: CliIo): void {
  const file = loadTeamFile(path);
  const view = viewOf(file);
  const list = view?.shown.disagreements ?? [];
  const session = view?.shown.session ?? file.session;
  if (opts.json) {
    io.out(
      JSON.stringify(
        list.map((d) => ({
          item: { type: d.type, id: d.itemId, docId: d.docId },
          field: d.field,
          values: d.values.map((v) => ({
            value: v.value,
            label: describeValue(session, d.field, v.value),
            reviewer: v.name,
            reviewerId: v.by,
            at: v.at,
          })),
        })),
        null,
        2,
      ),
    );
    return;
  }
  for (const d of list) io.out(describeDisagreement(session, d));
}

/** `factcheck resolve S.fcw.json --item ID --field F --value V --reviewer NAME` */
export function resolveCommand(
  path: string,
  opts: { item?: string; field?: string; value?: string; reviewer?: string; type?: string },
  io: CliIo,
): void {
  if (!opts.item || !opts.field || opts.value === undefined)
    throw new CliError('resolve needs --item ID --field F --value V.', 2);
  const reviewer = reviewerFrom(opts.reviewer);
  const file = loadTeamFile(path);
  const ctx = context(reviewer, io);
  const state = currentState(file, ctx);
  const shown = show(state, file.session).shown;
  const open = shown.disagreements.filter(
    (d) => (d.itemId === opts.item || d.docId === opts.item) && d.field === opts.field,
  );
  if (open.length !== 1)
    throw new CliError(
      `There is no open disagreement on ${opts.field} of ${opts.item} (see factcheck conflicts).`,
    );
  const d = open[0]!;
  const session = shown.session;
  // The value: one of those in dispute, named as `conflicts` shows it (or as JSON).
  let value: unknown;
  if (d.field === 'deleted') {
    if (opts.value !== 'delete' && opts.value !== 'keep')
      throw new CliError('Resolve a deletion with --value keep or --value delete.', 2);
    value = opts.value === 'delete';
  } else {
    const match = d.values.find(
      (v) =>
        describeValue(session, d.field, v.value).toLowerCase() === opts.value!.toLowerCase() ||
        v.name.toLowerCase() === opts.value!.toLowerCase(),
    );
    if (!match)
      throw new CliError(
        `--value must be one of the values in dispute (${d.values.map((v) => describeValue(session, d.field, v.value)).join(', ')}) or the name of who set it.`,
        2,
      );
    value = match.value;
  }
  const r = resolveDisagreement(state, d.docId, d.field, value, ctx);
  if (!r.ok) throw new CliError(r.problem);
  write(path, file, show(r.state, file.session), io);
  io.out(
    `Resolved ${fieldLabel(d.field)} of ${d.itemId}: ${d.field === 'deleted' ? opts.value : describeValue(session, d.field, value)}.`,
  );
}

/** `factcheck status S.fcw.json [--set STATUS --reviewer NAME [--editor]]` */
export function statusCommand(
  path: string,
  opts: { set?: string; reviewer?: string; editor?: boolean },
  io: CliIo,
): void {
  const file = loadTeamFile(path);
  if (opts.set === undefined) {
    const view = viewOf(file);
    const m = view?.shown;
    io.out(
      `${path}: ${STATUS_LABELS[m?.status ?? 'draft']}${m?.approvedBy ? `, approved by ${m.approvedBy.name}` : ''}; reviewers: ${m?.reviewers.map((r) => r.name).join(', ') || '(none yet)'}.`,
    );
    return;
  }
  const to = opts.set.toLowerCase().replace(/\s+/g, '-') as SessionStatus;
  if (!SESSION_STATUSES.includes(to))
    throw new CliError(`--set must be one of ${SESSION_STATUSES.join(', ')}.`, 2);
  const reviewer = reviewerFrom(opts.reviewer, opts.editor);
  const ctx = context(reviewer, io);
  const state = currentState(file, ctx);
  const r = changeStatus(state, show(state, file.session).shown.session, to, ctx);
  if (!r.ok) throw new CliError(r.problem);
  write(path, file, show(r.state, file.session), io);
  io.out(`${path}: now ${STATUS_LABELS[to]}.`);
}

/** `factcheck merge A.fcw.json B.fcw.json --out C.fcw.json [--force] [--reviewer NAME]` */
export function mergeCommand(
  a: string,
  b: string,
  opts: { out?: string; force?: boolean; reviewer?: string },
  io: CliIo,
): void {
  if (!opts.out) throw new CliError('merge needs --out C.fcw.json.', 2);
  const fa = loadTeamFile(a);
  const fb = loadTeamFile(b);
  const now = commandTime(io.env);
  // Unrecorded changes in each file are its own reviewer's (named in its settings).
  const fallback = opts.reviewer ?? 'Unnamed reviewer';
  const ctxOf = (f: TeamSessionFile): ChangeContext => ({
    reviewer: reviewerFrom(f.session.settings.reviewer.trim() || fallback),
    now,
  });
  const merged = mergeTeamSessions(fa, fb, ctxOf(fa), ctxOf);
  if (typeof merged === 'string') throw new CliError(merged);
  writeOutputs(
    [{ path: opts.out, data: renderTeamSessionText(fa.session, merged, fa.info, now) }],
    !!opts.force,
  );
  const k = merged.shown.disagreements.length;
  io.out(`Wrote ${opts.out}: merged ${a} and ${b}; disagreements ${k}.`);
}

/** Item types and fields, for help texts. */
export const TEAM_ITEM_HELP = ITEM_TYPES.map((t) => `${t}: ${ITEM_FIELDS[t].join(', ')}`).join(
  '; ',
);

/**
 * `factcheck sync S.fcw.json --remote URL --reviewer NAME [--credentials-file F] [--allow-insecure-http]`.
 * Prints `pushed N, pulled M, disagreements K`.
 */
export async function syncCommand(
  path: string,
  opts: {
    remote?: string;
    reviewer?: string;
    'credentials-file'?: string;
    'allow-insecure-http'?: boolean;
  },
  io: CliIo,
  tuning: { retry?: RetryPolicy } = {},
): Promise<void> {
  if (!opts.remote) throw new CliError('sync needs --remote URL (the team database).', 2);
  const reviewer = reviewerFrom(opts.reviewer);
  // Loaded here: PouchDB is only needed by this command.
  const { checkRemoteUrl, loadCredentials, showRemote, TeamSyncError } =
    await import('../service/team/couch-access');
  const { syncTeamState } = await import('../service/team/team-sync');
  let url: URL;
  let credentials;
  try {
    url = checkRemoteUrl(opts.remote, !!opts['allow-insecure-http']);
    credentials = loadCredentials(io.env, opts['credentials-file']);
  } catch (err) {
    if (err instanceof TeamSyncError) throw new CliError(err.message, err.kind === 'usage' ? 2 : 1);
    throw err;
  }
  const file = loadTeamFile(path);
  const ctx = context(reviewer, io);
  const state = currentState(file, ctx);
  try {
    // The pull starts where the last sync with this remote ended (only what changed since).
    const since = file.info.remote === showRemote(url) ? file.info.since : undefined;
    const out = await syncTeamState(state, { remote: url, credentials, since, ...tuning });
    const view = show(out.state, file.session);
    write(path, file, view, io, {
      remote: showRemote(url),
      syncedAt: ctx.now,
      since: out.since,
    });
    io.out(
      `pushed ${out.pushed}, pulled ${out.pulled}, disagreements ${view.shown.disagreements.length}`,
    );
    if (out.refused.length) {
      io.out(
        `Refused ${out.refused.length} document${out.refused.length === 1 ? '' : 's'} from the server (not applied):`,
      );
      for (const r of out.refused.slice(0, 20)) io.out(`  - ${r}`);
    }
  } catch (err) {
    if (err instanceof TeamSyncError)
      throw new CliError(`sync failed, ${path} is unchanged: ${err.message}`);
    throw err;
  }
}
