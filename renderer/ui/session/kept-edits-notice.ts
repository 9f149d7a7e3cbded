/**
 * Telling the reviewer about edits kept in the browser (`state/kept-edits.ts`):
 * when the app starts (a session has changes that were not saved before the
 * page was closed or reloaded: open it to save them) and when a session opens
 * (they were restored and are being saved, wait for a decision, or could not
 * be applied and are offered as a download, to keep or discard).
 */
import type { ApiClient, OpenedSession } from '../../../shared/api/contract';
import type { HostPlatform } from '../../api/platform';
import type { SessionController } from '../../state/session-controller';
import { countEdits, type KeptEdits } from '../../state/kept-edits';
import { alreadySaved } from '../../state/replay-kept';
import type { NoticeApi } from '../notices';
import { plural } from '../format';

const BEFORE = 'from before the page was closed or reloaded';

/** Say what became of a session's kept edits as it opened (nothing when there were none). */
export function announceReplay(
  controller: SessionController,
  notices: NoticeApi,
  platform: HostPlatform,
): void {
  const r = controller.replay;
  if (r.kind === 'replayed' && r.edits) {
    if (r.conflict)
      notices.show({
        tone: 'warning',
        text: `${plural(r.edits, 'unsaved change')} ${BEFORE} ${r.edits === 1 ? 'was' : 'were'} restored, but the session was changed elsewhere meanwhile. Choose below whether to save them over it.`,
      });
    else
      notices.show({
        tone: 'success',
        text: `${plural(r.edits, 'unsaved change')} ${BEFORE} ${r.edits === 1 ? 'was' : 'were'} restored and are being saved.`,
      });
  } else if (r.kind === 'waiting') {
    notices.show({
      tone: 'warning',
      text: `${plural(r.edits, 'unsaved change')} ${BEFORE} ${r.edits === 1 ? 'is' : 'are'} kept in this browser. ${r.reason} Then they are applied.`,
    });
  } else if (r.kind === 'set-aside') {
    const n = countEdits(r.record.ops);
    const id = notices.show({
      tone: 'warning',
      text: `${plural(n, 'unsaved change')} ${BEFORE} could not be applied to this session${r.problems.length ? `: ${r.problems.join(' ')}` : '.'} They are kept in this browser until you download or discard them.`,
      actions: [
        {
          label: 'Download them',
          run: () =>
            void platform
              .saveFile(keptEditsFile(r.record, r.problems))
              .then((msg) => msg && notices.info(msg))
              .catch((e: Error) => notices.error(`The download failed: ${e.message}`)),
        },
        {
          label: 'Discard them',
          run: () => {
            controller.discardSetAside();
            notices.dismiss(id);
            notices.info('The changes that could not be applied were discarded.');
          },
        },
      ],
    });
  }
}

/** The kept edits as a JSON file the reviewer can keep. */
export function keptEditsFile(rec: KeptEdits, problems: string[]) {
  const safe = (rec.sessionName || 'session').replace(/[^\p{L}\p{N} _-]+/gu, '').slice(0, 60);
  return {
    fileName: `${safe || 'session'} - unsaved changes.json`,
    mediaType: 'application/json',
    encoding: 'utf8' as const,
    content: JSON.stringify(
      {
        about:
          'Changes made in Factcheck Workbench that could not be applied to the saved session.',
        sessionId: rec.sessionId,
        sessionName: rec.sessionName,
        dataDir: rec.dataDir,
        madeOnRevision: rec.baseRevision,
        keptAt: rec.keptAt,
        problems,
        ops: rec.ops,
      },
      null,
      2,
    ),
  };
}

/**
 * At start-up: for every session of this data directory with kept edits, say
 * so and offer to open it (which replays them). Edits the host already has
 * (the page's last save went out as it closed) are forgotten silently.
 */
export async function offerKeptEdits(
  client: ApiClient,
  platform: HostPlatform,
  dataDir: string,
  notices: NoticeApi,
  onOpen: (opened: OpenedSession) => void,
): Promise<void> {
  const store = platform.keptEdits?.(dataDir);
  if (!store) return;
  for (const { rec, aside } of store.list()) {
    const opened = await client.call('sessions.open', { id: rec.sessionId });
    if (!opened.ok) {
      notices.show({
        tone: 'warning',
        text: `${plural(countEdits(rec.ops), 'unsaved change')} to “${rec.sessionName}” ${BEFORE} ${aside ? 'could not be applied' : 'are kept in this browser'}, but the session cannot be opened: ${opened.error.message}`,
        actions: [
          {
            label: 'Download them',
            run: () => void platform.saveFile(keptEditsFile(rec, [opened.error.message])),
          },
        ],
      });
      continue;
    }
    if (!aside && alreadySaved(opened.value.session, rec.ops)) {
      // Unless the session was opened and edited meanwhile (a newer record).
      if (store.read(rec.sessionId)?.keptAt === rec.keptAt) store.clear(rec.sessionId);
      continue;
    }
    const n = countEdits(rec.ops);
    if (!n && !aside) continue; // only where the reader was: restored when the session opens
    notices.show({
      tone: 'warning',
      text: aside
        ? `${plural(n, 'change')} to “${rec.sessionName}” could not be applied and ${n === 1 ? 'is' : 'are'} kept in this browser.`
        : `${plural(n, 'change')} to “${rec.sessionName}” ${BEFORE} ${n === 1 ? 'was' : 'were'} not saved yet. ${n === 1 ? 'It is' : 'They are'} kept in this browser.`,
      actions: [
        {
          label: aside ? 'Open the session' : 'Open the session to save them',
          run: () => onOpen(opened.value),
        },
      ],
    });
  }
}
