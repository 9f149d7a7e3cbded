/**
 * The review session: a new session and its defaults, and the summary the
 * session list shows.
 *
 * What a session file holds (schemaVersion 1) is declared once, as zod schemas
 * in `session-schema.ts`; the record types (`Session`, `Annotation`, `Link`,
 * `Speaker`, `Verdict`, …) are inferred there and re-exported here, so a module
 * that only needs the types never loads zod.
 */
import type { Article } from './article';
import { SCHEMA_VERSION, type RatingScale, type Session } from './session-schema';
import { DEFAULT_SCALE } from './rating-scale';
import { newId, nowIso } from './ids';

export type {
  Annotation,
  DismissedSuggestion,
  AnnotationTarget,
  Link,
  Session,
  SessionSettings,
  Speaker,
  TextPositionSelector,
  TextQuoteSelector,
  Verdict,
  ViewState,
} from './session-schema';
export type { AnchorStatus } from './vocabulary';

/** The default methodology note of a new session. */
export const DEFAULT_METHODOLOGY =
  'Each claim was checked against the statements and evidence linked to it. Verdicts use the rating scale shown below; the rationale under each verdict gives the reasons. Quotations are exact; positions refer to the article text as archived with its SHA-256.';

/**
 * A new, empty session holding the given article snapshots; the first is
 * opened. `now` stamps `createdAt` and `updatedAt` (the service passes its clock).
 */
export function createSession(
  name: string,
  articles: Article[],
  reviewer = '',
  now: string = nowIso(),
): Session {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: newId(),
    name,
    createdAt: now,
    updatedAt: now,
    revision: 0,
    settings: {
      reviewer,
      organisationName: '',
      organisationUrl: '',
      publicationBaseUrl: '',
      methodology: DEFAULT_METHODOLOGY,
    },
    scale: structuredCloneScale(DEFAULT_SCALE),
    articles,
    speakers: [],
    annotations: [],
    links: [],
    view: { openArticleId: articles[0]?.id ?? null, scroll: {} },
  };
}

function structuredCloneScale(s: RatingScale): RatingScale {
  return { ...s, steps: s.steps.map((x) => ({ ...x })) };
}

/** Summary of a session for the session list. */
export interface SessionSummary {
  id: string;
  name: string;
  updatedAt: string;
  createdAt: string;
  articleTitles: string[];
  /** The ids of the session's articles (library ids for articles added from the library). */
  articleIds?: string[];
  /** The SHA-256 of each article's text, so the same article imported twice is recognised. */
  articleHashes?: string[];
  /** The reviewer named in the session's settings. */
  reviewer?: string;
  annotationCount: number;
  linkCount: number;
  /** `ok`; `read-only` (written by a newer version); `damaged` (see `problem`). */
  status: 'ok' | 'read-only' | 'damaged';
  /** Why a session is damaged or read-only, in words. */
  problem?: string;
  /** A valid backup exists that can replace a damaged file. */
  backupAvailable?: boolean;
  /** The session was not closed cleanly and has journaled changes to offer back. */
  recoveryAvailable?: boolean;
}
