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
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
