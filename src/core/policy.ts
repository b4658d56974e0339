/** One severity policy drives the exit code, the check-run conclusion and what is shown as failing (DESIGN §4). */
import { atLeast } from './severity.js';
import { SEVERITIES, type Counts, type Finding, type PolicySettings, type Severity } from './types.js';

/**
 * The rules that say something was not checked (a scanner that did not run, an input we could not
 * read, an image built otherwise than we read its Dockerfile: MCG992, an image the runtime probe
 * could not get to answer at all: MCG405). They fail the run under every policy but `fail-on: never`,
 * whatever the threshold and whether new or not, and no suppression, rule setting or severity
 * override applies to them.
 */
export const FAIL_CLOSED_RULES: ReadonlySet<string> = new Set(['MCG990', 'MCG991', 'MCG992', 'MCG405']);

export function isFailClosed(ruleId: string): boolean {
  return FAIL_CLOSED_RULES.has(ruleId);
}

export const DEFAULT_POLICY: PolicySettings = { threshold: 'high', failOn: 'new' };

/** True when this finding makes the run fail under the policy. */
export function isFailing(f: Finding, p: PolicySettings): boolean {
  if (p.failOn === 'never') return false;
  // fail closed: a scanner that did not run, an input not read, is never green (and never suppressed)
  if (f.error || isFailClosed(f.ruleId)) return true;
  if (f.suppressed) return false;
  if (!atLeast(f.severity, p.threshold)) return false;
  return p.failOn === 'any' || f.new !== false;
}

export function countFindings(findings: readonly Finding[]): Counts {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let total = 0;
  let neu = 0;
  let failing = 0;
  let suppressed = 0;
  for (const f of findings) {
    if (f.suppressed) {
      suppressed++;
      continue;
    }
    total++;
    bySeverity[f.severity]++;
    if (f.new !== false) neu++;
    if (f.failing) failing++;
  }
  return { total, new: neu, failing, suppressed, bySeverity };
}

export function decide(findings: Finding[], p: PolicySettings): { result: 'pass' | 'fail'; reason: string } {
  for (const f of findings) f.failing = isFailing(f, p);
  const failing = findings.filter((f) => f.failing);
  const errors = failing.filter((f) => f.error);
  if (failing.length === 0) {
    const why =
      p.failOn === 'never'
        ? 'fail-on is never'
        : `no ${p.failOn === 'new' ? 'new ' : ''}unsuppressed finding at or above ${p.threshold}`;
    return { result: 'pass', reason: `passed: ${why}` };
  }
  const parts: string[] = [];
  const misread = failing.filter((f) => !f.error && f.ruleId === 'MCG992');
  const notChecked = failing.filter((f) => !f.error && f.ruleId !== 'MCG992' && isFailClosed(f.ruleId));
  if (errors.length > 0) parts.push(`${errors.length} scanner error${errors.length === 1 ? '' : 's'} (fail-closed)`);
  if (notChecked.length > 0) parts.push(`${notChecked.length} input${notChecked.length === 1 ? '' : 's'} not checked (fail-closed)`);
  if (misread.length > 0) parts.push(`${misread.length} instruction${misread.length === 1 ? '' : 's'} read differently from the builder (fail-closed)`);
  const rest = failing.length - errors.length - notChecked.length - misread.length;
  if (rest > 0) parts.push(`${rest} ${p.failOn === 'new' ? 'new ' : ''}finding${rest === 1 ? '' : 's'} at or above ${p.threshold}`);
  return { result: 'fail', reason: `failed: ${parts.join(' and ')}` };
}
