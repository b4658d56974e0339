/**
 * Publisher: the check run (the required status check). Its conclusion is the run's one verdict
 * (core/outcome.ts): a run that cannot be trusted (nothing checked, a scanner that did not run)
 * is a failure here too, never a green check next to a red step.
 */
import type { Report } from '../../core/types.js';
import type { Outcome } from '../../core/outcome.js';
import { publishCheckRun, type CheckRunOutput, type Conclusion } from '../check-run.js';
import { renderers } from '../render.js';
import { runUrl } from '../context.js';
import { ANNOTATIONS_PER_REQUEST, CHECK_RUN_SUMMARY_MAX, CHECK_RUN_TITLE_MAX } from '../../reporters/limits.js';
import { blobBase, publishFailed, type PublishContext, type Publisher } from './types.js';

/** GitHub's caps this publisher stays under (OpenAPI `checks/create`, `checks/update`). */
export const CHECK_RUN_LIMITS = {
  annotationsPerRequest: ANNOTATIONS_PER_REQUEST,
  summaryChars: CHECK_RUN_SUMMARY_MAX,
  titleChars: CHECK_RUN_TITLE_MAX,
  /** `external_id`: our own cap (the target names it). */
  externalIdChars: 200,
} as const;

/** The check run's conclusion: the verdict's; PASS keeps the report's success or neutral (fail-on: never). */
export function conclusionOf(report: Report, outcome: Outcome): Conclusion {
  return outcome.verdict === 'PASS' ? renderers.conclusion(report) : 'failure';
}

/** The rendered output, headed by the verdict's reason when the verdict is ERROR (the report alone would read as a pass). */
function outputOf(report: Report, ctx: PublishContext): CheckRunOutput {
  const out = renderers.checkRunOutput(report, { title: ctx.at.checkName, linkBase: blobBase(ctx), changedLines: ctx.at.changed });
  if (ctx.outcome.verdict !== 'ERROR') return out;
  const reason = ctx.outcome.reason.replace(/\s+/g, ' ');
  const title = reason.length > CHECK_RUN_LIMITS.titleChars ? `${reason.slice(0, CHECK_RUN_LIMITS.titleChars - 1)}…` : reason;
  return { ...out, title, summary: `**Error**: ${reason}\n\n${out.summary}`.slice(0, CHECK_RUN_LIMITS.summaryChars) };
}

export const checkRunPublisher: Publisher = {
  name: 'Check run',
  async publish(report, ctx) {
    const { gh, inputs, run, at, log } = ctx;
    if (!gh || !inputs.checkRun) return;
    try {
      const res = await publishCheckRun(
        gh,
        { owner: run.owner, repo: run.repo, headSha: at.headSha, name: at.checkName, detailsUrl: runUrl(run), externalId: at.target.slice(0, CHECK_RUN_LIMITS.externalIdChars) },
        outputOf(report, ctx),
        conclusionOf(report, ctx.outcome),
        log,
      );
      ctx.state.checkRunUrl = res.url;
      log.info(`Check run "${at.checkName}": ${res.annotationsSent} annotation(s)${res.url ? ` — ${res.url}` : ''}`);
    } catch (e) {
      publishFailed(ctx, e, false);
    }
  },
};
