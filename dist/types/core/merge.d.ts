import { type IgnoreEntry } from './suppress.js';
import type { CoverageEntry, Finding, PolicySettings, Report, ScannerStatus, TargetInfo } from './types.js';
import type { ProbeTool } from './probe/search.js';
export interface Baseline {
    source: 'file' | 'code-scanning';
    fingerprints: Set<string>;
    entries: {
        fingerprint: string;
        ruleId?: string;
        path?: string;
    }[];
    /** The tool surface each probed target listed (issue #20 item 4), by target name; only a report JSON carries it. */
    surfaces?: Map<string, ProbeTool[]>;
}
export interface MergeInput {
    root: string;
    startedAt: Date;
    now: Date;
    policy: PolicySettings;
    findings: Finding[];
    targets: TargetInfo[];
    scanners: ScannerStatus[];
    fileLines: ReadonlyMap<string, readonly string[]>;
    ignores: readonly IgnoreEntry[];
    baseline?: Baseline;
    inputErrors?: {
        path: string;
        line: number;
        message: string;
    }[];
    checkedFiles?: number;
    coverage?: CoverageEntry[];
}
export declare function compareFindings(a: Finding, b: Finding): number;
/**
 * Sorts findings in place into the order of compareFindings, faster: the strings it collates over
 * few distinct values (target, path, rule id) are ranked once, so most comparisons are integer
 * comparisons; only full ties fall back to collating the key and the message. Values the collator
 * holds equal share a rank, so the order is exactly compareFindings' (and the sort is stable).
 */
export declare function sortFindings(findings: Finding[]): void;
/**
 * A 32-bit hash of dedupeKey(f), computed without building the key: it hashes the very characters
 * of the joined key (null and undefined as '', as join writes them; the U+0000 separators
 * included), so equal keys hash equally. Findings whose hashes are equal are told apart by
 * comparing their keys. Exported for the tests.
 */
export declare function dedupeHash(f: Finding): number;
/**
 * The merge's own copy of a finding, every property of a Finding present from creation (those the
 * finding lacks as undefined, which JSON leaves out), in one order: all copies share one shape, so
 * setting `new`, `failing`, `fingerprint` and `suppressed` later changes no object's shape. (Adding
 * them one by one to 100,000 objects of a few shapes cost more than the rest of the merge.)
 */
export declare function copyFinding(f: Finding): Finding;
export declare function mergeFindings(input: MergeInput): Report;
