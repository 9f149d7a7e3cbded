/**
 * The session's toolbar: back to the sessions, the session name (rename in
 * place), undo/redo, find, the File and Export menus (with the export in
 * progress, if any), settings, help, and the save state in words.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ExportFormat } from '../../../shared/api/contract';
import type { SaveState } from '../../state/session-controller';
import { MenuButton, type MenuItem } from '../menu';
import { shortcutLabel, withShortcut } from '../../editor/shortcuts';
import { EXPORT_LABELS } from './session-files-actions';
import { ExportProgress, useRunningExport } from './export-progress';

export interface ToolbarProps {
  name: string;
  readOnly: boolean;
  save: SaveState;
  undoLabel: string | null;
  redoLabel: string | null;
  fileItems: MenuItem[];
  onExport: (format: ExportFormat) => void;
  onBack: () => void;
  onRename: (name: string) => void;
  onUndo: () => void;
  onRedo: () => void;
  onFind: () => void;
  onSettings: () => void;
  onHelp: () => void;
  onRetrySave: () => void;
  /** The team bar (sync state, status) beside the save state (issue 10). */
  team?: ComponentChildren;
}

export function Toolbar(p: ToolbarProps) {
  const [renaming, setRenaming] = useState(false);
  const exporting = useRunningExport();
  return (
    <header class="app-bar session-bar">
      <button
        type="button"
        class="button button-quiet"
        onClick={p.onBack}
        title="Back to the sessions and the library"
      >
        ← Sessions
      </button>
      <div class="session-title">
        {renaming ? (
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              const v = (
                e.currentTarget.elements.namedItem('name') as HTMLInputElement
              ).value.trim();
              setRenaming(false);
              if (v && v !== p.name) p.onRename(v);
            }}
          >
            <input
              name="name"
              class="input"
              defaultValue={p.name}
              aria-label="Session name"
              maxLength={200}
              autoFocus
              onBlur={(e) => e.currentTarget.form?.requestSubmit()}
              onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), setRenaming(false))}
            />
          </form>
        ) : (
          <h1>
            <button
              type="button"
              class="title-button"
              onClick={() => !p.readOnly && setRenaming(true)}
              title={p.readOnly ? p.name : `${p.name} (click to rename)`}
            >
              {p.name}
            </button>
          </h1>
        )}
        <SaveIndicator save={p.save} onRetry={p.onRetrySave} />
        {p.team ?? null}
      </div>
      <nav class="app-bar-actions" aria-label="Session actions">
        <button
          type="button"
          class="button"
          disabled={!p.undoLabel || p.readOnly}
          onClick={p.onUndo}
          title={
            p.undoLabel ? `Undo “${p.undoLabel}” (${shortcutLabel('undo')})` : 'Nothing to undo'
          }
          aria-label={p.undoLabel ? `Undo ${p.undoLabel}` : 'Undo'}
        >
          ↶ Undo
        </button>
        <button
          type="button"
          class="button"
          disabled={!p.redoLabel || p.readOnly}
          onClick={p.onRedo}
          title={
            p.redoLabel ? `Redo “${p.redoLabel}” (${shortcutLabel('redo')})` : 'Nothing to redo'
          }
          aria-label={p.redoLabel ? `Redo ${p.redoLabel}` : 'Redo'}
        >
          ↷ Redo
        </button>
        <button
          type="button"
          class="button"
          onClick={p.onFind}
          title={withShortcut('Find text in the article', 'find')}
        >
          Find
        </button>
        <MenuButton label="File" items={p.fileItems} title="Session files and articles" />
        <ExportProgress job={exporting} />
        <MenuButton
          label="Export"
          class="button-primary"
          items={(Object.keys(EXPORT_LABELS) as ExportFormat[]).map((f) => ({
            label: EXPORT_LABELS[f],
            run: () => p.onExport(f),
            testId: `export-${f}`,
            disabled: exporting !== null,
            title: exporting ? `Wait until the ${exporting.label} is exported` : undefined,
          }))}
          title={
            exporting ? `Exporting the ${exporting.label}…` : 'Export a report or a standard format'
          }
        />
        <button
          type="button"
          class="button"
          onClick={p.onSettings}
          title="Reviewer, organisation, methodology and rating scale"
        >
          Settings
        </button>
        <button
          type="button"
          class="button"
          onClick={p.onHelp}
          title={withShortcut('Keyboard shortcuts and help', 'help')}
        >
          Help
        </button>
      </nav>
    </header>
  );
}

function SaveIndicator({ save, onRetry }: { save: SaveState; onRetry: () => void }) {
  let text: string;
  let tone = 'ok';
  switch (save.state) {
    case 'saved':
      text = 'All changes saved';
      break;
    case 'pending':
    case 'saving':
      text = 'Saving…';
      tone = 'busy';
      break;
    case 'read-only':
      text = 'Read-only';
      tone = 'warn';
      break;
    case 'error':
      text = save.retrying ? 'Not saved yet: retrying' : 'Not saved';
      tone = 'error';
      break;
  }
  return (
    <span
      class={`save-state save-${tone}`}
      role="status"
      data-testid="save-state"
      title={
        save.state === 'error'
          ? save.error.message
          : save.state === 'read-only'
            ? save.message
            : undefined
      }
    >
      {text}
      {save.state === 'error' && !save.retrying ? (
        <button type="button" class="link-button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </span>
  );
}
