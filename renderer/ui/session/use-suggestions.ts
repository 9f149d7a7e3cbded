/**
 * Claim suggestions in an open session (issue 13): fetched from the host for
 * the open article, filtered to those still open in the session (not
 * dismissed, not overlapping an annotation), shown as a quiet layer in the
 * text and listed in the panel. The reviewer accepts one as a Claim with its
 * speaker, or dismisses it; both are one undoable change through the session
 * controller. Nothing is annotated without the reviewer's act.
 *
 * The layer can be hidden (Shift+S, or the switch in the panel); the choice is
 * the reviewer's and is kept in the browser's storage across sessions.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../../../shared/api/contract';
import type { Article } from '../../../shared/model/article';
import type { Session } from '../../../shared/model/session';
import { nowIso } from '../../../shared/model/ids';
import { articleIndex } from '../../../shared/article/article-index';
import {
  acceptSuggestion,
  dismissSuggestion,
  openSuggestions,
  type AppClaimSuggestion,
} from '../../../shared/suggest/suggestion-review';
import type { ArticleEditor } from '../../editor/article-editor';
import {
  setCurrentSuggestion,
  setSuggestionRanges,
  setSuggestionsVisible,
  suggestionsAt,
} from '../../editor/plugins/suggestion-layer';
import { shortcutLabel, type ReviewCommand } from '../../editor/shortcuts';
import type { SessionController } from '../../state/session-controller';
import type { NoticeApi } from '../notices';

/** Where the reviewer's choice to show or hide suggestions is kept. */
const VISIBLE_KEY = 'factcheck.suggestions.visible';

/** A suggestion's id in the layer and the list: its code-point span. */
export const suggestionId = (s: { start: number; end: number }) => `${s.start}-${s.end}`;

export interface SuggestionsDeps {
  client: ApiClient;
  controller: SessionController;
  session: Session;
  article: Article | null;
  editor: ArticleEditor | null;
  notices: NoticeApi;
  readOnly: boolean;
  lockedReason: string;
  /** A suggestion became a Claim: open it (its panel lists what was seen before). */
  onAccepted: (annotationId: string) => void;
}

export interface SuggestionsApi {
  state: 'loading' | 'ready' | 'error';
  error: string | null;
  /** Open suggestions of the open article, in text order. */
  list: AppClaimSuggestion[];
  current: string | null;
  visible: boolean;
  /** Handle a suggestion command; false for any other command. */
  runCommand(cmd: ReviewCommand): boolean;
  accept(id: string): void;
  dismiss(id: string): void;
  /** Make a suggestion the current one and show it in the text. */
  select(id: string, opts?: { focus?: boolean }): void;
  setVisible(visible: boolean): void;
}

function readVisible(): boolean {
  try {
    return window.localStorage.getItem(VISIBLE_KEY) !== 'false';
  } catch {
    return true;
  }
}

function writeVisible(v: boolean): void {
  try {
    window.localStorage.setItem(VISIBLE_KEY, String(v));
  } catch {
    // storage disabled: the choice lasts for this page only
  }
}

const SUGGESTION_COMMANDS = new Set<ReviewCommand>([
  'accept-suggestion',
  'dismiss-suggestion',
  'next-suggestion',
  'previous-suggestion',
  'toggle-suggestions',
]);

