import type { Logger } from '../core/types.js';
import type { Stage } from '../core/dockerfile/model.js';
import { type Lockfile } from '../scanners/lockfiles.js';
import { type ProbeRunInput } from './probe-run.js';
import type { Baseline } from '../core/merge.js';
import type { PipelineRun, ReadImage, ResolvedTool, StageResult } from './pipeline-types.js';
/** A resolved TruffleHog, or why it could not be had. */
export type ThTool = {
    ok: true;
    t: ResolvedTool;
} | {
    ok: false;
    e: string;
};
/** The image stages' input: the tarball, the final stage, and the image as it is read (awaited by each stage when it needs it). */
export interface ImageInput {
    tar: string;
    final: Stage;
    mapped: () => Promise<ReadImage>;
    /** The image's name for the report and the SBOM. */
    image?: string;
}
export declare function lockfilesOf(root: string, contextRepo: string, logger: Logger): Lockfile[];
export declare function trivyStage(run: PipelineRun, tool: {
    trivy: Promise<ResolvedTool>;
    db: Promise<void> | undefined;
}, input: ImageInput, lockfiles: Lockfile[]): Promise<StageResult>;
export declare function trufflehogImageStage(run: PipelineRun, thTool: Promise<ThTool>, input: ImageInput): Promise<StageResult>;
/** TruffleHog on the build context: needs no image, so it starts first. */
export declare function trufflehogContextStage(run: PipelineRun, thTool: Promise<ThTool>, excludeFile: string): Promise<StageResult>;
export declare function imageChecksStage(run: PipelineRun, input: ImageInput, builtHere: boolean): Promise<StageResult>;
/** The baseline's tool surface for a target, or why there is none (only a report JSON baseline records one). */
export declare function baselineSurface(b: Baseline | undefined, target: string): ProbeRunInput['baseline'];
export declare function probeStage(run: PipelineRun, input: ImageInput, runRef: string | undefined): Promise<StageResult>;
