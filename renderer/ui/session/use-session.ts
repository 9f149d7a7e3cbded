/**
 * The open session as the view sees it: one {@link SessionController} per
 * opened session, its session and save state as Preact state (re-rendered on
 * every change), what the last op batch changed in the annotation list (so
 * the editor updates in O(changes)), and the session's notices. When the view
 * goes (or the session is replaced), what is queued is saved and the
 * controller is let go.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AppInfo, OpenedSession } from '../../../shared/api/contract';
import type { ApiClient } from '../../../shared/api/contract';
import {
  annotationChanges,
  type AnnotationChanges,
} from '../../../shared/review/annotation-changes';
import type { HostPlatform } from '../../api/platform';
import { SessionController, type SaveState } from '../../state/session-controller';
import { announceReplay } from './kept-edits-notice';
import { useSessionNotices } from './session-notices';

export function useSession(
  client: ApiClient,
  platform: HostPlatform,
  info: AppInfo | null,
  opened: OpenedSession,
) {
  const controller = useMemo(
    () =>
      new SessionController(client, opened, {
        platform,
        kept: info ? platform.keptEdits?.(info.dataDir) : null,
      }),
    [opened],
  );
  // Notices with buttons acting on this session go when it does.
  const notices = useSessionNotices(controller);
  const [session, setSession] = useState(controller.session);
  const [save, setSave] = useState<SaveState>(controller.save);
  /** What the last op batch changed in the annotation list, so the editor updates in O(changes). */
  const changesRef = useRef<AnnotationChanges | null>(null);

  useEffect(() => {
    setSession(controller.session);
    setSave(controller.save);
    let lastAnnotations = controller.session.annotations;
    const off = controller.subscribe((e) => {
      changesRef.current = annotationChanges(lastAnnotations, e.session.annotations, e.ops);
      lastAnnotations = e.session.annotations;
      setSession(e.session);
      setSave(controller.save);
    });
    if (opened.notice) notices.show({ tone: 'warning', text: opened.notice });
    announceReplay(controller, notices, platform);
    return () => {
      off();
      void controller.flush().finally(() => controller.destroy());
    };
  }, [controller]);

  // Nothing can be changed in a session from a newer version, or while a crash recovery waits for a decision.
  const readOnly = controller.readOnly || !!controller.heldBack;
  const lockedReason =
    controller.heldBack ??
    'This session is read-only: it was written by a newer version of the app, so nothing can be changed here.';

  return { controller, notices, session, save, changesRef, readOnly, lockedReason };
}
