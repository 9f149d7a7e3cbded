/**
 * The review session: what a session file holds (schemaVersion 1).
 *
 * A session owns snapshots of its articles (their canonical text travels with
 * the annotations), its speakers, annotations, links, rating scale and
 * settings, and the view state that lets a reopened session look exactly as
 * it was left. `revision` counts committed changes; the store uses it to
 * order journal entries.
 */
import type { Article } from './article';
import type { AnnotationKind, LinkRelation, RatingScale } from './vocabulary';
import { DEFAULT_SCALE } from './vocabulary';
import { newId, nowIso } from './ids';

/** The session file format this build writes. Older versions are migrated on load. */
export const SCHEMA_VERSION = 1;

/** W3C TextQuoteSelector: the quoted text with a little context either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector. Offsets count Unicode code points; `end` is exclusive. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/**
 * How an annotation relates to its article's current text (the one list; the
 * schema and every export read it from here):
 * - `anchored`: at the place where it was marked, or confirmed by a reviewer;
 * - `moved`: after a re-import, the same exact quote was found at another place;
 * - `changed`: after a re-import (or a W3C import), only a passage whose wording
 *   differs was found. The quote now holds the new wording and `was` the
 *   wording as marked; it stays flagged until a reviewer confirms it or
 *   re-attaches the annotation;
 * - `orphaned`: not found; kept, listed apart, re-attachable.
 */
export const ANCHOR_STATUSES = ['anchored', 'moved', 'changed', 'orphaned'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

/** What the UI, the reports and the CSV call each status. */
export const ANCHOR_STATUS_LABELS: Record<AnchorStatus, string> = {
  anchored: 'Anchored',
  moved: 'Moved',
  changed: 'Changed: confirm',
  orphaned: 'Not found',
};

export interface AnnotationTarget {
  articleId: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  status: AnchorStatus;
  /**
   * The quote as the reviewer marked it, kept when a re-import found only a
   * passage with other wording (status `changed`, or `orphaned` after that).
   * Absent otherwise; confirming or re-attaching removes it.
   */
  was?: string;
}

/** A verdict on a claim: a step of the session's scale and the reasons for it. */
export interface Verdict {
  stepId: string;
  rationale: string;
}

/** A marked passage. */
export interface Annotation {
  id: string;
  kind: AnnotationKind;
  target: AnnotationTarget;
  speakerId: string | null;
  note: string;
  tags: string[];
  /** Claims only; null when not yet rated. */
  verdict: Verdict | null;
  /** Who made the annotation (the session's reviewer name at the time). */
  reviewer: string;
  created: string;
  modified: string;
}

/** A typed, directed relation: `from` {relation} `to`, e.g. a denial `contradicts` a claim. */
export interface Link {
  id: string;
  from: string;
  to: string;
  relation: LinkRelation;
  note: string;
  reviewer: string;
  created: string;
  modified: string;
}

/** Someone whose statements are annotated. Aliases catch other spellings ("Sergei"/"Sergey"). */
export interface Speaker {
  id: string;
  name: string;
  kind: 'person' | 'organization';
  role: string;
  organisation: string;
  aliases: string[];
}

/** Per-session settings, including what publishing a ClaimReview needs. */
export interface SessionSettings {
  /** Name recorded on new annotations. */
  reviewer: string;
  /** The fact-checking organisation (ClaimReview `author`). */
  organisationName: string;
  organisationUrl: string;
  /** Absolute http(s) URL under which the fact check is published; ClaimReview `url` = base + claim id. */
  publicationBaseUrl: string;
  /** Methodology note printed in reports. */
  methodology: string;
}

/** Where the reviewer was: restored exactly on reopen. */
export interface ViewState {
  openArticleId: string | null;
  /** Scroll offset of each article's reading pane, in CSS pixels, by article id. */
  scroll: Record<string, number>;
}

/**
 * A claim suggestion the reviewer dismissed (issue 13): it stays dismissed in
 * this session. It is recognised by its article and its exact sentence text,
 * so it stays dismissed when a re-import moves the sentence.
 */
export interface DismissedSuggestion {
  id: string;
  articleId: string;
  /** The suggested sentence, exactly. */
  text: string;
  /** Where it was, in code points, when dismissed. */
  start: number;
  end: number;
  reviewer: string;
  at: string;
}

/** One review session, as stored. */
export interface Session {
  schemaVersion: typeof SCHEMA_VERSION;
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  revision: number;
  settings: SessionSettings;
  scale: RatingScale;
  articles: Article[];
  speakers: Speaker[];
  annotations: Annotation[];
  links: Link[];
  view: ViewState;
  /** Claim suggestions dismissed in this session (absent: none). */
  dismissed?: DismissedSuggestion[];
}

/** The default methodology note of a new session. */
export const DEFAULT_METHODOLOGY =
  'Each claim was checked against the statements and evidence linked to it. Verdicts use the rating scale shown below; the rationale under each verdict gives the reasons. Quotations are exact; positions refer to the article text as archived with its SHA-256.';

/** A new, empty session holding the given article snapshots; the first is opened. */
export function createSession(name: string, articles: Article[], reviewer = ''): Session {
  const now = nowIso();
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
