/** Planning the SARIF log: which runs (one per source and target, folded when there are too many), their rules and the results each keeps within GitHub's limits. */
import type * as sarif from 'sarif';
import type { Finding, Report, Source } from '../core/types.js';
export interface SarifOptions {
    /** Category prefix (the action's `category` input); default `mcg`. */
    category?: string;
    /** Override the gzip limit (tests). */
    maxGzipBytes?: number;
    /** Override the per-run result cap (tests). */
    maxResultsPerRun?: number;
}
interface RunGroup {
    source: Source;
    target: string;
    findings: Finding[];
}
export declare function groupRuns(report: Report): {
    groups: RunGroup[];
    folded: boolean;
};
/** One run as it will be written: everything but its results, and what the results are made of. */
export interface PlannedRun {
    /** The run with `results: []` (the key keeps its place in the output). */
    run: sarif.Run;
    findings: Finding[];
    ruleIndexes: number[];
    withBaseline: boolean;
}
/** How a run is planned: the options, the result cap per run and the notes every run carries. */
export interface PlanLimits {
    opts: SarifOptions;
    cap: number;
    notes: string[];
}
export declare function planRun(g: RunGroup, report: Report, limits: PlanLimits): PlannedRun;
export declare function materialise(p: PlannedRun): sarif.Run;
export {};
