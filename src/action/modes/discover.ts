/** mode: discover — the Dockerfiles (dockerfile = globs) as a strategy.matrix for the reusable workflow. */
import { loadConfig } from '../../engine/scan.js';
import { discover, matrixOf } from '../../core/discover.js';
import type { ModeRun } from './common.js';

export async function runDiscoverMode(m: ModeRun): Promise<void> {
  const { inputs, log } = m;
  const root = m.ctx.workspace;
  const config = loadConfig(root, inputs.config);
  const found = discover({ root, dockerfileGlobs: inputs.dockerfiles, context: inputs.context, include: config.include, exclude: config.exclude });
  const matrix = matrixOf(found.dockerfiles);
  log.setOutput('matrix', JSON.stringify(matrix));
  log.setOutput('count', matrix.include.length);
  log.info(`${matrix.include.length} Dockerfile(s): ${matrix.include.map((e) => `${e.dockerfile} (${e.target})`).join(', ') || 'none'}`);
}
