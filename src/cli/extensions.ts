/** Optional engine parts the CLI wires in (YAML checks, the image pipeline), in one place. */
import type { ScanDeps } from '../core/scan.js';
import type { Exec, Logger } from '../core/types.js';
import { createPipeline } from '../scanners/setup.js';

export function cliExtensions(deps?: { exec: Exec; logger: Logger; env: Record<string, string | undefined> }): Partial<Pick<ScanDeps, 'yaml' | 'imagePipeline'>> {
  if (!deps) return {};
  return { imagePipeline: createPipeline({ exec: deps.exec, logger: deps.logger, env: deps.env }) };
}
