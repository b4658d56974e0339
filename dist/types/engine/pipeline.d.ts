import type { DockerfileTarget } from '../core/discover.js';
import type { McgConfig } from '../core/config.js';
import type { ImagePipeline, ImageScanResult, ScanOptions } from './scan-types.js';
import { type PipelineDeps } from './pipeline-types.js';
export type { PipelineDeps, PipelineTimings, PipelineTools, ResolvedTool, TrivyDbCache } from './pipeline-types.js';
export { unionLength } from './pipeline-types.js';
export declare class ScanPipeline implements ImagePipeline {
    private readonly deps;
    constructor(deps: PipelineDeps);
    run(target: DockerfileTarget, opts: ScanOptions, config: McgConfig): Promise<ImageScanResult>;
    /** The per-run context: the model parsed (or taken from the target), the timed exec, the temp directory. */
    private newRun;
    /** One TruffleHog status for both of its runs (image and build context). */
    private trufflehogStatus;
}
