import { configDefaults, defineConfig } from 'vitest/config';

// The runtime probe's e2e tests (test/e2e/probe/) start containers with the probe label, and one of
// them removes every container carrying it (`mcg probe-cleanup` after a killed run). They form a
// project of their own, run one file at a time and only after every other test file has finished
// (groupOrder), so no other test's probe container can be swept away under it. Every other test
// that builds an image runs with runtime-probe false unless it asks for the probe (the helpers in
// test/support say so), so the main group starts no probe container at all.
const PROBE_E2E = 'test/e2e/probe/**/*.test.ts';

export default defineConfig({
  test: {
    // a hang guard, not a speed target: e2e tests spawn real processes on a shared 2-core machine
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'main', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, PROBE_E2E], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'probe', include: [PROBE_E2E], fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
