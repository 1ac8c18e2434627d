import { defineConfig } from 'vitest/config';

/** Unit tests: lib/ only, in node (or happy-dom where a file asks for it). */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    // Some tests scan pages of thousands of nodes in happy-dom: seconds on a busy machine. The 5 s default
    // failed them there (a flake, not a bug); no test asserts on time.
    testTimeout: 30_000,
  },
});
