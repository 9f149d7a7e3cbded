/** API results of the team handlers: a value, a refusal in words, a TeamSyncError as an error. */
import type { ApiResult } from '../../../shared/api/contract';
import { TeamSyncError } from './couch-access';

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });

export const refused = (message: string): ApiResult<never> => ({
  ok: false,
  error: { code: 'refused', message },
});

/** A TeamSyncError as an API error, in words; anything else is rethrown (an internal error). */
export function asError(err: unknown): ApiResult<never> {
  if (err instanceof TeamSyncError)
    return {
      ok: false,
      error: { code: err.kind === 'usage' ? 'invalid-request' : 'refused', message: err.message },
    };
  throw err;
}
