/**
 * Publisher: workflow-command annotations (`::error file=…::`), fork-safe. GitHub shows at most
 * WORKFLOW_ANNOTATIONS_PER_LEVEL per level and step and drops the rest silently, so the renderer
 * picks them (changed lines first) and says how many more the check run and the SARIF hold.
 */
import { buildAnnotationCommands } from '../../reporters/index.js';
import { WORKFLOW_ANNOTATIONS_PER_LEVEL } from '../../reporters/limits.js';
import type { Publisher } from './types.js';

/** Annotations shown per level (error, warning, notice) and step. */
export const ANNOTATIONS_PER_LEVEL = WORKFLOW_ANNOTATIONS_PER_LEVEL;

export const annotationsPublisher: Publisher = {
  name: 'Annotations',
  async publish(report, ctx) {
    if (!ctx.inputs.annotations) return;
    for (const cmd of buildAnnotationCommands(report, { changedLines: ctx.at.changed, perLevel: ANNOTATIONS_PER_LEVEL })) ctx.log.rawCommand(cmd);
  },
};
