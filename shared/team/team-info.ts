/**
 * The team side of a session in words, for the UI: disagreements with who
 * said what ("A: False · B: Misleading"), reviewers' own verdicts, status,
 * and an item's history ("Maya marked it", "Sam changed the verdict to
 * False"). Pure; the service adds the sync state.
 */
import type { TeamDisagreement, TeamHistoryLine, TeamSessionInfo } from '../api/team-types';
import type { Session } from '../model/session';
import { describeValue, fieldLabel } from './describe';
import type { Materialized } from './materialize';
import { teamDocId, type TeamDoc } from './team-doc';
import type { ExportAuthors, TeamExportInfo } from '../interchange/team-export';
import type { TeamState } from './team-state';

/** The disagreements of a materialized state, in words. */
export function describeDisagreements(m: Materialized): TeamDisagreement[] {
  return m.disagreements.map((d) => ({
    docId: d.docId,
    type: d.type,
    itemId: d.itemId,
    field: d.field,
    fieldLabel: fieldLabel(d.field),
    values: d.values.map((v) => ({
      label: d.field === 'deleted' ? String(v.value) : describeValue(m.session, d.field, v.value),
      name: v.name,
      by: v.by,
      at: v.at,
    })),
  }));
}

/** The team info of a session, without its sync state (`local` until the service says). */
export function teamInfoOf(
  m: Materialized,
  remote: string | null,
  refused: string[] = [],
): TeamSessionInfo {
  return {
    id: m.session.id,
    tracked: true,
    remote,
    sync: { kind: 'local' },
    status: m.status,
    approvedBy: m.approvedBy?.name ?? null,
    reviewers: m.reviewers.map((r) => r.name),
    disagreements: describeDisagreements(m),
    reviewerVerdicts: m.reviewerVerdicts.map((r) => ({
      claimId: r.claimId,
      name: r.name,
      label: r.verdict ? describeValue(m.session, 'verdict', r.verdict) : null,
      at: r.at,
    })),
    refused,
  };
}

/**
 * The team side of a materialized session for its exports: status, reviewers,
 * who approved it, and each annotation's and link's creator and last modifier.
 */
export function exportInfoOf(m: Materialized): TeamExportInfo {
  const sid = m.session.id;
  const authors = new Map<string, ExportAuthors>();
  const add = (type: 'annotation' | 'link', id: string) => {
    const a = m.authors.get(teamDocId(sid, type, id));
    if (a)
      authors.set(id, {
        createdBy: { id: a.createdBy.by, name: a.createdBy.name, at: a.createdBy.at },
        modifiedBy: { id: a.modifiedBy.by, name: a.modifiedBy.name, at: a.modifiedBy.at },
      });
  };
  for (const a of m.session.annotations) add('annotation', a.id);
  for (const l of m.session.links) add('link', l.id);
  return {
    status: m.status,
    reviewers: m.reviewers.map((r) => r.name),
    approvedBy: m.approvedBy
      ? { id: m.approvedBy.by, name: m.approvedBy.name, at: m.approvedBy.at }
      : null,
    authors,
  };
}

/** The info of a session that has no team state. */
export function untrackedInfo(id: string): TeamSessionInfo {
  return {
    id,
    tracked: false,
    remote: null,
    sync: { kind: 'local' },
    status: 'draft',
    approvedBy: null,
    reviewers: [],
    disagreements: [],
    reviewerVerdicts: [],
    refused: [],
  };
}

const VERBS: Record<string, string> = {
  kind: 'changed the kind to',
  target: 'moved the passage',
  speakerId: 're-attributed it to',
  note: 'changed the note to',
  tags: 'changed the tags to',
  verdict: 'changed the verdict to',
};

/** A superseded value, from the few words its history line kept. */
function fromSummary(session: Session, field: string, summary: string): string {
  const step = field === 'verdict' ? /"stepId":"([^"]+)"/.exec(summary) : null;
  if (step) return describeValue(session, 'verdict', { stepId: step[1]!, rationale: '' });
  if (field === 'speakerId' || field === 'kind' || field === 'relation' || field === 'status')
    return describeValue(session, field, summary);
  return summary;
}

function lineText(session: Session, doc: TeamDoc, h: TeamDoc['history'][number]): string {
  if (h.action === 'create') return doc.type === 'review' ? 'gave a verdict' : 'marked it';
  if (h.action === 'delete') return 'deleted it';
  if (h.action === 'restore') return 'brought it back';
  const field = h.field ?? '';
  const f = doc.fields[field];
  const head = f?.heads.find((x) => x.t === h.t);
  const shown =
    field === 'target'
      ? ''
      : head !== undefined
        ? ` ${describeValue(session, field, head.v)}`
        : h.summary
          ? ` ${fromSummary(session, field, h.summary)}`
          : '';
  if (doc.type === 'review') return `gave their own verdict:${shown}`;
  if (h.action === 'resolve') return `settled the ${fieldLabel(field)} disagreement:${shown}`;
  return `${VERBS[field] ?? `changed the ${fieldLabel(field)} to`}${shown}`;
}

/**
 * The history of an annotation (or another item by id): its own document's
 * lines with the reviewers' own verdicts on it, oldest first. Creation lines
 * of one change (one per field) are shown once.
 */
export function itemHistory(state: TeamState, session: Session, itemId: string): TeamHistoryLine[] {
  const docs: TeamDoc[] = [];
  for (const type of ['annotation', 'link', 'speaker', 'article'] as const) {
    const d = state.docs.get(teamDocId(state.sessionId, type, itemId));
    if (d) docs.push(d);
  }
  const prefix = teamDocId(state.sessionId, 'review', `${itemId}:`);
  for (const [id, d] of state.docs) if (id.startsWith(prefix)) docs.push(d);
  const out: TeamHistoryLine[] = [];
  for (const doc of docs) {
    let created = false;
    for (const h of doc.history) {
      if (h.action === 'create') {
        if (created) continue;
        created = true;
      }
      out.push({
        at: h.at,
        name: h.name,
        action: h.action,
        field: h.field ?? null,
        text: lineText(session, doc, h),
      });
    }
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
