/**
 * GitHub code scanning limits for an uploaded SARIF file. Source: GitHub docs, "SARIF support for
 * code scanning" (sarif-support.md) and data/reusables/code-scanning/sarif-limits.md; see
 * ../shared/reference/platform-facts.md §A3. A file over any of them is rejected whole.
 */
export declare const MAX_GZIP_BYTES: number;
export declare const MAX_RUNS = 20;
export declare const MAX_RESULTS_PER_RUN = 25000;
export declare const MAX_RULES_PER_RUN = 25000;
export declare const MAX_LOCATIONS_PER_RESULT = 1000;
/** 20 tags are accepted per rule; only 10 are used, so we never write more. */
export declare const MAX_TAGS_PER_RULE = 10;
export declare const MAX_RULE_NAME = 255;
export declare const MAX_DESCRIPTION = 1024;
