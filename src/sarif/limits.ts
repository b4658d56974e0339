/**
 * GitHub code scanning limits for an uploaded SARIF file. Source: GitHub docs, "SARIF support for
 * code scanning" (sarif-support.md) and data/reusables/code-scanning/sarif-limits.md; see
 * ../shared/reference/platform-facts.md §A3. A file over any of them is rejected whole.
 */
export const MAX_GZIP_BYTES = 10 * 1000 * 1000; // "10 MB" gzipped; decimal to stay on the safe side
export const MAX_RUNS = 20;
export const MAX_RESULTS_PER_RUN = 25_000;
export const MAX_RULES_PER_RUN = 25_000;
export const MAX_LOCATIONS_PER_RESULT = 1_000;
/** 20 tags are accepted per rule; only 10 are used, so we never write more. */
export const MAX_TAGS_PER_RULE = 10;
export const MAX_RULE_NAME = 255;
export const MAX_DESCRIPTION = 1_024;
