import type { Report } from './types.js';
/** `s` cut to at most `max` code points, ending in "…" when cut. */
export declare function capText(s: string, max: number): string;
/**
 * Fits the report to the schema's limits in place and returns it. What a person reads and copies
 * (messages, fixes, rule titles) has escape sequences and controls taken out and invisible
 * characters shown, whatever file or tool output they were built from.
 */
export declare function fitReport(report: Report): Report;
