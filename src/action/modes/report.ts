/**
 * mode: report — publish what mode: scan jobs left in artifact-dir (a workflow_run job with a write
 * token). The artifacts came from an untrusted run: they must name this repository, the workflow
 * run's commit and pull request, and only their report JSON is read (engine/merge-reports.ts decides
 * the verdict again under this job's own policy, config and baseline).
 */
import { createClient, call, type GitHubClient } from '../github.js';
import { branchOf, loadBaseline } from '../baseline.js';
import { decideArtifacts, readArtifactSet } from '../load-artifacts.js';
import type { ArtifactMeta } from '../artifact.js';
import { annotationsPublisher, checkRunPublisher, codeScanningPublisher, commentPublisher, summaryPublisher } from '../publishers/index.js';
import { deliver, prDiff, type ModeRun } from './common.js';
import { parseSkipped } from '../../core/changed-only.js';
import { parseMatrix } from '../../core/discover.js';
import { runNothingRescanned } from './report-skipped.js';

type WorkflowRun = { head_sha?: unknown; pull_requests?: { number?: unknown }[] } | undefined;

/** Refuses an artifact that is not about this repository, or not about the workflow run's commit and pull request. */
function checkProvenance(m: ModeRun, meta: ArtifactMeta): void {
  const { ctx } = m;
  if (meta.repository.toLowerCase() !== `${ctx.owner}/${ctx.repo}`.toLowerCase()) {
    throw new Error(`the artifact was written for ${meta.repository}, not ${ctx.owner}/${ctx.repo}; refusing to publish it`);
  }
  // A workflow_run event names the run that produced the artifact: its head SHA must match.
  const wr = (m.payload as { workflow_run?: WorkflowRun }).workflow_run;
  if (wr && typeof wr.head_sha === 'string' && wr.head_sha !== meta.headSha) {
    throw new Error(`the artifact names commit ${meta.headSha} but the workflow run was for ${wr.head_sha}; refusing to publish it`);
  }
  const runPrs = (Array.isArray(wr?.pull_requests) ? wr.pull_requests : []).map((p) => p.number).filter((n): n is number => typeof n === 'number');
  if (meta.pr !== null && runPrs.length > 0 && !runPrs.includes(meta.pr)) {
    throw new Error(`the artifact names pull request #${meta.pr} but the workflow run belongs to #${runPrs.join(', #')}; refusing to publish it`);
  }
}

/** The PR number came from the untrusted run: it counts only if the PR's head really is that commit. */
async function verifiedPr(m: ModeRun, gh: GitHubClient, meta: ArtifactMeta): Promise<{ prNumber?: number; baseRef?: string }> {
  if (meta.pr === null) return {};
  const { ctx, log } = m;
  const pr = await call({ what: `read pull request #${meta.pr}`, permission: 'pull-requests: read' }, () => gh.rest.pulls.get({ owner: ctx.owner, repo: ctx.repo, pull_number: meta.pr! }));
  if (pr.data.head.sha === meta.headSha) return { prNumber: meta.pr, baseRef: pr.data.base.ref };
  log.warning(`pull request #${meta.pr} has moved on (head ${pr.data.head.sha.slice(0, 12)}, artifact ${meta.headSha.slice(0, 12)}); publishing for the artifact's commit without a comment`);
  return { baseRef: pr.data.base.ref };
}

export async function runReportMode(m: ModeRun): Promise<void> {
  const { inputs, ctx, log } = m;
  const skippedAll = inputs.matrix !== undefined && parseMatrix(inputs.matrix).length === 0 ? parseSkipped(inputs.matrix) : [];
  if (skippedAll.length > 0) return runNothingRescanned(m, skippedAll);
  const set = await log.group('Read the artifacts', () => readArtifactSet(inputs, ctx.workspace));
  const meta = set.meta;
  checkProvenance(m, meta);
  if (ctx.readOnly) log.warning(`mode: report with a read-only token (${ctx.readOnlyReason}); nothing can be published`);
  const gh = createClient(inputs.githubToken, { apiUrl: ctx.apiUrl, logger: log, secondMs: m.second });
  const { prNumber, baseRef } = await verifiedPr(m, gh, meta);
  // The baseline is this job's: the base branch GitHub names for the PR (not the artifact's claim).
  const baseline = await log.group('Baseline', () => loadBaseline({ inputs, ctx, gh: ctx.readOnly ? undefined : gh, baseRef: baseRef ?? branchOf(ctx.ref), logger: log }));
  // the one redact step: nothing of the artifacts reaches a publisher unredacted
  const decided = await log.group('Decide', () => log.secrets.redactDeep(decideArtifacts(set, { inputs, root: ctx.workspace, baseline, logger: log })));
  const { report, sarifTexts, comments, meta: shown } = decided;
  // changed-only: targets discover left out; they have no artifact and get no upload (their alerts stay)
  const notRescanned = inputs.matrix !== undefined ? parseSkipped(inputs.matrix) : [];
  if (notRescanned.length > 0) log.info(`${notRescanned.length} target(s) not rescanned (changed-only): ${notRescanned.map((s) => s.target).join(', ')}`);
  const ref = meta.pr !== null ? `refs/pull/${meta.pr}/head` : meta.baseRef ? `refs/heads/${meta.baseRef}` : ctx.ref;
  await deliver(m, {
    report,
    at: { headSha: meta.headSha, ref, prNumber, target: shown.target, checkName: inputs.checkName ?? shown.checkName, changed: await prDiff(m, gh, prNumber), comments, sarifTexts, notRescanned },
    gh: ctx.readOnly ? undefined : gh,
    publishers: [summaryPublisher, annotationsPublisher, checkRunPublisher, commentPublisher, codeScanningPublisher],
    // a merge of artifacts is empty by mistake only when some could not be read
    allowEmpty: inputs.allowEmpty || report.inputErrors.length === 0,
  });
}
