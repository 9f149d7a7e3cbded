/**
 * The running imports, each with its progress and a Cancel button. Imports
 * run in a worker on the host, which reports `import.progress` events; this
 * component lists every import whose progress is below 1 and cancels one
 * through `library.cancelImport`. The import's own request then answers
 * `cancelled`, which the code that started it shows as a notice.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, ApiEvents } from '../../shared/api/contract';
import { showInvisibles } from '../../shared/text/visible-text';

type Progress = ApiEvents['import.progress'];

/** Progress known on this side: imports this page started, before the host reports on them. */
const local = new Set<(p: Progress) => void>();

/**
 * Tell the indicator about an import this page is starting (`fraction` 0) or has finished
 * (`fraction` 1), so it shows with its Cancel button while the file is still being read and
 * sent; the host's `import.progress` events take over from there.
 */
export function reportImport(p: Progress): void {
  for (const l of local) l(p);
}

/** A fresh id for an import this page starts. */
export function newImportId(): string {
  return `ui-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function ImportProgress({ client }: { client: ApiClient }) {
  const [running, setRunning] = useState<ReadonlyMap<string, Progress>>(new Map());
  const [cancelling, setCancelling] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    const update = (p: Progress) =>
      setRunning((prev) => {
        const next = new Map(prev);
        if (p.fraction >= 1) next.delete(p.importId);
        else next.set(p.importId, p);
        return next;
      });
    local.add(update);
    const off = client.on('import.progress', update);
    return () => {
      local.delete(update);
      off();
    };
  }, [client]);

  if (running.size === 0) return null;
  const cancel = (importId: string) => {
    setCancelling((s) => new Set(s).add(importId));
    void client.call('library.cancelImport', { importId });
  };
  return (
    <div class="import-progress" role="status" aria-label="Imports in progress">
      {[...running.values()].map((p) => {
        const name = showInvisibles(p.name);
        const pct = Math.round(p.fraction * 100);
        return (
          <div class="import-progress-item" key={p.importId} data-testid="import-progress">
            <span class="import-progress-name">Importing “{name}”…</span>
            <progress max={100} value={pct} aria-label={`Importing ${name}`} />
            <span class="import-progress-pct">{pct}%</span>
            <button
              type="button"
              disabled={cancelling.has(p.importId)}
              onClick={() => cancel(p.importId)}
            >
              {cancelling.has(p.importId) ? 'Cancelling…' : 'Cancel'}
            </button>
          </div>
        );
      })}
    </div>
  );
}
