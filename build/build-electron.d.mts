/** Types of build/build-electron.mjs for the tests that call it. */
export function buildElectron(options?: {
  outDir?: string;
  minify?: boolean;
}): Promise<{ mainOut: string; preloadOut: string }>;
