import type { Report } from '../core/types.js';
/** File names inside one scan artifact (the action's `mode: scan` writes them to artifact-dir). */
export declare const REPORT_FILE = "mcg-report.json";
export declare const SARIF_FILE = "mcg.sarif";
export declare const META_FILE = "mcg-meta.json";
export declare const MAX_REPORT_BYTES: number;
export declare const MAX_TOTAL_BYTES: number;
/** One artifact per matrix job; a matrix has at most 256 jobs. */
export declare const MAX_ARTIFACTS = 256;
export declare class MergeError extends Error {
}
/**
 * Checks untrusted data against schema/report.schema.json, the one schema of the report JSON (the
 * CLI's merge and the action's mode: report both use it). Returns the first problems, or [] when valid.
 */
export declare function reportSchemaErrors(data: unknown, max?: number): string[];
/** Validates an untrusted report JSON text; throws MergeError naming the artifact and the first problems. */
export declare function parseReport(text: string, label: string): Report;
export interface ArtifactReport {
    /** Where it came from (directory), for messages. */
    label: string;
    report: Report;
}
/**
 * The artifact directories to merge: each given directory is one artifact (it holds
 * mcg-report.json) or a download directory whose subdirectories are artifacts (what
 * `actions/download-artifact` writes for several artifacts). Sorted by path; symlinks refused.
 */
export declare function findArtifactDirs(dirs: readonly string[]): string[];
/** Reads and validates the reports of the artifact directories (see findArtifactDirs). */
export declare function readArtifactReports(dirs: readonly string[]): ArtifactReport[];
