/**
 * Notices that belong to one open session. A notice whose buttons act on
 * the session ("Undo", "Add to this session") must not outlive it: once the
 * reviewer leaves the session (or it is replaced, e.g. reloaded after a
 * conflict), its buttons would act on a session that is no longer open and
 * do nothing. So the session view shows its notices through this wrapper,
 * and those with actions are taken away when the session goes.
 *
 * Also the "Deleted … Undo" toast ({@link offerUndo}): its Undo undoes
 * exactly the change it announced, so it is offered only while that change
 * is the latest one; any later change to the session takes the toast away.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { useNotices, type NoticeApi } from '../notices';
import type { SessionController } from '../../state/session-controller';

export interface SessionNotices extends NoticeApi {
  /** Take away every notice with actions shown through this wrapper. */
  dismissActions(): void;
}

/** Wrap the app's notices so those with actions can be taken away together. */
export function createSessionNotices(notices: NoticeApi): SessionNotices {
  const withActions = new Set<number>();
  const show: NoticeApi['show'] = (n) => {
    const id = notices.show(n);
    if (n.actions?.length) withActions.add(id);
    return id;
  };
  return {
    show,
    dismiss: (id) => {
      withActions.delete(id);
      notices.dismiss(id);
    },
    info: (text, actions) => show({ tone: 'info', text, actions }),
    error: (text, detail, actions) => show({ tone: 'error', text, detail, actions }),
    dismissActions: () => {
      for (const id of withActions) notices.dismiss(id);
      withActions.clear();
    },
  };
}

/**
 * The notices of one session view: a fresh wrapper per `scope` (the
 * session's controller), whose notices with actions go when the scope
 * changes or the view unmounts.
 */
export function useSessionNotices(scope: unknown): SessionNotices {
  const notices = useNotices();
  const scoped = useMemo(() => createSessionNotices(notices), [notices, scope]);
  useEffect(() => () => scoped.dismissActions(), [scoped]);
  return scoped;
}

/**
 * Announce a change just applied with an Undo button that undoes it. The
 * toast goes as soon as anything else changes the session (an edit, an
 * undo or redo: view-only changes such as scrolling do not count), because
 * its Undo would then undo something else.
 */
export function offerUndo(controller: SessionController, notices: NoticeApi, text: string): void {
  let off: () => void = () => undefined;
  const id = notices.show({
    tone: 'info',
    text,
    actions: [
      {
        label: 'Undo',
        run: () => {
          off();
          const r = controller.undo();
          notices.info(r.ok ? `Undone: ${r.label}.` : r.message);
        },
      },
    ],
  });
  off = controller.subscribe((e) => {
    if (e.ops.every((o) => o.op === 'view.put')) return;
    off();
    notices.dismiss(id);
  });
}
