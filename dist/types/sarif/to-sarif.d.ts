import type * as sarif from 'sarif';
import type { Report } from '../core/types.js';
import { type SarifOptions } from './plan.js';
export { pathToUri, targetSlug } from './descriptors.js';
export type { SarifOptions } from './plan.js';
export declare const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export declare function gzipSize(log: sarif.Log): number;
/** Where the streamed text goes. `reset` drops what an attempt wrote when the log had to be trimmed. */
export interface SarifSink {
    /** A piece of the log; `utf8` holds its bytes when `wantsBytes` (or when they were encoded anyway). */
    write(chunk: string, utf8?: Buffer): void;
    reset(): void;
    /** The sink writes bytes: encode each piece once, for both it and the size check. */
    wantsBytes?: boolean;
}
/** What a streamed log came to. */
export interface SarifStats {
    /** UTF-8 bytes written. */
    bytes: number;
    /**
     * The size check's gzip estimate (deflate at the fastest level, 1 MiB pieces compressed on their
     * own: never smaller than one gzip of the whole at the default or best level in practice), or
     * undefined when the plain text is small enough to fit without compressing anything.
     */
    gzipEstimate?: number;
    runs: number;
    results: number;
    /** Results left out to stay within GitHub's limits. */
    dropped: number;
}
/** Builds the SARIF log of a report, within GitHub's limits (trimming lowest severity first, and saying so). */
export declare function toSarif(report: Report, opts?: SarifOptions): sarif.Log;
/**
 * Streams the SARIF log of a report into `sink`: exactly the text of
 * `JSON.stringify(toSarif(report, opts)) + '\n'`, without building the log's object graph
 * or holding its text twice. When the log has to be trimmed, `sink.reset()` is called before each
 * new attempt.
 */
export declare function writeSarif(report: Report, sink: SarifSink, opts?: SarifOptions): SarifStats;
/** The runs of a report's SARIF log as text, to be packed into logs with others (sarifLogOfRuns). */
export interface RunsText {
    /** The runs as they appear inside a log's `runs` array, separated by `,`; empty when none. */
    text: string;
    /** Each run's `automationDetails.id`. */
    ids: string[];
}
export declare function sarifRunsText(report: Report, opts?: SarifOptions): RunsText;
/** One SARIF log of runs from sarifRunsText: the text JSON.stringify(log) + newline would give. */
export declare function sarifLogOfRuns(runs: readonly string[]): string;
/** The SARIF log of a report as text (what `--format sarif` prints and the upload sends). */
export declare function sarifText(report: Report, opts?: SarifOptions): string;
/**
 * Streams the SARIF log of a report into an open, empty file (the safe writer's descriptor,
 * src/core/safe-write.ts), in 1 MiB writes; returns the figures of what was written.
 */
export declare function writeSarifFd(fd: number, report: Report, opts?: SarifOptions): SarifStats;
