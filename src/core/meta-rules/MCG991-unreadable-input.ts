import type { RuleMeta } from '../types.js';

/** Raised by the engine when a file cannot be read or parsed; the other files are still checked. */
export const meta: RuleMeta = {
  id: 'MCG991',
  name: 'unreadable-input',
  title: 'A file could not be checked',
  severity: 'medium',
  kind: 'meta',
  description:
    'A Dockerfile, compose file, Kubernetes manifest, workflow or config file is empty, binary, not UTF-8, too large, or does not parse, so some or all of its checks did not run.',
  rationale: 'Findings in a file that could not be read would otherwise be silently lost; the gap is reported at the line where reading stopped.',
  fix: 'Fix the file at the reported line (the message says what the parser expected), or exclude it from the scan in `.mcg.yml` if it is not a real Dockerfile or manifest.',
  tags: ['reliability'],
  precision: 'very-high',
};
