/**
 * Where the reference material shared beside the repository lives
 * (`../shared/conformance`, `../shared/corpus`). The house rule is "relative
 * to the repo root, read by path"; a git worktree sits deeper than the main
 * clone, so the search walks up from the repository's parent and takes the
 * first `shared/<name>` it finds. Returns the path it expected when none exists.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** `{ path, found }` for `../shared/<name>` (searched upwards, see the module comment). */
export function sharedMaterial(name: string): { path: string; found: boolean } {
  const expected = resolve(REPO_ROOT, '..', 'shared', name);
  for (let dir = resolve(REPO_ROOT, '..'); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', name);
    if (existsSync(candidate)) return { path: candidate, found: true };
    if (dirname(dir) === dir) return { path: expected, found: false };
  }
}
