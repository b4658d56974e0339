import type * as sarif from 'sarif';
import { type MergedReports } from './merge-reports.js';
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
