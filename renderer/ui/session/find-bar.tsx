/**
 * Find in the article: matches are selected in the text as you type;
 * ↓/↑ (or F3) move between them; Enter keeps the current match selected and
 * returns to the article, ready to be marked; Escape closes.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { findInText, type TextMatch } from '../../../shared/review/text-search';
import type { ArticleEditor } from '../../editor/article-editor';

export interface FindBarProps {
  editor: ArticleEditor | null;
  focusToken: number;
  onClose: () => void;
}

export function FindBar({ editor, focusToken, onClose }: FindBarProps) {
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const matches = useMemo<TextMatch[]>(() => {
    if (!editor || query.trim().length < 2) return [];
    // Only text the reader can see (the seed's repeated caption is not shown).
    return findInText(editor.article.text, query, 2000).filter(
      (m) => editor.map.segmentAt(m.start) && editor.map.segmentAt(m.end),
    );
  }, [editor, query]);
  const current = matches.length ? Math.min(index, matches.length - 1) : -1;

  // Layout effect: focus moves before the next key arrives, so fast typing lands in the field.
  useLayoutEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusToken]);

  useEffect(() => {
    if (current >= 0) editor?.selectSpan(matches[current]!);
  }, [matches, current]);

  const accept = () => {
    if (current < 0 || !editor) return;
    editor.selectSpan(matches[current]!, { focus: true });
    onClose();
  };

  return (
    <div class="find-bar" role="search" aria-label="Find in article">
      <label for="find-input" class="visually-hidden">
        Find in article
      </label>
      <input
        id="find-input"
        ref={input}
        class="input"
        type="search"
        placeholder="Find text in the article…"
        value={query}
        autoComplete="off"
        aria-describedby="find-status"
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setIndex(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') accept();
          else if (e.key === 'ArrowDown' || e.key === 'F3')
            setIndex(matches.length ? (current + 1) % matches.length : 0);
          else if (e.key === 'ArrowUp')
            setIndex(matches.length ? (current - 1 + matches.length) % matches.length : 0);
          else if (e.key === 'Escape') {
            onClose();
            editor?.focus();
          } else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      <span id="find-status" class="find-status muted" aria-live="polite">
        {query.trim().length < 2
          ? 'Type at least two characters'
          : matches.length
            ? `${current + 1} of ${matches.length}`
            : 'No match'}
      </span>
      <button
        type="button"
        class="button button-small"
        disabled={!matches.length}
        onClick={() => setIndex((current - 1 + matches.length) % matches.length)}
        aria-label="Previous match"
        title="Previous match (↑)"
      >
        ↑
      </button>
      <button
        type="button"
        class="button button-small"
        disabled={!matches.length}
        onClick={() => setIndex((current + 1) % matches.length)}
        aria-label="Next match"
        title="Next match (↓)"
      >
        ↓
      </button>
      <button
        type="button"
        class="button button-small button-primary"
        disabled={!matches.length}
        onClick={accept}
        title="Select it and return to the article (Enter)"
      >
        Select
      </button>
      <button
        type="button"
        class="icon-button"
        aria-label="Close find"
        title="Close (Escape)"
        onClick={onClose}
      >
        ×
      </button>
    </div>
  );
}
