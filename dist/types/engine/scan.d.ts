import type { Report } from '../core/types.js';
import { type McgConfig } from '../core/config.js';
import type { ScanDeps, ScanOptions } from './scan-types.js';
export type { ImagePipeline, ImageScanResult, McpChecker, ScanDeps, ScanOptions, YamlChecker } from './scan-types.js';
export { isDockerfileName, UsageError, type DockerfileTarget } from '../core/discover.js';
export declare function loadConfig(root: string, configPath?: string): McgConfig;
export declare function scan(opts: ScanOptions, deps: ScanDeps): Promise<Report>;
