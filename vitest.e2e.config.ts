import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built extension in real Chromium and Firefox. One file
 * at a time (two browsers on two cores is the most this machine does well).
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
