/**
 * Publishers of the image SBOM (issue #22): the documents beside the SARIF with their paths in
 * the step outputs and a job-summary section, and the dependency snapshot sent from the same
 * package list (only when this run may write: `ctx.gh` is absent on fork and Dependabot runs).
 */
import type { SbomCollector } from '../../core/sbom-write.js';
import { runUrl } from '../context.js';
import { publishDependencySnapshot, writeSbomOutputs, writeSbomSummary } from '../sbom-outputs.js';
import type { Publisher } from './types.js';
import { appendAll } from '../../core/arrays.js';

export function sbomPublisher(collector: SbomCollector | undefined): Publisher {
  return {
    name: 'SBOM',
    async publish(_report, ctx) {
      const root = ctx.run.workspace;
      const written = writeSbomOutputs(collector, { root, artifactDir: ctx.inputs.artifactDir, log: ctx.log });
      writeSbomSummary(written, { root, runUrl: runUrl(ctx.run), log: ctx.log, enabled: ctx.inputs.summary, env: ctx.env });
    },
  };
}

export function dependencySnapshotPublisher(collector: SbomCollector | undefined): Publisher {
  return {
    name: 'Dependency snapshot',
    async publish(_report, ctx) {
      appendAll(ctx.state.hard, await publishDependencySnapshot(ctx.gh, ctx.run, { inputs: ctx.inputs, collector }, ctx.log));
    },
  };
}
