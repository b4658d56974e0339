/**
 * The library: what `import … from 'mcp-container-guard'` gives (package.json `exports`, bundled to
 * dist/lib.js with its declarations in dist/types/). Importing it has no side effect: it prints
 * nothing, reads no input, spawns nothing and leaves the exit code alone. The action
 * (src/index.ts → dist/index.js) is referenced from action.yml only, the CLI from `bin`.
 *
 * `scan` checks a repository in process (Dockerfiles, compose, Kubernetes, workflows, MCP files);
 * with `build`, `image` or `imageTar` it also runs the image pipeline (docker, Trivy, TruffleHog,
 * found as the CLI finds them). `mergeReports` merges the reports of several scans under the
 * caller's own policy; `toSarif` / `sarifText` write a report as SARIF within GitHub's limits.
 */
import { type ScanOptions } from './engine/scan.js';
import type { Logger, Report } from './core/types.js';
export type { ScanOptions } from './engine/scan.js';
export type { Counts, FailOn, Finding, Location, Logger, PolicySettings, Report, RuleInfo, RuleKind, RuleMeta, ScannerStatus, Severity, Source, TargetInfo, } from './core/types.js';
export { SEVERITIES } from './core/types.js';
export type { Baseline } from './core/merge.js';
export { mergeReports, mergedSarif, readArtifactReports, parseReport, MergeError, type ArtifactReport, type MergeOptions, type MergedReports, type SarifParts } from './engine/merge-reports.js';
export { toSarif, sarifText, type SarifOptions } from './sarif/to-sarif.js';
export { reportJson } from './core/report-io.js';
export { catalog } from './rules/index.js';
export { UsageError } from './core/discover.js';
export { ConfigError } from './core/config.js';
/** What `scan` needs: the repository root (absolute) and, optionally, anything ScanOptions has. */
export interface LibraryScanOptions extends Partial<ScanOptions> {
    root: string;
    /** Where progress and warnings go; by default nowhere (a library prints nothing). */
    logger?: Logger;
    /** The environment the image pipeline reads tool paths from (MCG_TRIVY …); default process.env. */
    env?: Record<string, string | undefined>;
}
/**
 * Scans a repository and returns the report. Static by default (no build, no external scanner);
 * nothing is written anywhere. Throws UsageError / ConfigError for bad options or configuration.
 */
export declare function scan(opts: LibraryScanOptions): Promise<Report>;
