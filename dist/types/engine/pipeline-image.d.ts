import type { Stage } from '../core/dockerfile/model.js';
import type { PipelineRun, ReadImage, StageResult } from './pipeline-types.js';
/** The image as a tarball, and what the later stages need to know of where it came from. */
export interface AcquiredImage extends StageResult {
    tar?: string;
    /** The image the engine has, for the runtime probe (an image-tar input is not loaded into it). */
    runRef?: string;
    /** The image checks compare the image with our reading only when we built it (MCG992). */
    builtHere: boolean;
    /** The image's name for the report (tag, reference or tarball name). */
    image?: string;
}
export declare function acquireImage(run: PipelineRun, contextAbs: string): Promise<AcquiredImage>;
/** Reads the tarball once (the scanners, which read the same file, already run meanwhile). */
export declare function readImage(run: PipelineRun, tar: string, final: Stage): Promise<ReadImage & StageResult>;
