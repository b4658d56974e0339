/**
 * The verdict of a run: the CLI's exit code and `Result:` line and the action's step status, decided
 * together so they never disagree (0 PASS, 1 FAIL, 2 ERROR). ERROR is a run that cannot be trusted
 * either way: a scanner that did not run (unless `fail-on: never`), or a run that checked no file at
 * all (unless `--allow-empty` / `allow-empty: true`). Pure.
 */
import type { Report } from './types.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export interface Outcome {
  code: 0 | 1 | 2;
  verdict: 'PASS' | 'FAIL' | 'ERROR';
  reason: string;
}

/** Why the run checked nothing, from the coverage ledger. */
function emptyReason(report: Report): string {
  const found = report.coverage.filter((c) => c.status !== 'not-applicable');
  if (found.length === 0) {
    return 'no file was checked: no Dockerfile, compose file, Kubernetes manifest, workflow or MCP file was found (is the path right, or is everything excluded in .mcg.yml?); allow an empty run with --allow-empty (action: allow-empty: true)';
  }
  const notChecked = found.filter((c) => c.status === 'not-checked').length;
  return `no file was checked: ${plural(found.length, 'file')} found, ${notChecked} not checked (see Coverage); allow it with --allow-empty (action: allow-empty: true)`;
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
