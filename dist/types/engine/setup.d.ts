import type { Exec, Logger } from '../core/types.js';
import { ScanPipeline, type PipelineTools, type TrivyDbCache } from './pipeline.js';
import { type Downloader, type ToolCache } from '../scanners/tools.js';
export interface PipelineSetup {
    exec: Exec;
    logger: Logger;
    env: Record<string, string | undefined>;
    /** Explicit tool paths (action inputs); else MCG_TRIVY / MCG_TRUFFLEHOG from env. */
    trivyPath?: string;
    trufflehogPath?: string;
    trivyVersion?: string;
    trufflehogVersion?: string;
    cache?: ToolCache;
    download?: Downloader;
    trivyCacheDir?: string;
    /** Receives each raw secret value a scanner reported (the action masks them); never stored. */
    onSecret?: (raw: string) => void;
    /** Restores Trivy's DB before Trivy runs (the action's @actions/cache). */
    trivyCache?: TrivyDbCache;
}
export declare function pipelineTools(s: PipelineSetup): PipelineTools;
export declare function createPipeline(s: PipelineSetup): ScanPipeline;
