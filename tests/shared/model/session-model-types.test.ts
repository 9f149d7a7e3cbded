/**
 * One source of truth for the session model: the zod schemas declare every
 * record and op, and the types the code uses are exactly what they infer.
 * The `expectTypeOf` lines are checked by `npm run typecheck` (a drifted type
 * fails to compile); the runtime lines check the lists derived from the types.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type {
  Annotation,
  AnnotationTarget,
  Link,
  Session,
  SessionSettings,
  Speaker,
  Verdict,
  ViewState,
} from '../../../shared/model/session';
import type { Article, ArticleMeta, Block, InlineMark } from '../../../shared/model/article';
import type { RatingScale, RatingStep } from '../../../shared/model/rating-scale';
import type { AnchorStatus, AnnotationKind, LinkRelation } from '../../../shared/model/vocabulary';
import type * as schema from '../../../shared/model/session-schema';
import { sessionOpSchema, type SessionOp } from '../../../shared/session/op-schema';
import { SESSION_OP_NAMES, isSessionOpName } from '../../../shared/session/session-ops';
import type { ApiRequest, ApiResponses } from '../../../shared/api/contract';

describe('the model types are the schemas’ types', () => {
  it('every record type is inferred from its schema', () => {
    expectTypeOf<Session>().toEqualTypeOf<z.infer<typeof schema.sessionSchema>>();
    expectTypeOf<Annotation>().toEqualTypeOf<z.infer<typeof schema.annotationSchema>>();
    expectTypeOf<AnnotationTarget>().toEqualTypeOf<z.infer<typeof schema.annotationTargetSchema>>();
    expectTypeOf<Verdict>().toEqualTypeOf<z.infer<typeof schema.verdictSchema>>();
    expectTypeOf<Link>().toEqualTypeOf<z.infer<typeof schema.linkSchema>>();
    expectTypeOf<Speaker>().toEqualTypeOf<z.infer<typeof schema.speakerSchema>>();
    expectTypeOf<SessionSettings>().toEqualTypeOf<z.infer<typeof schema.sessionSettingsSchema>>();
    expectTypeOf<ViewState>().toEqualTypeOf<z.infer<typeof schema.viewStateSchema>>();
    expectTypeOf<Article>().toEqualTypeOf<z.infer<typeof schema.articleSchemaZ>>();
    expectTypeOf<ArticleMeta>().toEqualTypeOf<z.infer<typeof schema.articleMetaSchema>>();
    expectTypeOf<Block>().toEqualTypeOf<z.infer<typeof schema.blockSchema>>();
    expectTypeOf<InlineMark>().toEqualTypeOf<z.infer<typeof schema.inlineMarkSchema>>();
    expectTypeOf<RatingScale>().toEqualTypeOf<z.infer<typeof schema.ratingScaleSchema>>();
    expectTypeOf<RatingStep>().toEqualTypeOf<z.infer<typeof schema.ratingStepSchema>>();
    expectTypeOf<SessionOp>().toEqualTypeOf<z.infer<typeof sessionOpSchema>>();
  });

  it('the records hold each other and the word lists, not loose strings', () => {
    expectTypeOf<Session['annotations'][number]>().toEqualTypeOf<Annotation>();
    expectTypeOf<Session['links'][number]>().toEqualTypeOf<Link>();
    expectTypeOf<Session['articles'][number]>().toEqualTypeOf<Article>();
    expectTypeOf<Session['scale']>().toEqualTypeOf<RatingScale>();
    expectTypeOf<Annotation['kind']>().toEqualTypeOf<AnnotationKind>();
    expectTypeOf<Annotation['verdict']>().toEqualTypeOf<Verdict | null>();
    expectTypeOf<Annotation['target']['status']>().toEqualTypeOf<AnchorStatus>();
    expectTypeOf<Link['relation']>().toEqualTypeOf<LinkRelation>();
    expectTypeOf<Session['schemaVersion']>().toEqualTypeOf<typeof schema.SCHEMA_VERSION>();
  });

  it('the contract carries the same ops and sessions', () => {
    expectTypeOf<ApiRequest<'sessions.apply'>['ops']>().toEqualTypeOf<SessionOp[]>();
    expectTypeOf<ApiResponses['sessions.open']['session']>().toEqualTypeOf<Session>();
    expectTypeOf<ApiResponses['sessions.addArticle']['ops']>().toEqualTypeOf<SessionOp[]>();
  });
});

describe('the op list', () => {
  it('SESSION_OP_NAMES holds exactly the op schema’s ops, each once', () => {
    const fromSchema = sessionOpSchema.options.map((o) => [...o.shape.op.values][0]);
    expect(new Set(fromSchema).size).toBe(fromSchema.length);
    expect([...SESSION_OP_NAMES].sort()).toEqual([...fromSchema].sort());
  });

  it('isSessionOpName knows the ops and nothing else', () => {
    for (const name of SESSION_OP_NAMES) expect(isSessionOpName(name)).toBe(true);
    for (const other of ['', 'annotation', 'annotation.patch', 'toString', '__proto__', 7, null])
      expect(isSessionOpName(other)).toBe(false);
  });
});
