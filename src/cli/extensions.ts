/** Optional engine parts the CLI wires in (YAML checks, the image pipeline), in one place. */
import type { ScanDeps } from '../engine/scan.js';
import type { Exec, Logger } from '../core/types.js';
import { checkYamlFile, classifyYaml } from '../engine/yaml-engine.js';
import { createPipeline } from '../engine/setup.js';
import { mcpChecker } from '../engine/mcp-engine.js';

/**
 * The YAML checks always; the image pipeline (build, Trivy, TruffleHog, image checks) when the
 * caller hands over the process runner, logger and environment it needs.
 */
export function cliExtensions(deps?: { exec: Exec; logger: Logger; env: Record<string, string | undefined> }): Partial<Pick<ScanDeps, 'yaml' | 'mcp' | 'imagePipeline'>> {
  const yaml = { classify: classifyYaml, check: checkYamlFile };
  if (!deps) return { yaml, mcp: mcpChecker };
  return { yaml, mcp: mcpChecker, imagePipeline: createPipeline({ exec: deps.exec, logger: deps.logger, env: deps.env }) };
}
