import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // a hang guard, not a speed target: e2e tests spawn real processes on a shared 2-core machine
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
