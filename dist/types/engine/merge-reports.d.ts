import { type IgnoreEntry } from '../core/suppress.js';
import type { Baseline } from '../core/merge.js';
import type { VexStatement } from '../core/vex/read.js';
import type { PolicySettings, Report, ScannerStatus } from '../core/types.js';
import { type ArtifactReport } from './artifact-reports.js';
export { findArtifactDirs, MAX_ARTIFACTS, MAX_REPORT_BYTES, MAX_TOTAL_BYTES, MergeError, META_FILE, parseReport, readArtifactReports, REPORT_FILE, reportSchemaErrors, SARIF_FILE, type ArtifactReport, } from './artifact-reports.js';
export { mergedSarif, type SarifParts } from './merged-sarif.js';
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
    /** The merging job's own VEX documents (`--vex`): applied to each target's image findings, as a scan applies them. */
    vex?: ReadonlyArray<readonly VexStatement[]>;
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
