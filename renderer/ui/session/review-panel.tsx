/**
 * The session's side panel: three tabs, the dispute cards, the open
 * annotation (named after its kind; disabled while none is open) and the claim
 * suggestions (issue 13, with their count while the layer is shown). Which tab
 * shows, the open annotation and the filter are the view's state; this part
 * lays them out.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Annotation, Session } from '../../../shared/model/session';
import { KIND_LABELS } from '../../../shared/model/vocabulary';

export type PanelTab = 'disputes' | 'annotation' | 'suggestions';

/** A request to focus a field of the open annotation; cleared once the field took focus. */
export interface FocusRequest {
  target: 'speaker' | 'verdict' | null;
  token: number;
  /** The annotation whose field should take focus. */
  id: string | null;
}

export const NO_FOCUS_REQUEST: FocusRequest = { target: null, token: 0, id: null };

/**
 * The open annotation and the shown tab. Opening an annotation shows its tab;
 * closing it (or its deletion) shows the dispute cards again. A focus request
 * asks the open annotation's speaker or verdict field to take the focus.
 */
export function useOpenAnnotation(session: Session) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const [tab, setTab] = useState<PanelTab>('disputes');
  const [focusReq, setFocusReq] = useState<FocusRequest>(NO_FOCUS_REQUEST);
  const active = activeId ? (session.annotations.find((a) => a.id === activeId) ?? null) : null;
  const close = () => {
    setActiveId(null);
    setTab('disputes');
  };
  useEffect(() => {
    if (activeId && !active) close();
  }, [activeId, active]);
  return {
    activeId,
    active,
    tab,
    setTab,
    /** Mark an annotation as the open one without showing its tab (a dispute card's reveal). */
    setActiveId,
    open: (id: string) => {
      setActiveId(id);
      setTab('annotation');
    },
    close,
    /** The focus request for `active`'s fields (none when it was made for another annotation). */
    focus: active && focusReq.id === active.id ? focusReq : NO_FOCUS_REQUEST,
    requestFocus: (target: 'speaker' | 'verdict', id: string) =>
      setFocusReq((f) => ({ target, token: f.token + 1, id })),
    focusHandled: () => setFocusReq((f) => (f.target ? { ...f, target: null, id: null } : f)),
  };
}

export function ReviewPanel({
  tab,
  onTab,
  active,
  suggestionCount,
  children,
}: {
  tab: PanelTab;
  onTab: (tab: PanelTab) => void;
  /** The open annotation, or null. */
  active: Annotation | null;
  /** How many claim suggestions the layer shows, or null while it is hidden. */
  suggestionCount: number | null;
  /** The body of the shown tab. */
  children: ComponentChildren;
}) {
  return (
    <aside class="side-panel" aria-label="Review panel">
      <div class="panel-tabs" role="tablist" aria-label="Side panel">
        <button
          type="button"
          role="tab"
          id="tab-disputes"
          aria-selected={tab === 'disputes'}
          aria-controls="panel-body"
          class={`panel-tab ${tab === 'disputes' ? 'is-active' : ''}`}
          onClick={() => onTab('disputes')}
        >
          Disputes
        </button>
        <button
          type="button"
          role="tab"
          id="tab-annotation"
          aria-selected={tab === 'annotation'}
          aria-controls="panel-body"
          class={`panel-tab ${tab === 'annotation' ? 'is-active' : ''}`}
          onClick={() => onTab('annotation')}
          disabled={!active}
        >
          {active ? KIND_LABELS[active.kind] : 'Annotation'}
        </button>
        <button
          type="button"
          role="tab"
          id="tab-suggestions"
          aria-selected={tab === 'suggestions'}
          aria-controls="panel-body"
          class={`panel-tab ${tab === 'suggestions' ? 'is-active' : ''}`}
          onClick={() => onTab('suggestions')}
          data-testid="tab-suggestions"
        >
          Suggestions{suggestionCount !== null ? ` (${suggestionCount})` : ''}
        </button>
      </div>
      <div class="panel-body" id="panel-body" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {children}
      </div>
    </aside>
  );
}
