/**
 * What the reviewer's commands do, whichever way they were given (key,
 * floating toolbar, context menu, panel button): each builds an op batch with
 * the pure builders in `shared/review/annotation-edits.ts`, applies it
 * through the session controller (one undo step, autosaved) and reports a
 * refusal in words.
 */
import type { Annotation, Link, Speaker, Verdict } from '../../../shared/model/session';
import type { AnnotationKind, LinkRelation } from '../../../shared/model/vocabulary';
import { KIND_LABELS, RELATION_LABELS } from '../../../shared/model/vocabulary';
import {
  EMPTY_SELECTION_HINT,
  deleteAnnotation,
  editAnnotation,
  editLink,
  linkAnnotations,
  markPassage,
  putSpeaker,
  reattachAnnotation,
  setVerdict,
  unlink,
  type AnnotationPatch,
} from '../../../shared/review/annotation-edits';
import { confirmChangedAnchor } from '../../../shared/review/confirm-anchor';
import { nowIso } from '../../../shared/model/ids';
import type { SessionOp } from '../../../shared/session/session-ops';
import type { SessionController } from '../../state/session-controller';
import type { ArticleEditor } from '../../editor/article-editor';
import type { NoticeApi } from '../notices';
import { offerUndo } from './session-notices';

export interface ActionContext {
  controller: SessionController;
  notices: NoticeApi;
  editor: () => ArticleEditor | null;
}

export type Done<T = void> = { ok: true; value: T } | { ok: false };

export function createReviewActions({ controller, notices, editor }: ActionContext) {
  const apply = (ops: SessionOp[], label: string): boolean => {
    const r = controller.apply(ops, label);
    if (!r.ok) notices.error(r.message);
    return r.ok;
  };
  const refuse = (message: string): false => {
    notices.show({ tone: 'warning', text: message });
    return false;
  };

  return {
    /** Mark the editor's selection as a new annotation. Returns the new annotation, or null with a hint. */
    mark(kind: AnnotationKind): Annotation | null {
      const ed = editor();
      if (!ed) return null;
      const span = ed.selectedSpan();
      if (!span) {
        refuse(EMPTY_SELECTION_HINT);
        return null;
      }
      const r = markPassage(
        controller.session,
        { articleId: ed.article.id, start16: span.start, end16: span.end, kind },
        nowIso(),
      );
      if (!r.ok) {
        refuse(r.message);
        return null;
      }
      return apply(r.ops, `Mark as ${KIND_LABELS[kind]}`) ? r.annotation : null;
    },

    /** Re-attach an (orphaned) annotation to the editor's selection. */
    reattach(id: string): boolean {
      const ed = editor();
      const span = ed?.selectedSpan();
      if (!ed || !span)
        return refuse('Select the text this annotation now refers to, then re-attach it.');
      const r = reattachAnnotation(
        controller.session,
        id,
        { articleId: ed.article.id, start16: span.start, end16: span.end },
        nowIso(),
      );
      if (!r.ok) return refuse(r.message);
      return apply(r.ops, 'Re-attach annotation');
    },

    /** Confirm a `changed` anchor: the text it now points at is the passage that was marked. */
    confirmAnchor(id: string): boolean {
      const r = confirmChangedAnchor(controller.session, id, nowIso());
      if (!r.ok) return refuse(r.message);
      return apply(r.ops, 'Confirm changed passage');
    },

    edit(id: string, patch: AnnotationPatch, label: string): boolean {
      const r = editAnnotation(controller.session, id, patch, nowIso());
      if (!r.ok) return refuse(r.message);
      return r.ops.length ? apply(r.ops, label) : true;
    },

    verdict(id: string, verdict: Verdict | null): boolean {
      const r = setVerdict(controller.session, id, verdict, nowIso());
      if (!r.ok) return refuse(r.message);
      return r.ops.length ? apply(r.ops, verdict ? 'Set verdict' : 'Clear verdict') : true;
    },

    /** Give an annotation a speaker, adding the speaker to the session first when new (one undo step). */
    setSpeaker(
      id: string,
      speaker:
        | Speaker
        | { newName: string; kind?: Speaker['kind']; role?: string; organisation?: string }
        | null,
    ): boolean {
      const ops: SessionOp[] = [];
      let speakerId: string | null = null;
      if (speaker && 'newName' in speaker) {
        // A suggested name comes with the kind, role and organisation the article gives (issue 13).
        const { newName, ...known } = speaker;
        const s = putSpeaker(controller.session, { name: newName, ...known });
        if (!s.ok) return refuse(s.message);
        ops.push(...s.ops);
        speakerId = s.speaker.id;
      } else speakerId = speaker?.id ?? null;
      const prev = controller.session.annotations.find((a) => a.id === id);
      if (!prev) return refuse('That annotation no longer exists.');
      ops.push({ op: 'annotation.put', annotation: { ...prev, speakerId, modified: nowIso() } });
      return apply(ops, speakerId ? 'Set speaker' : 'Clear speaker');
    },

    /** Add or change a speaker record. */
    saveSpeaker(input: Partial<Speaker> & { name: string }): Speaker | null {
      const r = putSpeaker(controller.session, input);
      if (!r.ok) {
        refuse(r.message);
        return null;
      }
      return apply(r.ops, input.id ? 'Edit speaker' : 'Add speaker') ? r.speaker : null;
    },

    deleteSpeaker(id: string): boolean {
      return apply([{ op: 'speaker.delete', id }], 'Delete speaker');
    },

    link(from: string, to: string, relation: LinkRelation, note = ''): Link | null {
      const r = linkAnnotations(controller.session, { from, to, relation, note }, nowIso());
      if (!r.ok) {
        refuse(r.message);
        return null;
      }
      if (!apply(r.ops, `Link: ${RELATION_LABELS[relation]}`)) return null;
      notices.show({ tone: 'success', text: `Linked: ${RELATION_LABELS[relation]}.` });
      return r.link;
    },

    editLink(id: string, patch: Parameters<typeof editLink>[2], label: string): boolean {
      const r = editLink(controller.session, id, patch, nowIso());
      if (!r.ok) return refuse(r.message);
      return apply(r.ops, label);
    },

    unlink(id: string): boolean {
      const r = unlink(controller.session, id);
      if (!r.ok) return refuse(r.message);
      return apply(r.ops, 'Remove link');
    },

    /** Links touching an annotation (so the UI can ask before deleting). */
    linkCount(id: string): number {
      return controller.session.links.filter((l) => l.from === id || l.to === id).length;
    },

    delete(id: string): boolean {
      const r = deleteAnnotation(controller.session, id);
      if (!r.ok) return refuse(r.message);
      const ok = apply(r.ops, 'Delete annotation');
      if (ok)
        offerUndo(
          controller,
          notices,
          r.linkCount
            ? `Deleted the annotation and its ${r.linkCount === 1 ? 'link' : `${r.linkCount} links`}.`
            : 'Deleted the annotation.',
        );
      return ok;
    },
  };
}

export type ReviewActions = ReturnType<typeof createReviewActions>;
