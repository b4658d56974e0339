/**
 * The coverage ledger (issue #16 item 6, #17 item 5): every file a scan found, and for each whether
 * it was checked, partly checked (and what was not) or not checked (and why). "Not checked" is never
 * a pass: whatever makes a file partial or not checked is also a failing finding (MCG990/MCG991);
 * the ledger is what a person reads to see the whole picture. Pure.
 */
import type { CoverageEntry, CoverageKind } from './types.js';
export declare class CoverageLedger {
    private readonly byPath;
    /** Records what happened to one file; a worse status for the same path and kind wins (a later MCG991 turns "checked" into "partial"). */
    record(entry: CoverageEntry): void;
    checked(path: string, kind: CoverageKind): void;
    partial(path: string, kind: CoverageKind, what: string): void;
    notChecked(path: string, kind: CoverageKind, why: string): void;
    /** Found, but not a kind of file any check applies to (e.g. a YAML file that is neither compose, Kubernetes nor a workflow). */
    notApplicable(path: string, kind: CoverageKind, why: string): void;
    entries(): CoverageEntry[];
}
