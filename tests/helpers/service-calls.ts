/**
 * Calling a real API service in tests the way the transports do (`service.handle`), with the
 * result unwrapped: `call` returns the value or throws with the refusal's code and sentence;
 * `refusal` returns the refusal or throws when the call was accepted.
 */
import type { ApiService } from '../../electron/service/api-service';
import type { ApiError, ApiResult } from '../../shared/api/contract';

export function serviceCalls(service: () => ApiService) {
  return {
    async call<T>(method: string, payload: unknown): Promise<T> {
      const r = (await service().handle(method, payload)) as ApiResult<T>;
      if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
      return r.value;
    },
    async refusal(method: string, payload: unknown): Promise<ApiError> {
      const r = (await service().handle(method, payload)) as ApiResult<unknown>;
      if (r.ok) throw new Error(`${method} was accepted`);
      return r.error;
    },
  };
}

/** A UTF-8 string as base64, as the UI sends file contents. */
export const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
