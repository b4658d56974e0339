import type * as sarif from 'sarif';
import { type IgnoreEntry } from './suppress.js';
import type { Baseline } from './merge.js';
import type { PolicySettings, Report, ScannerStatus } from './types.js';
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
export interface MergeOptions {
    /** The merging job's own policy; the reports' policies are never used (DEFAULT_POLICY where unset). */
    policy?: Partial<PolicySettings>;
    /** The merging job's baseline: a finding is new unless its fingerprint is in it (an artifact's `new` is ignored). */
    baseline?: Baseline;
    /** The merging job's config `ignore:` entries: the only suppressions that count (an artifact's claims are ignored). */
    ignore?: readonly IgnoreEntry[];
    /**
     * Dockerfiles that must have a report (the discover matrix): one that has none is a scanner
     * error at the Dockerfile's first line, so a scan job that died never reads as a pass.
     */
    expectDockerfiles?: readonly string[];
    /**
     * Artifacts that were there but could not be read or did not validate: each is a scanner error
     * (MCG990) for its target, and every other artifact is still merged and published.
     */
    unreadable?: readonly UnreadableArtifact[];
    now?: Date;
}
export interface UnreadableArtifact {
    /** The artifact's directory, relative to the workspace. */
    label: string;
    /** Its Dockerfile when the matrix or its metadata names one (a repository path). */
    dockerfile?: string;
    reason: string;
}
export interface MergedReports {
    report: Report;
    /** Scanner statuses per target, as each scan job reported them (for the SARIF runs). */
    scannersByTarget: Map<string, ScannerStatus[]>;
    /** Things a person should know (policies that differed, duplicates dropped). */
    notes: string[];
}
export declare function mergeReports(inputs: readonly ArtifactReport[], opts?: MergeOptions): MergedReports;
/** The part of a merged report that belongs to one target (what that target's SARIF runs show). */
export declare function targetReport(merged: MergedReports, target: string): Report;
export interface SarifParts {
    /** One or more SARIF logs as compact text (`JSON.stringify(log)` and a newline), each within GitHub's per-upload limits; a target is never split. */
    texts: string[];
    /** The same logs parsed (computed on each read: prefer `texts`). */
    readonly logs: sarif.Log[];
    /** The categories (`automationDetails.id` without the trailing run id), in order. */
    categories: string[];
}
/**
 * SARIF for a merged report: every target's runs (one per source) with the category
 * `<category>/<target>/`, packed into as few logs as GitHub accepts per upload. Each target's runs
 * are streamed once (no log object graph); a log is closed when one more target would exceed the
 * runs per upload or, by the sum of the targets' own gzip estimates, the size limit.
 */
export declare function mergedSarif(merged: MergedReports, opts?: {
    category?: string;
    maxRuns?: number;
    maxGzipBytes?: number;
}): SarifParts;
