/**
 * Publisher: the job summary. Written through the one safe writer (core/safe-write.ts
 * appendRunnerFile): only the file GITHUB_STEP_SUMMARY names, appended, never through a link, and
 * never past GitHub's per-step limit. Fork-safe (no token needed).
 */
import { appendRunnerFile } from '../../core/safe-write.js';
import { buildSummary } from '../../reporters/index.js';
import { STEP_SUMMARY_HEADROOM_BYTES, STEP_SUMMARY_MAX_BYTES } from '../../reporters/limits.js';
import { notRescannedSection } from '../../reporters/not-rescanned.js';
import type { Publisher } from './types.js';

/** GitHub's job summary limit per step: 1 MiB ("supports content up to a size of 1024k"). */
export const SUMMARY_MAX_BYTES = STEP_SUMMARY_MAX_BYTES;
/** What our markdown may take of it: the rest is kept for the verdict line and other writers of this step. */
export const SUMMARY_RENDER_MAX_BYTES = SUMMARY_MAX_BYTES - STEP_SUMMARY_HEADROOM_BYTES;

export const summaryPublisher: Publisher = {
  name: 'Job summary',
  async publish(report, ctx) {
    const env = ctx.env;
    if (!ctx.inputs.summary || !env['GITHUB_STEP_SUMMARY']) return;
    const head = ctx.outcome.verdict === 'ERROR' ? `> [!CAUTION]\n> **Error**: ${ctx.outcome.reason.replace(/\s+/g, ' ')}\n\n` : '';
    const skipped = notRescannedSection(ctx.at.notRescanned ?? []);
    const text = ctx.log.secrets.redact(`${head}${buildSummary(report, { maxBytes: SUMMARY_RENDER_MAX_BYTES - Buffer.byteLength(head) - Buffer.byteLength(skipped) })}\n${skipped}`);
    try {
      appendRunnerFile({ name: 'GITHUB_STEP_SUMMARY', env, root: ctx.run.workspace, maxBytes: SUMMARY_MAX_BYTES }, text);
    } catch (e) {
      ctx.log.warning(`Could not write the job summary: ${(e as Error).message}`);
    }
  },
};
