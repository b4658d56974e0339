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
    'A check that did not run must never look like a check that passed. The run fails closed: this finding fails the policy (unless fail-on is never) while every finding that was produced is kept.',
  fix: 'Read the message: it names the tool, its exit status and the end of its error output. Fix the build or the tool setup, raise `timeout-minutes`, or disable the scanner explicitly with `scanners:` if that is intended.',
  tags: ['reliability'],
  precision: 'very-high',
};
