/**
 * Publisher: the files of the run in artifact-dir (inside the workspace, through the one safe
 * writer): the SARIF log (or sarif-file), the report JSON, the OpenVEX document, and for a
 * `mode: scan` (or read-only) run the metadata a `mode: report` job needs. Sets the file outputs.
 */
import { join, relative } from 'node:path';
import { safeWriteFile } from '../../core/safe-write.js';
import { reportJson } from '../../core/report-io.js';
import { reportVex } from '../../core/vex/openvex-out.js';
import { MAX_REPORT_BYTES, REPORT_FILE, SARIF_FILE, VEX_FILE, writeMeta, type ArtifactMeta } from '../artifact.js';
import type { Publisher } from './types.js';

/** What a report job accepts back (artifact.ts): a report bigger than this is refused there, so it is said here. */
export const ARTIFACT_REPORT_MAX_BYTES = MAX_REPORT_BYTES;

/** `meta`: the hand-over to a `mode: report` job (written for mode: scan and read-only runs). */
export function artifactsPublisher(meta?: ArtifactMeta): Publisher {
  return {
    name: 'Result files',
    async publish(report, ctx) {
      const { inputs, run, at, log } = ctx;
      const root = run.workspace;
      const dir = inputs.artifactDir;
      const artifact = { root, what: 'artifact-dir' };
      const sarifText = at.sarifTexts[0] ?? '';
      const sarifPath = safeWriteFile({ root, what: inputs.sarifFile ? 'sarif-file' : 'artifact-dir' }, inputs.sarifFile ?? join(dir, SARIF_FILE), sarifText);
      const reportText = reportJson(report);
      const reportPath = safeWriteFile(artifact, join(dir, REPORT_FILE), reportText);
      const vexPath = safeWriteFile(artifact, join(dir, VEX_FILE), `${JSON.stringify(reportVex(report, `${run.owner}/${run.repo}`), null, 2)}\n`);
      log.setOutput('vex-file', relative(root, vexPath));
      log.setOutput('sarif-file', relative(root, sarifPath));
      log.setOutput('report-file', relative(root, reportPath));
      if (!meta) return;
      // the artifact carries its SARIF under the fixed name, wherever sarif-file put the other copy
      if (inputs.sarifFile) safeWriteFile(artifact, join(dir, SARIF_FILE), sarifText);
      if (Buffer.byteLength(reportText) > ARTIFACT_REPORT_MAX_BYTES) log.warning(`${REPORT_FILE} is over the ${ARTIFACT_REPORT_MAX_BYTES}-byte limit a mode: report job accepts; it will be reported there as not checked`);
      writeMeta(root, dir, meta);
      log.info(`Scan results written to ${dir}/ for a mode: report job`);
    },
  };
}
