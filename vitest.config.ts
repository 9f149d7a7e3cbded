import { defineConfig } from 'vitest/config';

// Unit and integration tests (Node). Browser end-to-end specs run under
// Playwright (playwright.config.ts); benchmarks run with `npm run bench`.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/bench/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
