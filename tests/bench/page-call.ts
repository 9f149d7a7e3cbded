/**
 * Calling a benchmark page module from Node: the module puts its functions on a global of the
 * page (`window.__bench`, `window.__appBench`), and `pageCaller(name)` makes a typed
 * `call(page, fn, ...args)` for it.
 */
import type { Page } from 'playwright-core';

export function pageCaller<T extends object>(globalName: string) {
  type Fn<K extends keyof T> = T[K] extends (...a: infer A) => infer R
    ? { args: A; ret: R }
    : never;
  return function call<K extends keyof T>(
    page: Page,
    name: K,
    ...args: Fn<K>['args']
  ): Promise<Awaited<Fn<K>['ret']>> {
    return page.evaluate(
      ([g, nm, as]) => {
        const b = (window as unknown as Record<string, Record<string, unknown>>)[g]!;
        return (b[nm] as (...x: unknown[]) => unknown)(...as);
      },
      [globalName, name as string, args as unknown[]] as const,
    ) as Promise<Awaited<Fn<K>['ret']>>;
  };
}
