import { defineConfig } from 'vitest/config';

/** Unit tests: lib/ only, in node (or happy-dom where a file asks for it). */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['test/unit/i18n-setup.ts'],
  },
});
