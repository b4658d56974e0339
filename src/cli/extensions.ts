/** Optional engine parts the CLI wires in (YAML checks, the image pipeline), in one place. */
import type { ScanDeps } from '../core/scan.js';

export function cliExtensions(): Partial<Pick<ScanDeps, 'yaml' | 'imagePipeline'>> {
  return {};
}
