/**
 * What each review command does in the session view, whichever way it was
 * given (an article key, a global key, a menu, a button). {@link runCommand}
 * is a plain function over a {@link CommandContext}: what the view holds now
 * (the editor, the open annotation, what is shown) and what it can do
 * (open an overlay, show a hint, …). It holds no state of its own, so it is
 * tested without a browser (tests/renderer/ui/session-commands.test.ts).
 *
 * Also here, as pure functions: which global shortcut a key press is
 * ({@link globalShortcut}), the step to the next or previous annotation
 * ({@link stepAnnotation}) and the screen-reader line for the caret
 * ({@link describeAt}).
 */
import type { Article } from '../../../shared/model/article';
import type { Session } from '../../../shared/model/session';
import { KIND_LABELS, type AnnotationKind } from '../../../shared/model/vocabulary';
import { quotationAround, sentenceAround } from '../../../shared/anchoring/text-units';
import { articleIndex } from '../../../shared/article/article-index';
import type { TextSpan } from '../../editor/article-editor';
import { SHORTCUTS, matchesKey, type ReviewCommand } from '../../editor/shortcuts';
import type { Overlay, Point } from './session-overlays';

/** The mark commands and the kind each one marks. */
export const MARK_COMMANDS: Partial<Record<ReviewCommand, AnnotationKind>> = {
  'mark-claim': 'claim',
  'mark-counter-statement': 'counter-statement',
  'mark-evidence': 'evidence',
  'mark-context': 'context',
};

/** The part of the article editor the commands use. */
export interface CommandEditor {
  readonly article: Article;
  caretOffset(): number;
  selectSpan(span: TextSpan): void;
  selectedSpan(): TextSpan | null;
  annotationsAtCaret(): string[];
  annotationOrder(): string[];
  reveal(id: string): boolean;
}

/** What a command may read and do. The view builds one per command from its latest state. */
export interface CommandContext {
  /** The mounted article editor, or null (then the article commands are not handled). */
  editor: CommandEditor | null;
  /** The session as it is now. */
  session: Session;
  /** Nothing can be changed (a newer version's file, or a crash recovery waits). */
  readOnly: boolean;
  /** Why, in words, for the hint. */
  lockedReason: string;
  /** The annotation open in the side panel. */
  activeId: string | null;
  /** The annotation waiting to be re-attached to a new selection. */
  reattachId: string | null;
  overlay: Overlay;
  findOpen: boolean;
  /** Where an overlay opened from the keyboard appears (under the caret). */
  caretPoint(): Point;
  /** Tell the reviewer something (an info notice). */
  hint(text: string): void;
  /** Mark the selection; the new annotation, or null (the reason was shown). */
  mark(kind: AnnotationKind): { id: string } | null;
  /** Open an annotation in the side panel. */
  activate(id: string): void;
  /** Put the focus in a field of the open annotation. */
  requestFocus(target: 'speaker' | 'verdict', id: string): void;
  /** Re-attach {@link reattachId} to the selection. */
  reattach(): void;
  /** Delete an annotation (asking first when it has links). */
  askDelete(id: string): void;
  setOverlay(overlay: Overlay): void;
  cancelReattach(): void;
  openFind(): void;
  closeFind(): void;
  /** Close the open annotation and show the dispute cards. */
  closeAnnotation(): void;
  undo(): { ok: true; label?: string } | { ok: false; message: string };
  redo(): { ok: true; label?: string } | { ok: false; message: string };
}

/** The open annotation, else the innermost one at the caret. */
function annotationAtCaret(ctx: CommandContext): string | null {
  if (ctx.activeId) return ctx.activeId;
  return ctx.editor?.annotationsAtCaret()[0] ?? null;
}

/**
 * Run one command. True when it was handled (the key press is then used up),
 * false when it does not apply here (no editor, or Escape with nothing to close).
 */
