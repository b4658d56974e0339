/**
 * The action's side of the image SBOM (issue #22): which documents the `sbom-format` input asks
 * for, writing them beside the SARIF in artifact-dir (so the artifact upload carries them), the
 * step outputs with their paths, the job-summary section linking them, and the dependency
 * snapshot submitted from the same package list.
 */
import { appendRunnerFile } from '../core/safe-write.js';
import { codeSpan, escapeMarkdownText } from '../reporters/escape.js';
import { join, relative } from 'node:path';
import type { Logger } from '../core/types.js';
import { sbomFormats, type SbomFormatChoice } from '../core/sbom.js';
import { SbomCollector, writeSboms, type WrittenSbom } from '../core/sbom-write.js';
import type { ActionInputs } from './inputs.js';
import type { RunContext } from './context.js';
import type { GitHubClient } from './github.js';
import type { ActionLog } from './log.js';
import { snapshotDecision, submitSnapshots } from './dependency-snapshot.js';
import { SUMMARY_MAX_BYTES } from './publishers/summary.js';

/** The file name stem beside mcg.sarif: mcg.cdx.json, mcg.spdx.json. */
export const SBOM_BASE = 'mcg';

export const SBOM_OUTPUTS = { cyclonedx: 'sbom-cyclonedx-file', spdx: 'sbom-spdx-file' } as const;

/** The collector to hand the scan, or undefined when neither an SBOM nor a snapshot is wanted. */
export function sbomCollector(inputs: Pick<ActionInputs, 'sbomFormat' | 'dependencySnapshot' | 'mode'>, ctx: RunContext): SbomCollector | undefined {
  const formats = sbomFormats(inputs.sbomFormat as SbomFormatChoice);
  const snapshot = snapshotDecision(inputs.dependencySnapshot, { ctx, mode: inputs.mode, hasToken: true }).send;
  return formats.length > 0 || snapshot ? new SbomCollector(formats) : undefined;
}

/** Writes the documents into artifact-dir and sets the outputs (empty when none). */
export function writeSbomOutputs(collector: SbomCollector | undefined, at: { root: string; artifactDir: string; log: ActionLog }): WrittenSbom[] {
  const written = collector ? writeSboms(collector.sboms, { root: at.root, what: 'artifact-dir' }, { base: join(at.artifactDir, SBOM_BASE) }) : [];
  for (const format of ['cyclonedx', 'spdx'] as const) {
    at.log.setOutput(SBOM_OUTPUTS[format], written.filter((w) => w.format === format).map((w) => relative(at.root, w.path)).join('\n'));
  }
  return written;
}

/** The job-summary section: each file, and where the run's artifacts can be downloaded. */
export function sbomSummary(written: readonly WrittenSbom[], root: string, runUrl: string | undefined): string {
  if (written.length === 0) return '';
  // target names and paths come from the repository: inert in a table cell, whatever they hold
  const rows = written.map((w) => `| ${escapeMarkdownText(w.target)} | ${w.format === 'cyclonedx' ? 'CycloneDX 1.6' : 'SPDX 2.3'} | ${codeSpan(relative(root, w.path), { table: true })} |`);
  const where = runUrl ? `Download them with the run's artifacts: [${runUrl}](${runUrl}#artifacts).` : 'They are in the workspace, beside the SARIF.';
  return ['', '### SBOM of the image', '', '| Target | Format | File |', '| --- | --- | --- |', ...rows, '', where, ''].join('\n');
}

/** Appends the SBOM section to the job summary through the one safe writer (GITHUB_STEP_SUMMARY only). */
export function writeSbomSummary(written: readonly WrittenSbom[], at: { root: string; runUrl: string | undefined; log: ActionLog; enabled: boolean; env: Record<string, string | undefined> }): void {
  const text = sbomSummary(written, at.root, at.runUrl);
  if (!text || !at.enabled || !at.env['GITHUB_STEP_SUMMARY']) return;
  try {
    appendRunnerFile({ name: 'GITHUB_STEP_SUMMARY', env: at.env, root: at.root, maxBytes: SUMMARY_MAX_BYTES }, at.log.secrets.redact(text));
  } catch (e) {
    at.log.warning(`Could not add the SBOM to the job summary: ${(e as Error).message}`);
  }
}

/** After the scan's publishers: the dependency snapshot, when this run may send it. Returns failures that fail the step. */
export async function publishDependencySnapshot(gh: GitHubClient | undefined, ctx: RunContext, at: { inputs: ActionInputs; collector: SbomCollector | undefined }, logger: Logger): Promise<string[]> {
  const d = snapshotDecision(at.inputs.dependencySnapshot, { ctx, mode: at.inputs.mode, hasToken: gh !== undefined });
  if (!d.send) {
    if (at.inputs.dependencySnapshot === 'true') logger.warning(`dependency-snapshot: true, but ${d.reason}`);
    else logger.debug(`no dependency snapshot: ${d.reason}`);
    return [];
  }
  if (!gh || !at.collector || at.collector.sboms.length === 0) {
    logger.info('No image was scanned by Trivy: no dependency snapshot to submit');
    return [];
  }
  const r = await submitSnapshots(gh, ctx, { sboms: at.collector.sboms, input: at.inputs.dependencySnapshot }, logger);
  return r.hard;
}
