/**
 * The step's outputs and exit status, from the run's one verdict (core/outcome.ts): the `result`
 * output, the exit code and the check run's conclusion never disagree. A publishing failure can
 * make a passing run fail, never a failing run pass.
 */
import type { Report } from '../core/types.js';
import type { Outcome } from '../core/outcome.js';
import type { ActionLog } from './log.js';
import type { PublishState } from './publishers/index.js';

/** `result`: pass, fail, or error (the run cannot be trusted: nothing checked, a scanner that did not run). */
export function resultOutput(outcome: Outcome): 'pass' | 'fail' | 'error' {
  return outcome.verdict === 'PASS' ? 'pass' : outcome.verdict === 'FAIL' ? 'fail' : 'error';
}

export function setCountOutputs(log: ActionLog, report: Report, outcome: Outcome): void {
  log.setOutput('result', resultOutput(outcome));
  log.setOutput('total', report.counts.total);
  log.setOutput('new', report.counts.new);
  for (const s of ['critical', 'high', 'medium', 'low', 'info'] as const) log.setOutput(s, report.counts.bySeverity[s]);
  const t = report.targets.find((x) => x.imageDigest || x.imageSize);
  log.setOutput('image-digest', t?.imageDigest ?? '');
  log.setOutput('image-size', t?.imageSize ?? '');
}

export function finish(log: ActionLog, outcome: Outcome, state: PublishState): void {
  log.setOutput('comment-url', state.commentUrl ?? '');
  log.setOutput('check-run-url', state.checkRunUrl ?? '');
  if (outcome.verdict !== 'PASS') log.setFailed(outcome.reason);
  else if (state.hard.length > 0) log.setFailed(`${outcome.reason}, but publishing failed: ${state.hard.join(' | ')}`);
  else log.info(outcome.reason);
}
