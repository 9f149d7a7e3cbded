/**
 * Error values of the store, in words the UI shows as they are.
 */
import type { ApiError, ApiErrorCode, ApiResult } from '../../../shared/api/contract';

/** An `ApiResult` failure. */
export function fail<T = never>(code: ApiErrorCode, message: string): ApiResult<T> {
  return { ok: false, error: { code, message } };
}

/** Why a disk operation failed, as a clause ("the disk is full"). */
export function describeCode(code: string | undefined): string {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return 'permission was denied (the folder may be read-only)';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EBUSY':
      return 'another program is holding the file';
    case 'EIO':
      return 'the disk reported an error';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    default:
      return `the system reported ${code ?? 'an error'}`;
  }
}

/**
 * An `io` error for a failed disk operation. `what` says what was being done ("save the
 * session"), `safe` what is still true ("The last saved version is intact.").
 */
export function ioError(err: unknown, what: string, safe: string): ApiError {
  const code = (err as NodeJS.ErrnoException)?.code;
  return { code: 'io', message: `Could not ${what}: ${describeCode(code)}. ${safe}`.trim() };
}

/** The errno code of a failed disk operation, or undefined when `err` is something else. */
export function diskErrorCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/** A store failure carried through a `Promise<void>` method (`flush`). */
export class StoreError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'StoreError';
  }
}
