/**
 * A shared session as CouchDB documents: one document per item, so one edit
 * writes one document (two when it also records a reviewer's own verdict or
 * sends an approved session back to review), whatever the session's size.
 *
 * Document ids are `fcw:<sessionId>:<type>:<itemId>`; a team database holds
 * many sessions side by side. Every document carries its item's fields as
 * multi-value registers (field-register.ts), who created it and when, and
 * its history (who set what, when). Types:
 *
 * - `meta` (item id = the session id): name, shared settings, rating scale, status;
 * - `article`: the article snapshot (immutable once shared; deleted flag);
 * - `annotation`: kind, target, speaker, note, tags, the session's verdict, deleted;
 * - `link`: from, to, relation, note, deleted;
 * - `speaker`: name, kind, role, organisation, aliases, deleted;
 * - `review` (item id = `<claimId>:<reviewerId>`): one reviewer's own verdict on a claim.
 *
 * Everything that arrives from a server passes {@link parseTeamDoc} (zod,
 * strict: unknown keys, wrong types, oversized values, ids that do not match
 * the content are refused with a sentence), and is never applied otherwise.
 */
import { z } from 'zod';
import {
  annotationSchema,
  articleSchemaZ,
  linkSchema,
  ratingScaleSchema,
  speakerSchema,
} from '../model/session-schema';
import { describeIssues } from '../session/validate-session';
import { MAX_NOTE_CHARS, MAX_SHORT_TEXT } from '../model/limits';
import type { FieldState } from './field-register';
import { REVIEWER_ID_RE } from './reviewer';

