/**
 * The open annotation: its kind, anchor status and quote, speaker, verdict
 * (claims), note, tags, links (relation, direction, note) and who made it
 * when. Every edit is one undoable change; text fields commit when they lose
 * focus or on Ctrl/Cmd+Enter.
 */
import { useState } from 'preact/hooks';
import type { Annotation, Session, Speaker } from '../../../shared/model/session';
import {
  ANNOTATION_KINDS,
  KIND_LABELS,
  type AnnotationKind,
} from '../../../shared/model/vocabulary';
import type { ReviewActions } from './review-actions';
import { SpeakerPicker } from './speaker-picker';
import type { SpeakerSuggestion } from '../../../shared/suggest/speaker-suggest';
import { SpeakerForm } from './speaker-form';
import { VerdictEditor } from './verdict-editor';
import { AnchorStatusChip, AnchorStatusNotice } from './anchor-status';
import { formatDateTime, shorten } from '../format';
import { shortcutLabel, withShortcut } from '../../editor/shortcuts';
import { showInvisibles } from '../../../shared/text/visible-text';
import { LinkRow } from './link-row';
import { NoteField, TagsField } from './annotation-fields';

export interface AnnotationDetailProps {
  annotation: Annotation;
  session: Session;
  /** Names the text gives for this statement's speaker, best first (issue 13). */
  speakerSuggestions?: readonly SpeakerSuggestion[];
  actions: ReviewActions;
  readOnly: boolean;
  focus: { target: 'speaker' | 'verdict' | null; token: number };
  /** The requested field took focus. */
  onFocusHandled: () => void;
  onReveal: (id: string) => void;
  onLink: (id: string) => void;
  onDelete: (id: string) => void;
  onReattach: (id: string) => void;
  /** Hand focus back to the article. */
  onDone: () => void;
  onClose: () => void;
}

export function AnnotationDetail(props: AnnotationDetailProps) {
  const { annotation: a, session, actions, readOnly, focus } = props;
  const speaker = a.speakerId ? (session.speakers.find((s) => s.id === a.speakerId) ?? null) : null;
  const [editingSpeaker, setEditingSpeaker] = useState<Speaker | null>(null);
  const links = session.links.filter((l) => l.from === a.id || l.to === a.id);
  const article = session.articles.find((x) => x.id === a.target.articleId);

  return (
    <section
      class={`detail detail-${a.kind}`}
      aria-label={`${KIND_LABELS[a.kind]} details`}
      data-testid="annotation-detail"
    >
      <header class="detail-header">
        <label class="kind-select">
          <span class="visually-hidden">Kind</span>
          <select
            class={`select kind-${a.kind}`}
            value={a.kind}
            disabled={readOnly}
            onChange={(e) =>
              actions.edit(a.id, { kind: e.currentTarget.value as AnnotationKind }, 'Change kind')
            }
          >
            {ANNOTATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <AnchorStatusChip status={a.target.status} />
        <button
          type="button"
          class="icon-button"
          aria-label="Close annotation"
          title="Close (Escape)"
          onClick={props.onClose}
        >
          ×
        </button>
      </header>

      <blockquote class="detail-quote">
        <button
          type="button"
          class="quote-button"
          onClick={() => props.onReveal(a.id)}
          title="Show in the article"
          disabled={a.target.status === 'orphaned'}
        >
          {shorten(a.target.quote.exact, 400)}
        </button>
      </blockquote>
      {session.articles.length > 1 && article ? (
        <p class="muted small">In “{showInvisibles(article.meta.title)}”</p>
      ) : null}
      <AnchorStatusNotice
        annotation={a}
        readOnly={readOnly}
        onConfirm={(id) => actions.confirmAnchor(id)}
        onReattach={props.onReattach}
      />

      <div class="detail-section">
        <h3 class="detail-label">Speaker</h3>
        {editingSpeaker ? (
          <SpeakerForm
            speaker={editingSpeaker}
            onCancel={() => setEditingSpeaker(null)}
            onSave={(s) => {
              if (actions.saveSpeaker(s)) setEditingSpeaker(null);
            }}
          />
        ) : (
          <SpeakerPicker
            speakers={session.speakers}
            current={speaker}
            suggestions={props.speakerSuggestions}
            disabled={readOnly}
            focusToken={focus.target === 'speaker' ? focus.token : 0}
            onFocused={props.onFocusHandled}
            onPick={(choice) => actions.setSpeaker(a.id, choice)}
            onDone={props.onDone}
            onEdit={setEditingSpeaker}
          />
        )}
      </div>

      {a.kind === 'claim' ? (
        <div class="detail-section">
          <h3 class="detail-label">Verdict</h3>
          <VerdictEditor
            key={a.id}
            scale={session.scale}
            verdict={a.verdict}
            readOnly={readOnly}
            focusToken={focus.target === 'verdict' ? focus.token : 0}
            onFocused={props.onFocusHandled}
            onSave={(v) => actions.verdict(a.id, v)}
            onDone={props.onDone}
          />
        </div>
      ) : null}

      <div class="detail-section">
        <h3 class="detail-label">
          Links{' '}
          {!readOnly ? (
            <button
              type="button"
              class="button button-small"
              onClick={() => props.onLink(a.id)}
              title={withShortcut('Link to another annotation', 'link')}
            >
              Link to…
            </button>
          ) : null}
        </h3>
        {links.length ? (
          <ul class="link-list">
            {links.map((l) => (
              <LinkRow
                key={l.id}
                link={l}
                self={a}
                session={session}
                actions={actions}
                readOnly={readOnly}
                onReveal={props.onReveal}
              />
            ))}
          </ul>
        ) : (
          <p class="muted small">
            Not linked yet. Press {shortcutLabel('link')} in the article to link it.
          </p>
        )}
      </div>

      <NoteField
        key={`note-${a.id}`}
        label="Note"
        value={a.note}
        readOnly={readOnly}
        onCommit={(note) => actions.edit(a.id, { note }, 'Edit note')}
      />
      <TagsField
        key={`tags-${a.id}`}
        tags={a.tags}
        readOnly={readOnly}
        onCommit={(tags) => actions.edit(a.id, { tags }, 'Edit tags')}
      />

      <dl class="detail-meta">
        <div>
          <dt>Reviewer</dt>
          <dd>{a.reviewer || 'not set'}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(a.created)}</dd>
        </div>
        <div>
          <dt>Modified</dt>
          <dd>{formatDateTime(a.modified)}</dd>
        </div>
      </dl>
      {!readOnly ? (
        <button
          type="button"
          class="button button-danger-quiet"
          onClick={() => props.onDelete(a.id)}
          title={withShortcut('Delete this annotation', 'delete-annotation')}
        >
          Delete annotation
        </button>
      ) : null}
    </section>
  );
}
