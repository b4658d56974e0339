/**
 * The CLI's verdict: one exit code and one `Result:` line, decided together so they never disagree
 * (0 PASS, 1 FAIL, 2 ERROR). ERROR is a run that cannot be trusted either way: a scanner that did not
 * run (unless `fail-on: never`), or a run that checked no file at all (unless `--allow-empty`).
 */
import type { Report } from '../core/types.js';
import { plural } from '../reporters/common.js';

export interface Outcome {
  code: 0 | 1 | 2;
  verdict: 'PASS' | 'FAIL' | 'ERROR';
  reason: string;
}

/** Why the run checked nothing, from the coverage ledger. */
function emptyReason(report: Report): string {
  const found = report.coverage.filter((c) => c.status !== 'not-applicable');
  if (found.length === 0) {
    return 'no file was checked: no Dockerfile, compose file, Kubernetes manifest, workflow or MCP file was found (is the path right, or is everything excluded in .mcg.yml?); pass --allow-empty to accept an empty run';
  }
  const notChecked = found.filter((c) => c.status === 'not-checked').length;
  return `no file was checked: ${plural(found.length, 'file')} found, ${notChecked} not checked (see Coverage); pass --allow-empty to accept a run that checks nothing`;
}

export function outcomeFor(report: Report, opts: { allowEmpty: boolean }): Outcome {
  const checkedNothing = (report.checkedFiles ?? 0) === 0 && report.targets.every((t) => !t.image);
  if (checkedNothing && !opts.allowEmpty) return { code: 2, verdict: 'ERROR', reason: emptyReason(report) };
  const failed = report.scanners.filter((s) => s.status === 'failed');
  if (failed.length > 0 && report.policy.failOn !== 'never') {
    return { code: 2, verdict: 'ERROR', reason: `${failed.map((s) => s.name).join(', ')} did not complete; ${report.reason}` };
  }
  return report.result === 'pass' ? { code: 0, verdict: 'PASS', reason: report.reason } : { code: 1, verdict: 'FAIL', reason: report.reason };
}
