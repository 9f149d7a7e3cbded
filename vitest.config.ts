import { defineConfig } from 'vitest/config';

// Unit and integration tests (Node). Browser end-to-end specs run under
// Playwright (playwright.config.ts); benchmarks run with `npm run bench`.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
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