export const ITEM_TYPES = ['meta', 'article', 'annotation', 'link', 'speaker', 'review'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** draft → in review → approved (by an editor) → published (declared in session-status.ts). */
export { SESSION_STATUSES, STATUS_LABELS, type SessionStatus } from './session-status';
import { SESSION_STATUSES } from './session-status';

/** The fields of each document type. `deleted` is present on every type that can be deleted. */
export const ITEM_FIELDS = {
  meta: ['name', 'settings', 'scale', 'status'],
  article: ['article', 'deleted'],
  annotation: ['kind', 'target', 'speakerId', 'note', 'tags', 'verdict', 'deleted'],
  link: ['from', 'to', 'relation', 'note', 'deleted'],
  speaker: ['name', 'kind', 'role', 'organisation', 'aliases', 'deleted'],
  review: ['verdict'],
} as const satisfies Record<ItemType, readonly string[]>;

/** Who did something, and when. */
export interface Stamp {
  by: string;
  name: string;
  at: string;
}

export const HISTORY_ACTIONS = ['create', 'set', 'delete', 'restore', 'resolve'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** One line of an item's history: who did what to which field, when. */
export interface HistoryEntry extends Stamp {
  t: string;
  action: HistoryAction;
  field?: string;
  /** The value set, in a few words (for the history view). */
  summary?: string;
}

/** The most history entries one document keeps (the latest ones). */
export const MAX_HISTORY = 2_000;

/** One shared item, as stored in CouchDB (and in the portable file's team section). */
export interface TeamDoc {
  _id: string;
  _rev?: string;
  type: ItemType;
  session: string;
  id: string;
  created: Stamp;
  fields: Record<string, FieldState<unknown>>;
  history: HistoryEntry[];
}

/** The document id of an item. */
export function teamDocId(sessionId: string, type: ItemType, itemId: string): string {
  return `fcw:${sessionId}:${type}:${itemId}`;
}

/** The prefix of every document id of a session. */
export function sessionDocPrefix(sessionId: string): string {
  return `fcw:${sessionId}:`;
}

// ---- validation -----------------------------------------------------------------

const token = z.string().regex(/^[0-9A-Za-z._-]{4,80}$/);
const reviewerId = z.string().regex(REVIEWER_ID_RE);
const isoTime = z.iso.datetime({ offset: true });
const shortText = z.string().max(MAX_SHORT_TEXT);
const itemId = z.string().min(1).max(200);

const stampSchema = z.strictObject({ by: reviewerId, name: shortText, at: isoTime });

const historySchema = z.strictObject({
  t: token,
  by: reviewerId,
  name: shortText,
  at: isoTime,
  action: z.enum(HISTORY_ACTIONS),
  field: z.string().max(40).optional(),
  summary: z.string().max(500).optional(),
});

function fieldSchema<T extends z.ZodType>(value: T, withSeen = false) {
  return z.strictObject({
    heads: z
      .array(
        z.strictObject({
          v: value,
          t: token,
          by: reviewerId,
          name: shortText,
          at: isoTime,
          ...(withSeen ? { seen: z.array(token).max(10_000).optional() } : {}),
        }),
      )
      .min(1)
      .max(100),
    past: z.array(token).max(200_000),
  });
}

const ann = annotationSchema.shape;
const deletedField = fieldSchema(z.boolean(), true);

const sharedSettingsSchema = z.strictObject({
  organisationName: shortText,
  organisationUrl: z.string().max(2048),
  publicationBaseUrl: z.string().max(2048),
  methodology: z.string().max(MAX_NOTE_CHARS),
});

const verdictSchema = ann.verdict;

const FIELD_SCHEMAS = {
  meta: z.strictObject({
    name: fieldSchema(z.string().min(1).max(MAX_SHORT_TEXT)),
    settings: fieldSchema(sharedSettingsSchema),
    scale: fieldSchema(ratingScaleSchema),
    status: fieldSchema(z.enum(SESSION_STATUSES)),
  }),
  article: z.strictObject({ article: fieldSchema(articleSchemaZ), deleted: deletedField }),
  annotation: z.strictObject({
    kind: fieldSchema(ann.kind),
    target: fieldSchema(ann.target),
    speakerId: fieldSchema(ann.speakerId),
    note: fieldSchema(ann.note),
    tags: fieldSchema(ann.tags),
    verdict: fieldSchema(verdictSchema),
    deleted: deletedField,
  }),
  link: z.strictObject({
    from: fieldSchema(linkSchema.shape.from),
    to: fieldSchema(linkSchema.shape.to),
    relation: fieldSchema(linkSchema.shape.relation),
    note: fieldSchema(linkSchema.shape.note),
    deleted: deletedField,
  }),
  speaker: z.strictObject({
    name: fieldSchema(speakerSchema.shape.name),
    kind: fieldSchema(speakerSchema.shape.kind),
    role: fieldSchema(speakerSchema.shape.role),
    organisation: fieldSchema(speakerSchema.shape.organisation),
    aliases: fieldSchema(speakerSchema.shape.aliases),
    deleted: deletedField,
  }),
  review: z.strictObject({ verdict: fieldSchema(verdictSchema) }),
} satisfies Record<ItemType, z.ZodType>;

const docSchema = z.strictObject({
  _id: z.string().max(600),
  _rev: z
    .string()
    .regex(/^\d{1,9}-[0-9a-f]{1,64}$/)
    .optional(),
  type: z.enum(ITEM_TYPES),
  session: itemId,
  id: z.string().min(1).max(400),
  created: stampSchema,
  fields: z.record(z.string(), z.unknown()),
  history: z.array(historySchema).max(MAX_HISTORY),
});

/** CouchDB's own bookkeeping keys a replicated document may carry; they are dropped before validation. */
const COUCH_META_KEYS = new Set([
  '_conflicts',
  '_revisions',
  '_revs_info',
  '_deleted_conflicts',
  '_local_seq',
]);

/** The largest document accepted, in characters of JSON (an article may be 16 MB). */
export const MAX_DOC_CHARS = 40 * 1024 * 1024;

export type DocParse = { ok: true; doc: TeamDoc } | { ok: false; problem: string };

/**
 * Validate one document from outside (a server, a file). Strict: the shape,
 * every field's values, the id (it must be `fcw:<session>:<type>:<id>` of its
 * own content, within `sessionId` when given), reviewer ids and tokens.
 * Attachments and other underscore keys are refused. Never throws.
 */
export function parseTeamDoc(raw: unknown, sessionId?: string): DocParse {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, problem: 'not a JSON object' };
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (COUCH_META_KEYS.has(k)) continue;
    if (k === '__proto__' || k === 'constructor' || k === 'prototype')
      return { ok: false, problem: `unexpected key "${k}"` };
    if (k.startsWith('_') && k !== '_id' && k !== '_rev')
      return { ok: false, problem: `unexpected key "${k.slice(0, 40)}"` };
    body[k] = v;
  }
  const id = typeof body._id === 'string' ? body._id.slice(0, 200) : '(no id)';
  const parsed = docSchema.safeParse(body);
  if (!parsed.success)
    return { ok: false, problem: `${id}: ${describeIssues(parsed.error, 2).join('; ')}` };
  const d = parsed.data;
  if (sessionId !== undefined && d.session !== sessionId)
    return { ok: false, problem: `${id}: belongs to another session` };
  if (d._id !== teamDocId(d.session, d.type, d.id))
    return { ok: false, problem: `${id}: its id does not match its content` };
  if (d.type === 'meta' && d.id !== d.session)
    return { ok: false, problem: `${id}: a session's meta document must carry the session id` };
  if (d.type === 'review' && !/^[^:]+:(r-[0-9a-f]{16}|[0-9a-f-]{36})$/.test(d.id))
    return { ok: false, problem: `${id}: a review's id must be <claim>:<reviewer>` };
  const fields = FIELD_SCHEMAS[d.type].safeParse(d.fields);
  if (!fields.success)
    return { ok: false, problem: `${id}: ${describeIssues(fields.error, 2).join('; ')}` };
  for (const [name, f] of Object.entries(fields.data as Record<string, FieldState<unknown>>)) {
    const tokens = new Set(f.past);
    for (const h of f.heads) {
      if (tokens.has(h.t))
        return { ok: false, problem: `${id}: field ${name} lists a token twice` };
      tokens.add(h.t);
    }
  }
  return {
    ok: true,
    doc: { ...d, fields: fields.data as Record<string, FieldState<unknown>> } as TeamDoc,
  };
}
