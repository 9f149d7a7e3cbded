/**
 * The session op, declared once: {@link sessionOpSchema} lists every op with
 * its payload, and {@link SessionOp} is inferred from it. The contract's
 * `sessions.apply` request and the store's journal replay check ops with this
 * schema; `applyOps` (`session-ops.ts`) switches over `op` exhaustively, so a
 * new op here is a compile error there until it is handled.
 *
 * Ops are state-based ("put this whole record", "delete this id"): replaying a
 * batch twice gives the same session, which the store's journal relies on.
 */
import { z } from 'zod';
import {
  annotationSchema,
  articleMetaSchema,
  articleSchemaZ,
  linkSchema,
  ratingScaleSchema,
  sessionSettingsSchema,
  speakerSchema,
  viewStateSchema,
  dismissedSuggestionSchema,
} from '../model/session-schema';
import { MAX_SHORT_TEXT } from '../model/limits';

const id = z.string().min(1).max(200);

export const sessionOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('annotation.put'), annotation: annotationSchema }),
  z.object({ op: z.literal('annotation.delete'), id }),
  z.object({ op: z.literal('link.put'), link: linkSchema }),
  z.object({ op: z.literal('link.delete'), id }),
  z.object({ op: z.literal('speaker.put'), speaker: speakerSchema }),
  z.object({ op: z.literal('speaker.delete'), id }),
  z.object({ op: z.literal('article.put'), article: articleSchemaZ }),
  z.object({ op: z.literal('article.delete'), id }),
  z.object({ op: z.literal('article.meta'), articleId: id, meta: articleMetaSchema }),
  z.object({ op: z.literal('settings.put'), settings: sessionSettingsSchema }),
  z.object({ op: z.literal('scale.put'), scale: ratingScaleSchema }),
  z.object({ op: z.literal('view.put'), view: viewStateSchema }),
  z.object({ op: z.literal('session.rename'), name: z.string().min(1).max(MAX_SHORT_TEXT) }),
  /** Dismiss a claim suggestion (issue 13); `dismissal.delete` brings it back. */
  z.object({ op: z.literal('dismissal.put'), dismissal: dismissedSuggestionSchema }),
  z.object({ op: z.literal('dismissal.delete'), id }),
]);

/** One change to a session (see the module comment). */
export type SessionOp = z.infer<typeof sessionOpSchema>;

/** The name of an op, e.g. `annotation.put`. */
export type SessionOpName = SessionOp['op'];
