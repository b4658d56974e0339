/**
 * mode: report when changed-only left no target to rescan (the matrix's `include` is empty, its
 * `skipped` list is not): no artifact exists, so the run context names the commit and pull
 * request. One passing check run, the summary and the comment say which targets were not rescanned
 * and why; nothing is uploaded to code scanning, so every category keeps its last results.
 */
import type { Report } from '../../core/types.js';
import { SEVERITIES } from '../../core/types.js';
import { TOOL_VERSION } from '../../core/meta.js';
import type { SkippedEntry } from '../../core/changed-only.js';
import { createClient } from '../github.js';
import { checkRunPublisher, commentPublisher, summaryPublisher } from '../publishers/index.js';
import { deliver, type ModeRun } from './common.js';

export function nothingRescannedReport(m: ModeRun, skipped: readonly SkippedEntry[]): Report {
  const now = new Date().toISOString();
  return {
    schemaVersion: 1,
    tool: { name: 'mcp-container-guard', version: TOOL_VERSION },
    root: m.ctx.workspace,
    startedAt: now,
    finishedAt: now,
    policy: { threshold: m.inputs.severityThreshold, failOn: m.inputs.failOn },
    baseline: { source: 'none', fingerprints: 0 },
    targets: [],
    scanners: [],
    findings: [],
    fixed: [],
    expired: [],
    expiring: [],
    checkedFiles: 0,
    inputErrors: [],
    coverage: [],
    counts: { total: 0, new: 0, failing: 0, suppressed: 0, bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Report['counts']['bySeverity'] },
    result: 'pass',
    reason: `no target was rescanned (changed-only): the pull request changed nothing the ${skipped.length} target(s) build from`,
  };
}

export async function runNothingRescanned(m: ModeRun, skipped: readonly SkippedEntry[]): Promise<void> {
  const { inputs, ctx, log } = m;
  // without an artifact only the run itself names the commit: a workflow_run job's matrix came
  // from the untrusted run, and its own commit is not the pull request's
  if ((m.payload as { workflow_run?: unknown } | null)?.workflow_run !== undefined || ctx.pr === undefined) {
    throw new Error('the matrix lists no target to rescan, and no artifact names the commit: mode: report publishes a changed-only run without scans only in the pull request run itself (the reusable workflow), never from workflow_run');
  }
  log.info(`changed-only: no target to rescan; ${skipped.length} target(s) keep their last results`);
  const gh = ctx.readOnly ? undefined : createClient(inputs.githubToken, { apiUrl: ctx.apiUrl, logger: log, secondMs: m.second });
  await deliver(m, {
    report: nothingRescannedReport(m, skipped),
    at: { headSha: ctx.sha, ref: ctx.ref, prNumber: ctx.pr?.number, target: 'all targets', checkName: inputs.checkName ?? 'MCP Container Guard', comments: undefined, sarifTexts: [], notRescanned: [...skipped] },
    gh,
    publishers: [summaryPublisher, checkRunPublisher, commentPublisher],
    allowEmpty: true,
  });
}