export function runCommand(cmd: ReviewCommand, ctx: CommandContext): boolean {
  const ed = ctx.editor;
  const kind = MARK_COMMANDS[cmd];
  if (kind) {
    if (ctx.readOnly) return (ctx.hint(ctx.lockedReason), true);
    const a = ctx.mark(kind);
    if (a) {
      ctx.activate(a.id);
      ctx.requestFocus('speaker', a.id);
    }
    return true;
  }
  switch (cmd) {
    case 'select-sentence':
    case 'select-quotation': {
      if (!ed) return false;
      const fn = cmd === 'select-sentence' ? sentenceAround : quotationAround;
      const span = fn(ed.article.text, ed.caretOffset());
      if (span) ed.selectSpan(span);
      else
        ctx.hint(
          cmd === 'select-sentence'
            ? 'There is no sentence at the caret.'
            : 'The caret is not inside a quotation.',
        );
      return true;
    }
    case 'open-annotation': {
      if (!ed) return false;
      if (ctx.reattachId && ed.selectedSpan()) return (ctx.reattach(), true);
      const ids = ed.annotationsAtCaret();
      if (!ids.length)
        return (
          ctx.hint('There is no annotation at the caret. Select text and press 1–4 to mark it.'),
          true
        );
      if (ids.length === 1) ctx.activate(ids[0]!);
      else ctx.setOverlay({ type: 'chooser', ids, point: ctx.caretPoint() });
      return true;
    }
    case 'link': {
      if (ctx.readOnly) return (ctx.hint(ctx.lockedReason), true);
      const id = annotationAtCaret(ctx);
      if (!id)
        return (
          ctx.hint(
            'Open an annotation first (put the caret in a highlight and press Enter), then press L to link it.',
          ),
          true
        );
      ctx.setOverlay({ type: 'link', fromId: id });
      return true;
    }
    case 'verdict': {
      const id = annotationAtCaret(ctx);
      const a = id ? ctx.session.annotations.find((x) => x.id === id) : undefined;
      if (!a || a.kind !== 'claim')
        return (ctx.hint('Verdicts belong to claims: open a claim, then press V.'), true);
      ctx.activate(a.id);
      ctx.requestFocus('verdict', a.id);
      return true;
    }
    case 'delete-annotation': {
      if (ctx.readOnly) return true;
      const id = annotationAtCaret(ctx);
      if (!id) return (ctx.hint('There is no annotation at the caret to delete.'), true);
      ctx.askDelete(id);
      return true;
    }
    case 'next-annotation':
    case 'previous-annotation': {
      if (!ed) return false;
      const order = ed.annotationOrder();
      if (!order.length) return (ctx.hint('This article has no annotations yet.'), true);
      const next = stepAnnotation(
        order,
        ctx.activeId,
        () => caretStarts(ctx.session, ed, order),
        ed.caretOffset(),
        cmd === 'next-annotation' ? 1 : -1,
      );
      ed.reveal(next);
      ctx.activate(next);
      return true;
    }
    case 'goto':
      ctx.setOverlay({ type: 'goto' });
      return true;
    case 'find':
      ctx.openFind();
      return true;
    case 'help':
      ctx.setOverlay({ type: 'help' });
      return true;
    case 'context-menu':
      if (!ed) return false;
      ctx.setOverlay({ type: 'context', ids: ed.annotationsAtCaret(), point: ctx.caretPoint() });
      return true;
    case 'escape':
      if (ctx.overlay) return (ctx.setOverlay(null), true);
      if (ctx.reattachId) return (ctx.cancelReattach(), true);
      if (ctx.findOpen) return (ctx.closeFind(), true);
      if (ctx.activeId) return (ctx.closeAnnotation(), true);
      return false;
    case 'undo':
    case 'redo': {
      const r = cmd === 'undo' ? ctx.undo() : ctx.redo();
      if (r.ok) ctx.hint(`${cmd === 'undo' ? 'Undone' : 'Redone'}: ${r.label}.`);
      else ctx.hint(r.message);
      return true;
    }
  }
  return false;
}

/** Canonical UTF-16 start offset of each annotation in `order`. */
function caretStarts(session: Session, ed: CommandEditor, order: string[]): number[] {
  const idx = articleIndex(ed.article);
  const byId = new Map(session.annotations.map((a) => [a.id, a]));
  return order.map((id) => idx.toUtf16(byId.get(id)!.target.position.start));
}

/**
 * The annotation to go to from the open one (or, when none is open or it is
 * not shown, from the caret), one step forward or back, wrapping around.
 * `starts` gives the start offset of each annotation of `order`; it is only
 * asked for when the caret decides.
 */
export function stepAnnotation(
  order: readonly string[],
  activeId: string | null,
  starts: () => number[],
  caret: number,
  dir: 1 | -1,
): string {
  let i = activeId ? order.indexOf(activeId) : -1;
  if (i === -1) {
    const s = starts();
    i = dir === 1 ? s.findIndex((x) => x > caret) - 1 : s.findIndex((x) => x >= caret);
    if (dir === 1 && i === -2) i = order.length - 1;
    if (dir === -1 && i === -1) i = order.length;
  }
  return order[(i + dir + order.length) % order.length]!;
}

/**
 * The global shortcut a key press gives, or null. Outside the article the
 * keys that mean something in a text field (undo, redo, `?`, `/`, Escape)
 * are left to the field.
 */
export function globalShortcut(e: KeyboardEvent, inField: boolean): ReviewCommand | null {
  for (const s of SHORTCUTS) {
    if (s.scope !== 'global') continue;
    const key = s.keys.find((k) => matchesKey(e, k));
    if (!key) continue;
    if (
      inField &&
      (s.command === 'undo' ||
        s.command === 'redo' ||
        key === '?' ||
        key === '/' ||
        s.command === 'escape')
    )
      return null;
    return s.command;
  }
  return null;
}

/**
 * What the caret is in, for screen readers (highlights are painted, not in
 * the DOM): "In Claim by Ann, inside Context. Press Enter to open.", or ''.
 */
export function describeAt(session: Session, ids: string[]): string {
  const parts = ids.map((id) => {
    const a = session.annotations.find((x) => x.id === id);
    if (!a) return '';
    const who = a.speakerId ? session.speakers.find((x) => x.id === a.speakerId)?.name : undefined;
    return `${KIND_LABELS[a.kind]}${who ? ` by ${who}` : ''}`;
  });
  const list = parts.filter(Boolean);
  return list.length ? `In ${list.join(', inside ')}. Press Enter to open.` : '';
}
