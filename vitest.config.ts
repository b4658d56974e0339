import { configDefaults, defineConfig } from 'vitest/config';
import { PROBE_E2E, TIERS } from './test/tiers.js';

// One project per test tier (test/tiers.ts): `vitest run --project unit` runs one alone (the
// test:* scripts of package.json), `vitest run` all of them (npm test).
//
// The runtime probe's e2e tests (test/e2e/probe/) start containers with the probe label, and one of
// them removes every container carrying it (`mcg probe-cleanup` after a killed run). They form a
// project of their own (e2e-probe), run one file at a time and only after every other test file has
// finished (groupOrder), so no other test's probe container can be swept away under it. Every other
// test that builds an image runs with runtime-probe false unless it asks for the probe (the helpers
// in test/support say so), so the other projects start no probe container at all.
const project = (name: string, include: readonly string[], more: { exclude?: readonly string[]; isolate?: boolean } = {}) => ({
  extends: true as const,
  test: { name, include: [...include], exclude: [...configDefaults.exclude, ...(more.exclude ?? [])], isolate: more.isolate ?? true, sequence: { groupOrder: 0 } },
});

export default defineConfig({
  test: {
    // a hang guard, not a speed target: e2e tests spawn real processes on a shared 2-core machine
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      // pure tests share their workers' module cache: a third of the CPU time (the imports), and
      // nothing to leak — no process, no rig, no network (test/unit/tiers.test.ts)
      project('unit', TIERS.unit, { isolate: false }),
      project('integration', TIERS.integration),
      project('differential', TIERS.differential),
      project('e2e', TIERS.e2e, { exclude: [PROBE_E2E] }),
      { extends: true, test: { name: 'e2e-probe', include: [PROBE_E2E], fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
