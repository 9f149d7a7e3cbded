/**
 * The export in progress, if any, for the whole window: one export runs at a
 * time (a second start while one runs is refused in words, whether it comes
 * from the toolbar or the desktop menu), and the toolbar shows what is being
 * made and for how long, with a moving bar and a seconds count that ticks, so
 * a PDF that takes a few seconds never looks like a hang.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ExportFormat } from '../../../shared/api/contract';

export interface RunningExport {
  format: ExportFormat;
  label: string;
  startedAt: number;
}

let running: RunningExport | null = null;
const listeners = new Set<() => void>();

function set(next: RunningExport | null): void {
  running = next;
  for (const l of listeners) l();
}

/** The export now running, or null. */
export function runningExport(): RunningExport | null {
  return running;
}

/**
 * Run `work` as the window's one export. Returns false without running it
 * when another export is still running; the state is cleared however `work` ends.
 */
export async function trackExport(
  format: ExportFormat,
  label: string,
  work: () => Promise<void>,
): Promise<boolean> {
  if (running) return false;
  set({ format, label, startedAt: Date.now() });
  try {
    await work();
  } finally {
    set(null);
  }
  return true;
}

/** The running export, re-rendering when it starts and ends. */
export function useRunningExport(): RunningExport | null {
  const [, tick] = useState(0);
  useEffect(() => {
    const l = () => tick((n) => n + 1);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  return running;
}

/** "Exporting PDF report… 3 s", ticking each second, with an indeterminate bar. Nothing when idle. */
export function ExportProgress({ job }: { job: RunningExport | null }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!job) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [job]);
  if (!job) return null;
  const seconds = Math.max(0, Math.floor((now - job.startedAt) / 1000));
  return (
    <span class="export-progress" role="status" aria-live="polite" data-testid="export-progress">
      <span class="export-progress-text">
        Exporting {job.label}… <span class="export-seconds">{seconds} s</span>
      </span>
      <span class="export-progress-bar" aria-hidden="true">
        <span />
      </span>
    </span>
  );
}
