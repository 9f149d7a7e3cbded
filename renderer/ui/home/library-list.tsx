/** The article library: seeds and imports, each with its metadata and a "Start review" button. */
import type { LibraryEntry } from '../../../shared/api/contract';
import { formatDate, plural } from '../format';
import { showInvisibles } from '../../../shared/text/visible-text';

export interface LibraryListProps {
  library: LibraryEntry[] | null;
  selectedId: string | null;
  onSelect: (entry: LibraryEntry) => void;
  onStart: (entry: LibraryEntry) => void;
}

export function LibraryList({ library, selectedId, onSelect, onStart }: LibraryListProps) {
  if (!library) return <p class="muted">Loading articles…</p>;
  if (!library.length)
    return <p class="empty-state">The library is empty. Import an article to begin.</p>;
  return (
    <ul class="card-list" aria-label="Articles">
      {library.map((e) => (
        <li
          key={e.id}
          class={`library-item ${e.id === selectedId ? 'is-selected' : ''}`}
          data-testid="library-item"
        >
          <div class="library-main">
            <h3 class="library-title">
              <button
                type="button"
                class="title-link"
                aria-pressed={e.id === selectedId}
                title="Show a preview"
                onClick={() => onSelect(e)}
              >
                {showInvisibles(e.meta.title || e.fileName)}
              </button>
            </h3>
            <p class="library-meta muted">
              <span class={`badge badge-${e.origin}`}>
                {e.origin === 'seed' ? 'Seed' : 'Imported'}
              </span>
              {e.meta.outlet ? <span>{showInvisibles(e.meta.outlet)}</span> : null}
              {e.meta.date ? <span>{formatDate(e.meta.date)}</span> : null}
              <span>{plural(e.paragraphs, 'paragraph')}</span>
              <span>
                {e.format === 'html' ? 'HTML' : e.format === 'markdown' ? 'Markdown' : 'Text'}
              </span>
            </p>
          </div>
          <button
            type="button"
            class="button button-primary"
            onClick={() => onStart(e)}
            aria-label={`Start review of ${showInvisibles(e.meta.title || e.fileName)}`}
          >
            Start review
          </button>
        </li>
      ))}
    </ul>
  );
}
