/**
 * A modal dialog on the native <dialog> element: focus moves in and is
 * trapped by the browser, Escape closes, and focus returns to where it was.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** Extra class for sizing (`dialog-wide`). */
  class?: string;
  /** Describe the dialog with its first paragraph. */
  describedBy?: string;
}

export function Dialog({ title, onClose, children, class: cls, describedBy }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  // Layout effect: the dialog (and its autofocus field) takes focus before the next key arrives.
  useLayoutEffect(() => {
    const d = ref.current!;
    const previous = document.activeElement as HTMLElement | null;
    if (!d.open) d.showModal();
    const onCancel = (e: Event) => {
      e.preventDefault();
      closeRef.current();
    };
    d.addEventListener('cancel', onCancel);
    return () => {
      d.removeEventListener('cancel', onCancel);
      if (d.open) d.close();
      if (previous && previous.isConnected) previous.focus();
    };
  }, []);
  const titleId = `dlg-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <dialog
      ref={ref}
      class={`dialog ${cls ?? ''}`}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
    >
      <header class="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          class="icon-button"
          aria-label="Close"
          title="Close (Escape)"
          onClick={() => closeRef.current()}
        >
          ×
        </button>
      </header>
      <div class="dialog-body">{children}</div>
    </dialog>
  );
}

export interface ConfirmProps {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A yes/no question. The safe answer (Cancel) is focused first. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  danger,
  onConfirm,
  onCancel,
}: ConfirmProps) {
  return (
    <Dialog title={title} onClose={onCancel} describedBy="confirm-message">
      <p id="confirm-message">{message}</p>
      <div class="dialog-actions">
        <button type="button" class="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          class={`button ${danger ? 'button-danger' : 'button-primary'}`}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
