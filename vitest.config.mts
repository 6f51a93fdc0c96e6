import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// Four projects, so `npm test` runs every file once and the scripts beside it run a part:
// `npm run test:unit` (unit + unit-process), `test:e2e` (Chromium; and `npm start -- --file` as a person runs it), `test:slow` (1 000 000 rows, DuckDB, 50 000 rows through the shell twice).
const E2E = ['test/e2e/**/*.test.ts', 'test/preview/read-file.test.ts'];
// Every file that runs the SQL on DuckDB is named duckdb*.test.ts (loading DuckDB alone takes a second or two).
const SLOW = ['test/cli/million-rows.test.ts', 'test/sql/duckdb*.test.ts', 'test/sheet/calls-at-scale.test.ts'];
// A process of their own: workbook.test.ts sets process.env.TZ, which a worker thread ignores (its Date keeps the process's zone).
const OWN_PROCESS = ['test/fakes/workbook.test.ts'];

const timeouts = { testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    // Builds dist/ once before any test file runs (for every project: it is the root's, not inherited), so tests read one consistent build.
    globalSetup: ['test/global-setup.ts'],
    // Vitest's default (one less than the cores) is a single worker on a 2-core machine; the main process mostly waits.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        // No test here changes a global it does not restore, so the files share threads and their imports (no per-file isolation).
        test: {
          ...timeouts,
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...E2E, ...SLOW, ...OWN_PROCESS],
          pool: 'threads',
          isolate: false,
        },
      },
      { test: { ...timeouts, name: 'unit-process', include: OWN_PROCESS, pool: 'forks' } },
      { test: { ...timeouts, name: 'e2e', include: E2E, pool: 'forks' } },
      { test: { ...timeouts, name: 'slow', include: SLOW, pool: 'forks' } },
    ],
  },
});
