import type * as sarif from 'sarif';
import type { Finding, RuleInfo, Severity, Source } from '../core/types.js';
export declare function clip(s: string, n: number): string;
/** Category-safe target label: keeps `/` (GitHub splits the category at the last one). */
export declare function targetSlug(target: string): string;
/** One rule of a run: its id and source, a finding of it (an outside scanner's rule travels on it), the worst severity and CVSS among its results, and our metadata for it from the report. */
export interface RuleRequest {
    source: Source;
    id: string;
    sample: Finding;
    severity: Severity;
    cvss: number | undefined;
    /** Report.rules[id], for our own rules. */
    meta: RuleInfo | undefined;
}
export declare function ruleFor(req: RuleRequest): sarif.ReportingDescriptor;
/**
 * A repository-relative path as a SARIF `uri` (a URI reference): each segment percent-encoded, so
 * that spaces, `%`, `#`, `?`, `:`, a backslash (a file-name character on Linux), control characters
 * and non-ASCII names stay valid and decode back to the same path. Invalid UTF-16 (a lone
 * surrogate) becomes U+FFFD rather than an exception.
 */
export declare function pathToUri(path: string): string;
export declare function resultFor(f: Finding, ruleIndex: number, withBaseline: boolean): sarif.Result;
