import type { RuleMeta } from '../types.js';

/** Raised by the orchestration when a scanner or the build did not complete (fail-closed). */
export const meta: RuleMeta = {
  id: 'MCG990',
  name: 'scanner-error',
  title: 'A scanner or the image build did not complete',
  severity: 'critical',
  kind: 'meta',
  description:
    'The image build, Trivy or TruffleHog crashed, timed out, exited with an error or printed output that could not be read, so part of the scan is missing.',
  rationale:
    'A check that did not run must never look like a check that passed. The run fails closed: this finding fails the policy whatever `severity-threshold` says and whether or not it is new (only `fail-on: never` lets the run pass), while every finding that was produced is still reported.',
  fix: 'Read the message. Fix the Dockerfile or the build context when the build failed; raise `timeout-minutes` when a scanner timed out; check the scanner version inputs when a tool could not be installed. To run without a scanner on purpose, leave it out of `scanners:`.',
  tags: ['reliability'],
  precision: 'very-high',
};
