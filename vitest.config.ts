import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // End-to-end tests start emulators and CLI processes; two cores are shared by the whole run.
    pool: 'forks',
    maxWorkers: 2,
  },
});
