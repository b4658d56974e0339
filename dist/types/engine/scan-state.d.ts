/** What the scan's phases gather, in one place: findings, file lines, input errors, targets, scanners, coverage. */
import type { CoverageKind, Finding, ScannerStatus, TargetInfo } from '../core/types.js';
import type { McgConfig } from '../core/config.js';
import type { Listings } from '../core/files.js';
import type { loadVex } from '../core/vex/scan-vex.js';
import { CoverageLedger } from '../core/coverage.js';
import type { ScanDeps, ScanOptions } from './scan-types.js';
/** What every phase reads: the confined root, the options, the checkers, the config and the VEX documents. */
export interface ScanRun {
    root: string;
    opts: ScanOptions;
    deps: ScanDeps;
    config: McgConfig;
    vex: ReturnType<typeof loadVex>;
    listings: Listings;
}
export declare class ScanState {
    readonly findings: Finding[];
    readonly fileLines: Map<string, readonly string[]>;
    readonly inputErrors: {
        path: string;
        line: number;
        message: string;
    }[];
    readonly targets: TargetInfo[];
    readonly scanners: ScannerStatus[];
    readonly coverage: CoverageLedger;
    /** An MCG991 finding (and its input error) for a file or part of one that could not be checked. */
    inputError(path: string, line: number, message: string, target: string): void;
    /** Keeps a file's lines for inline suppressions: a file without `mcg-ignore` has none to find. */
    keepLines(path: string, text: string): void;
    /** Takes a checker's findings; its MCG991 ones (part of the file not checked) also mark the file partial. */
    addChecked(findings: readonly Finding[], kind: CoverageKind): void;
}
