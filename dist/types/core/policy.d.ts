import { type Counts, type Finding, type PolicySettings } from './types.js';
/**
 * The rules that say something was not checked (a scanner that did not run, an input we could not
 * read, an image built otherwise than we read its Dockerfile: MCG992, an image the runtime probe
 * could not get to answer at all: MCG405). They fail the run under every policy but `fail-on: never`,
 * whatever the threshold and whether new or not, and no suppression, rule setting or severity
 * override applies to them.
 */
export declare const FAIL_CLOSED_RULES: ReadonlySet<string>;
export declare function isFailClosed(ruleId: string): boolean;
export declare const DEFAULT_POLICY: PolicySettings;
/** True when this finding makes the run fail under the policy. */
export declare function isFailing(f: Finding, p: PolicySettings): boolean;
export declare function countFindings(findings: readonly Finding[]): Counts;
export declare function decide(findings: Finding[], p: PolicySettings): {
    result: 'pass' | 'fail';
    reason: string;
};
