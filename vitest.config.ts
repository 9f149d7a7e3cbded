import { defineConfig } from 'vitest/config';

// Unit and integration tests (Node), and the renderer's component tests
// (`*.test.tsx`, each in jsdom via its `@vitest-environment` line, rendered with
// @testing-library/preact). Browser end-to-end specs run under Playwright
// (playwright.config.ts); benchmarks run with `npm run bench`.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'tests/bench/**', 'node_modules/**'],
    environment: 'node',
    // Timeouts only stop a hung test; they are never a speed check (that is `npm run bench`).
    // Each sits at least 5× above the test's duration on a busy 2-core machine (issue 12,
    // item 6): the slowest ordinary test takes about 20 s there, its hooks under 4 s. Tests that
    // take longer by design set their own limit.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
