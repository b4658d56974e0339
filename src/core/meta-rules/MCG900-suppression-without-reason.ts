import type { RuleMeta } from '../types.js';

/** Raised centrally by the suppression logic (src/core/suppress.ts). */
export const meta: RuleMeta = {
  id: 'MCG900',
  name: 'suppression-without-reason',
  title: 'Suppression without a reason',
  severity: 'low',
  kind: 'meta',
  description: 'An inline `# mcg-ignore` comment or a `.mcg.yml` ignore entry gives no reason.',
  rationale:
    'A suppression hides a security finding from every later reviewer. Without a reason nobody can tell a considered exception from a way to make the check pass, or know when it may be removed.',
  fix: 'Write the reason after the rule id, or add `reason:` (and ideally `expires:` and `owner:`) to the ignore entry.',
  tags: ['maintainability', 'suppression'],
  precision: 'very-high',
};
