/** Optional engine parts the CLI wires in (YAML checks, the image pipeline), in one place. */
import type { ScanDeps } from '../core/scan.js';
import { checkYamlFile, classifyYaml } from '../core/yaml-engine.js';

export function cliExtensions(): Partial<Pick<ScanDeps, 'yaml' | 'imagePipeline'>> {
  return { yaml: { classify: classifyYaml, check: checkYamlFile } };
}
