/**
 * The runtime probe's options (issue #20 item 5), shared by the action inputs and `mcg scan`, and
 * the summary of its verdict that goes into the report. Pure.
 */
import type { FlagGroup } from './profile.js';
import type { ProbeTool, ProbeVerdict } from './search.js';
/** auto: when an image was built and the engine can run containers; true: a probe that cannot run is an MCG990; false: never. */
export type ProbeMode = 'auto' | 'true' | 'false';
export type ProbeTransport = 'auto' | 'stdio' | 'http';
export interface ProbeOptions {
    mode: ProbeMode;
    transport: ProbeTransport;
    /** Per request of the handshake (and per start). */
    timeoutSeconds: number;
    /** NAME → value the server needs at start. The values are secrets: passed by environment, never by argument. */
    env: Record<string, string>;
}
export declare const DEFAULT_PROBE: ProbeOptions;
export declare class ProbeOptionError extends Error {
}
export declare function parseProbeMode(v: string, what?: string): ProbeMode;
export declare function parseProbeTransport(v: string, what?: string): ProbeTransport;
export declare function parseProbeTimeout(v: string, what?: string): number;
/** `NAME=value` lines (blank lines and `#` comments skipped); the message never repeats a value. */
export declare function parseProbeEnv(text: string, what?: string): Record<string, string>;
/** What the report keeps of one probe (no stderr: that is in the findings, redacted). */
export interface ProbeSummary {
    image: string;
    transport: 'stdio';
    status: ProbeVerdict['status'];
    culprits: FlagGroup[];
    /** The profile that was tried first, as `docker run` words. */
    profile: string[];
    /** The flags the image was seen to pass with, as `docker run` words (absent: it passed with none). */
    proven?: string[];
    /** The names of the probe-env variables it was given (never the values). */
    envNames: string[];
    tools: ProbeTool[];
    serverName?: string;
    starts: number;
    durationMs: number;
    /** The tool surface against the baseline's (MCG407-MCG409): compared with counts, or not and why. */
    drift?: SurfaceDriftSummary;
}
export type SurfaceDriftSummary = {
    compared: true;
    added: number;
    removed: number;
    changed: number;
} | {
    compared: false;
    reason: string;
};
export declare function summarize(v: ProbeVerdict, image: string, envNames: string[]): ProbeSummary;
