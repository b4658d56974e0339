/**
 * The report's rule table (Report.rules): the metadata of every rule of ours that a finding
 * names, from our catalog, so that the writers (sarif/, reporters/) read it from the report
 * instead of looking it up again. A table carried by an artifact's report is untrusted: our
 * catalog's entry wins for our ids; an entry for an id we do not know is kept as it came.
 */
import type { Finding, Report, RuleInfo, RuleMeta } from '../core/types.js';
export declare function ruleInfo(m: RuleMeta): RuleInfo;
/** The table for these findings: our catalog first, then what the given tables (artifacts') say of ids we do not know. */
export declare function ruleTable(findings: readonly Finding[], given?: readonly (Report['rules'] | undefined)[]): Record<string, RuleInfo>;
/** The report with its rule table. */
export declare function withRuleTable<R extends Report>(report: R, given?: readonly (Report['rules'] | undefined)[]): R;