export function useSuggestions(deps: SuggestionsDeps): SuggestionsApi {
  const { client, controller, session, article, editor, notices } = deps;
  const [fetched, setFetched] = useState<{
    key: string;
    state: 'loading' | 'ready' | 'error';
    error: string | null;
    all: AppClaimSuggestion[];
  }>({ key: '', state: 'loading', error: null, all: [] });
  const [visible, setVisibleState] = useState(readVisible);
  const [current, setCurrent] = useState<string | null>(null);
  const key = article ? `${session.id}/${article.id}/${article.sha256}` : '';

  useEffect(() => {
    if (!article) return;
    let live = true;
    setFetched({ key, state: 'loading', error: null, all: [] });
    const once = () => client.call('suggest.claims', { id: session.id, articleId: article.id });
    // The host unreachable or stopping (a restart in browser mode): say so, and ask again
    // until it answers (every 2 s, then up to every 30 s), as long as this article is shown.
    const ask = async () => {
      let r = await once();
      for (
        let wait = 2000;
        live && !r.ok && r.error.code === 'io';
        wait = Math.min(wait * 2, 30_000)
      ) {
        setFetched({ key, state: 'error', error: r.error.message, all: [] });
        await new Promise((done) => setTimeout(done, wait));
        if (live) r = await once();
      }
      return r;
    };
    void (async () => {
      let r = await ask();
      // The host has an older text than this window (a re-import not saved yet): save, then ask again.
      if (r.ok && r.value.sha256 !== article.sha256) {
        await controller.flush();
        if (live) r = await ask();
      }
      if (!live) return;
      if (!r.ok) setFetched({ key, state: 'error', error: r.error.message, all: [] });
      else if (r.value.sha256 !== article.sha256)
        setFetched({ key, state: 'error', error: 'The article text is not saved yet.', all: [] });
      else setFetched({ key, state: 'ready', error: null, all: r.value.suggestions });
    })();
    return () => {
      live = false;
    };
  }, [key]);

  const all = fetched.key === key ? fetched.all : [];
  const list = useMemo(
    () => (article ? openSuggestions(session, article.id, all) : []),
    [all, session.annotations, session.dismissed, article?.id],
  );
  const byId = useMemo(() => new Map(list.map((s) => [suggestionId(s), s])), [list]);
  const currentId = current && byId.has(current) ? current : null;

  // Keep the layer in the text in step.
  const shownFor = useRef<{ editor: ArticleEditor; list: AppClaimSuggestion[] } | null>(null);
  useEffect(() => {
    // An editor replaced in this same commit (a re-import remounts it) is already destroyed
    // here: this effect runs again with the new one.
    if (!editor || editor.view.isDestroyed || !article || editor.article.id !== article.id) return;
    const { view, map } = editor;
    if (shownFor.current?.editor !== editor || shownFor.current.list !== list) {
      shownFor.current = { editor, list };
      const idx = articleIndex(article);
      const ranges = list.map((s) => ({
        id: suggestionId(s),
        from: map.offsetToPos(idx.toUtf16(s.start), 1),
        to: map.offsetToPos(idx.toUtf16(s.end), -1),
      }));
      view.dispatch(
        setSuggestionRanges(
          view.state.tr,
          ranges.filter((r) => r.to > r.from),
        ),
      );
    }
    // One meta per transaction: the layer takes one action at a time.
    view.dispatch(setSuggestionsVisible(view.state.tr, visible));
    view.dispatch(setCurrentSuggestion(view.state.tr, currentId));
  }, [editor, list, visible, currentId]);

  const hint = (text: string) => notices.show({ tone: 'info', text });

  /** The suggestion at the caret, else the current one. */
  const target = (): AppClaimSuggestion | null => {
    const ed = editor;
    if (ed) {
      const at = suggestionsAt(ed.view.state, ed.view.state.selection.head);
      for (const id of at) {
        const s = byId.get(id);
        if (s) return s;
      }
    }
    return currentId ? (byId.get(currentId) ?? null) : null;
  };

  const select = (id: string, opts: { focus?: boolean } = {}) => {
    const s = byId.get(id);
    if (!s || !editor || !article) return;
    setCurrent(id);
    const idx = articleIndex(article);
    const start = idx.toUtf16(s.start);
    editor.selectSpan({ start, end: start }, { focus: opts.focus });
  };

  const accept = (id: string) => {
    if (deps.readOnly) return hint(deps.lockedReason);
    const s = byId.get(id);
    if (!s || !article) return;
    const r = acceptSuggestion(controller.session, article.id, s, nowIso());
    if (!r.ok) return void notices.error(r.message);
    const applied = controller.apply(r.ops, 'Accept suggestion as Claim');
    if (!applied.ok) return void notices.error(applied.message);
    setCurrent(null);
    notices.show({
      tone: 'success',
      text: r.speaker
        ? `Marked as a Claim by ${r.speaker.name}${r.newSpeaker ? ' (a new speaker)' : ''}.`
        : 'Marked as a Claim.',
    });
    deps.onAccepted(r.annotationId);
  };

  const dismiss = (id: string) => {
    if (deps.readOnly) return hint(deps.lockedReason);
    const s = byId.get(id);
    if (!s || !article) return;
    const r = dismissSuggestion(controller.session, article.id, s, nowIso());
    if (!r.ok) return hint(r.message);
    const applied = controller.apply(r.ops, 'Dismiss suggestion');
    if (!applied.ok) return void notices.error(applied.message);
    if (currentId === id) setCurrent(null);
    hint(`Suggestion dismissed. ${shortcutLabel('undo')} brings it back.`);
  };

  const setVisible = (v: boolean) => {
    setVisibleState(v);
    writeVisible(v);
  };

  const step = (dir: 1 | -1) => {
    if (!list.length)
      return hint(
        fetched.key !== key || fetched.state === 'loading'
          ? 'Claim suggestions for this article are still being worked out; try again in a moment.'
          : 'There are no open claim suggestions in this article.',
      );
    if (!editor || !article) return;
    const idx = articleIndex(article);
    const caret = idx.toCodePoint(editor.caretOffset());
    const at = currentId ? byId.get(currentId) : undefined;
    const from = at && caret >= at.start && caret <= at.end ? at.start : caret;
    let i: number;
    if (dir === 1) {
      i = list.findIndex((s) => s.start > from);
      if (i === -1) i = 0;
    } else {
      i = -1;
      for (let k = list.length - 1; k >= 0; k--)
        if (list[k]!.start < from) {
          i = k;
          break;
        }
      if (i === -1) i = list.length - 1;
    }
    select(suggestionId(list[i]!));
  };

  const runCommand = (cmd: ReviewCommand): boolean => {
    if (!SUGGESTION_COMMANDS.has(cmd)) return false;
    if (cmd === 'toggle-suggestions') {
      setVisible(!visible);
      hint(
        visible
          ? `Claim suggestions hidden. ${shortcutLabel('toggle-suggestions')} shows them again.`
          : 'Claim suggestions shown.',
      );
      return true;
    }
    if (!visible) {
      hint(
        `Claim suggestions are hidden. Press ${shortcutLabel('toggle-suggestions')} to show them.`,
      );
      return true;
    }
    if (cmd === 'next-suggestion') return (step(1), true);
    if (cmd === 'previous-suggestion') return (step(-1), true);
    const s = target();
    if (!s) {
      hint(
        `There is no claim suggestion at the caret. ${shortcutLabel('next-suggestion')} goes to the next one.`,
      );
      return true;
    }
    if (cmd === 'accept-suggestion') accept(suggestionId(s));
    else dismiss(suggestionId(s));
    return true;
  };

  return {
    state: fetched.key === key ? fetched.state : 'loading',
    error: fetched.key === key ? fetched.error : null,
    list,
    current: currentId,
    visible,
    runCommand,
    accept,
    dismiss,
    select,
    setVisible,
  };
}
