import type { Report } from './types.js';
/**
 * Streams `JSON.stringify(report) + '\n'` into `write`, in pieces of about 1 MiB: the report
 * without its findings is stringified once, and the findings array is written in between, one
 * finding at a time (each exactly as JSON.stringify writes an array element).
 */
export declare function streamReportJson(report: Report, write: (chunk: string) => void): void;
/** The report JSON as one string (stdout); files are better written with writeReportJson. */
export declare function reportJson(report: Report): string;
/** Streams the report JSON into an open file (the safe writer's descriptor, src/core/safe-write.ts). */
export declare function writeReportJsonFd(fd: number, report: Report): void;
