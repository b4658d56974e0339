/** The scan's Dockerfile phase: each target read, parsed once, run through the image pipeline when asked, then the Dockerfile rules. */
import type { DockerfileTarget } from '../core/discover.js';
import type { BuiltTarget } from '../core/mcp/built-image.js';
import type { ScanRun, ScanState } from './scan-state.js';
export interface DockerfilePhase {
    checked: number;
    /** Time spent in the image pipeline (it reports its own scanners' times). */
    pipelineMs: number;
    /** The images this scan built, for the MCP files that describe them. */
    built: BuiltTarget[];
}
export declare function scanDockerfiles(s: ScanState, run: ScanRun, dockerfiles: readonly DockerfileTarget[]): Promise<DockerfilePhase>;
