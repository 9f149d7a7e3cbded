/** Types of build/build-node.mjs for the tests and benchmarks that call it. */
export const ENTRIES: Record<string, string>;
export function buildNode(options?: { outDir?: string }): Promise<Record<string, string>>;
export function ensureNodeBuilt(name: string): Promise<string>;
