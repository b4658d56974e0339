import type { RuleMeta } from '../types.js';

/** Raised centrally by the suppression logic (src/core/suppress.ts), after suppressions are applied, so nothing suppresses it. */
export const meta: RuleMeta = {
  id: 'MCG995',
  name: 'suppression-of-unchecked',
  title: 'A suppression would hide that something was not checked',
  severity: 'high',
  kind: 'meta',
  description:
    'An inline `# mcg-ignore` comment or a `.mcg.yml` ignore entry names MCG990 or MCG991, or a glob or `*` that matches them. It does not apply: the coverage finding stays failing, and the suppression is reported at its own line.',
  rationale:
    'MCG990 and MCG991 say part of the scan did not happen. A suppression would turn "not checked" into "passed" for this change and every later one, silently; refusing it keeps the gate closed, and reporting it tells whoever wrote it that it had no effect.',
  fix: 'Remove the suppression (or narrow its glob so it no longer matches MCG990/MCG991) and fix the cause: make the input readable, or the scanner run. To report without failing use `fail-on: never`.',
  tags: ['security', 'suppression'],
  precision: 'very-high',
};
