/**
 * Whether a process still runs, for the two places that find files left by
 * another writer: the data-directory lock (is its owner gone?) and the stale
 * temp files of a durable write (did their writer die?).
 */

/** Whether a process with this pid exists (EPERM means it exists but is not ours). */
export function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
