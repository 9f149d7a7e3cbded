/**
 * The plain model of a review: what the reviewer did, and nothing the app
 * computes. Annotations are known by handles (`a1`, `a2`, … in the order they
 * were made) with the passage as canonical UTF-16 offsets of their article,
 * the kind, the speaker by name, the note and the verdict; links by their two
 * handles, relation and note; speakers by name. Undo and redo restore whole
 * snapshots: every change the app records as one undo step is one snapshot
 * here, and a reload forgets them, as the app does.
 *
 * The app's ids are learnt once (`ids`: the annotation a mark created) and
 * only used to read the stored session; everything compared is the model's.
 */
import { DEFAULT_SCALE } from '../../shared/model/rating-scale';
import type { AnnotationKind, LinkRelation } from '../../shared/model/vocabulary';

export interface ModelArticle {
  /** The app's id of the article (learnt at set-up). */
  id: string;
  title: string;
  text: string;
  /** Canonical ranges shown in the article, in document order (a tweet gives two). */
  segments: { start: number; end: number; kind: string }[];
}

export interface ModelAnnotation {
  handle: string;
  article: number;
  kind: AnnotationKind;
  start: number;
  end: number;
  speaker: string | null;
  note: string;
  verdict: { stepId: string; rationale: string } | null;
  /** Order of making (ties of position are shown oldest first). */
  made: number;
}

export interface ModelLink {
  from: string;
  to: string;
  relation: LinkRelation;
  note: string;
}

export interface ModelState {
  annotations: ModelAnnotation[];
  links: ModelLink[];
  speakers: string[];
}

/** Labels of the default rating scale, by step id. */
export const STEP_LABELS = new Map(DEFAULT_SCALE.steps.map((s) => [s.id, s.label]));
export const STEP_IDS = DEFAULT_SCALE.steps.map((s) => s.id);

/** The reviewer's world: the articles, the record, undo/redo, and what is open. */
export class Model {
  state: ModelState = { annotations: [], links: [], speakers: [] };
  undoStack: ModelState[] = [];
  redoStack: ModelState[] = [];
  /** Index of the article shown. */
  openArticle = 0;
  /** Handle → the app's annotation id. */
  readonly ids = new Map<string, string>();
  private nextHandle = 1;

  constructor(readonly articles: ModelArticle[]) {}

  newHandle(): string {
    return `a${this.nextHandle++}`;
  }

  get(handle: string): ModelAnnotation | undefined {
    return this.state.annotations.find((a) => a.handle === handle);
  }

  quote(a: Pick<ModelAnnotation, 'article' | 'start' | 'end'>): string {
    return this.articles[a.article]!.text.slice(a.start, a.end);
  }

  /** Record one undoable change: `change` gets a copy of the state to edit. */
  change(change: (s: ModelState) => void): void {
    this.undoStack.push(this.state);
    this.redoStack = [];
    const next = clone(this.state);
    change(next);
    this.state = next;
  }

  undo(): boolean {
    const prev = this.undoStack.pop();
    if (!prev) return false;
    this.redoStack.push(this.state);
    this.state = prev;
    return true;
  }

  redo(): boolean {
    const next = this.redoStack.pop();
    if (!next) return false;
    this.undoStack.push(this.state);
    this.state = next;
    return true;
  }

  /** A reload or reopen: the app starts a new undo history. */
  forgetHistory(): void {
    this.undoStack = [];
    this.redoStack = [];
  }

  /** Would `linkAnnotations` refuse this link as a duplicate? (The rule the app states in words.) */
  isDuplicateLink(from: string, to: string, relation: LinkRelation): boolean {
    return this.state.links.some(
      (l) =>
        l.relation === relation &&
        ((l.from === from && l.to === to) ||
          (relation === 'same-claim-as' && l.from === to && l.to === from)),
    );
  }

  /** Annotations of one article in document order (start, longer first, older first). */
  inOrder(article?: number): ModelAnnotation[] {
    return this.state.annotations
      .filter((a) => article === undefined || a.article === article)
      .sort(
        (x, y) => x.article - y.article || x.start - y.start || y.end - x.end || x.made - y.made,
      );
  }
}

function clone(s: ModelState): ModelState {
  return {
    annotations: s.annotations.map((a) => ({ ...a, verdict: a.verdict && { ...a.verdict } })),
    links: s.links.map((l) => ({ ...l })),
    speakers: [...s.speakers],
  };
}

/** Code-point offset of a UTF-16 offset (positions are stored in code points). */
export function codePointOffset(text: string, offset16: number): number {
  let n = 0;
  for (let i = 0; i < offset16; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < offset16) i++;
    n++;
  }
  return n;
}

/** Whitespace folded, quotation marks and ellipses at the ends dropped: text as compared on screen. */
export function screenText(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[“”"‘’'«»]+|[“”"‘’'«»…]+$/gu, '')
    .replace(/…$/u, '')
    .trim();
}
