/**
 * Publisher: the SARIF upload(s) to code scanning. A log GitHub refuses or fails to process fails
 * the step; code scanning being off (or no `security-events: write`) is a warning unless
 * `upload-sarif: true` asked for it: the SARIF stays a file in any case.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { uploadToCodeScanning } from '../code-scanning.js';
import { GitHubApiError } from '../github.js';
import { SarifProcessingError, SarifTooLargeError } from '../../sarif/upload.js';
import { MAX_GZIP_BYTES, MAX_RESULTS_PER_RUN, MAX_RUNS } from '../../sarif/limits.js';
import { publishFailed, type Publisher } from './types.js';

/** GitHub's upload caps (enforced where the logs are written: src/sarif/to-sarif.ts, src/sarif/upload.ts). */
export const CODE_SCANNING_LIMITS = { gzipBytes: MAX_GZIP_BYTES, runsPerUpload: MAX_RUNS, resultsPerRun: MAX_RESULTS_PER_RUN } as const;

export const TOOL_NAME = 'MCP Container Guard';

export const codeScanningPublisher: Publisher = {
  name: 'Code scanning',
  async publish(report, ctx) {
    const { gh, inputs, run, at, log } = ctx;
    if (!gh || inputs.uploadSarif === 'false') return;
    for (const sarifText of at.sarifTexts) {
      try {
        const opts = { commitSha: at.headSha, ref: at.ref, toolName: TOOL_NAME, startedAt: report.startedAt, unitMs: ctx.second };
        const out = await uploadToCodeScanning(gh, run.owner, run.repo, sarifText, opts, log, (ms) => sleep(ms));
        log.info(`Code scanning upload ${out.id}: ${out.status}`);
      } catch (e) {
        if (e instanceof SarifProcessingError || e instanceof SarifTooLargeError) publishFailed(ctx, e, true);
        else if (e instanceof GitHubApiError && (e.kind === 'not-enabled' || e.kind === 'permission')) publishFailed(ctx, e, inputs.uploadSarif === 'true');
        else publishFailed(ctx, e, true);
      }
    }
  },
};
