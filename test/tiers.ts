/**
 * The test tiers (issue #19 item 6), one place for vitest.config.ts (a project per tier) and for
 * test/unit/tiers.test.ts (every test file is in exactly one tier; unit files stay pure):
 *
 * - unit: pure — no child process, no Docker, no network; the whole tier in under a minute
 *   (`npm run test:unit`). The real-corpus tables and the fuzzers read files only, so they are here.
 * - integration: fakes and spawned tools — the HTTP-fake GitHub API, the CLI run as a process,
 *   actionlint, tar, the bundle (`npm run test:integration`).
 * - differential: our readings against the consumers' own code (the BuildKit, compose-go and
 *   kubectl oracles built by scripts/rig/oracles.sh) (`npm run test:differential`).
 * - e2e: the real-parts rig — Docker, Trivy, TruffleHog (`npm run test:e2e`); the runtime probe's
 *   files form a project of their own, run one at a time after every other file (vitest.config.ts).
 *
 * `npm test` (scripts/test.sh) runs them all.
 */
export const TIERS = {
  unit: ['test/unit/**/*.test.ts', 'test/fuzz/**/*.test.ts', 'test/corpus/**/*.test.ts'],
  integration: ['test/integration/**/*.test.ts'],
  differential: ['test/differential/**/*.test.ts'],
  e2e: ['test/e2e/**/*.test.ts'],
} as const;

export type Tier = keyof typeof TIERS;

/** The runtime probe's e2e files: the e2e tier's second project (see vitest.config.ts). */
export const PROBE_E2E = 'test/e2e/probe/**/*.test.ts';

/**
 * What a unit-tier file may not import, directly or through the test helpers it imports: a child
 * process, the network, the rig (Docker, the tools) or the process runner of src/scanners.
 */
export const UNIT_FORBIDDEN: readonly RegExp[] = [
  /^(node:)?(child_process|net|http|https|http2|dgram|tls|dns)$/,
  /\/support\/rig\.js$/,
  /\/src\/scanners\/exec\.js$/,
];
