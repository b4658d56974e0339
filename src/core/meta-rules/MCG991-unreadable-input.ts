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
  rationale: 'Findings in a file that could not be read would otherwise be lost without a trace. Reporting the gap at its line keeps the result honest: a green run means the files were read.',
  fix: 'Fix the file at the reported line, save it as UTF-8, or exclude it in `.mcg.yml` (`exclude:`) if it is not a real Dockerfile or manifest (a template, generated output, test data).',
  tags: ['reliability'],
  precision: 'very-high',
};
