import type { Finding, SuppressionNotice } from './types.js';
export interface IgnoreEntry {
    id: string;
    path?: string;
    target?: string;
    reason?: string;
    expires?: string;
    owner?: string;
    /** Where it is written, e.g. `.mcg.yml:12`. */
    where: string;
    file: string;
    line: number;
}
export interface InlineSuppression {
    ids: string[];
    reason: string;
    path: string;
    /** Line of the comment (1-based). */
    line: number;
}
export declare const EXPIRING_WINDOW_DAYS = 14;
/** Inline suppressions of a file, keyed by the line they apply to (the first non-comment line below). */
export declare function inlineSuppressions(path: string, lines: readonly string[]): Map<number, InlineSuppression[]>;
export interface SuppressionOutcome {
    /** MCG900 findings for reason-less suppressions, MCG995 for suppressions refused because they would hide MCG990/MCG991. */
    extraFindings: Finding[];
    expired: SuppressionNotice[];
    expiring: SuppressionNotice[];
}
/**
 * Marks findings as suppressed. `fileLines` gives the text of every repository file findings may
 * point at (for inline comments); `target` names the config target for MCG900 findings.
 */
export declare function applySuppressions(findings: Finding[], fileLines: ReadonlyMap<string, readonly string[]>, entries: readonly IgnoreEntry[], now: Date): SuppressionOutcome;
