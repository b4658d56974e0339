/** Scanner failures as findings (MCG990, fail-closed) and redaction of tool output. Pure. */
import type { Finding } from '../core/types.js';
/** Removes anything that looks like a secret from tool output before it is shown. */
export declare function redactSecrets(text: string): string;
/** The last `maxLines` non-empty lines of tool output, colour residue stripped, redacted and capped. */
export declare function outputTail(text: string, maxLines?: number, maxChars?: number): string;
export interface ScannerErrorInput {
    tool: string;
    /** Dockerfile (repo path) and line the error is anchored on (its FROM, or the failing instruction). */
    path: string;
    line: number;
    target: string;
    message: string;
    /** Stable part for the fingerprint (no counts, no times). */
    key: string;
}
export declare function scannerErrorFinding(i: ScannerErrorInput): Finding;
/** A short description of how a process ended, for messages. */
export declare function exitDescription(r: {
    exitCode: number;
    timedOut?: boolean;
}, timeoutMs?: number): string;
