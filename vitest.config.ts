import { defineConfig } from 'vitest/config';

// Two projects: pure logic beside the source, and end-to-end tests that drive the built app in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/helpers/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          // Many unit tests start DuckDB-WASM (~1 s idle, far more with two busy processes on 2 cores): never 5 s.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
