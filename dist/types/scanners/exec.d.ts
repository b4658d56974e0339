import type { Exec, ExecResult } from '../core/types.js';
export declare const DEFAULT_MAX_STDOUT: number;
/**
 * What one process printed, bounded: stdout up to `maxOut` bytes (past that the rest is dropped and
 * `onOverflow` is called once, to stop the process), stderr up to MAX_STDERR characters. Shared by
 * the CLI's spawnExec and the action's @actions/exec wrapper so both report the same way.
 */
export declare class OutputCapture {
    private readonly maxOut;
    private readonly onOverflow;
    private readonly out;
    private outBytes;
    private truncated;
    private err;
    constructor(maxOut: number, onOverflow: () => void);
    readonly stdout: (d: Buffer) => void;
    readonly stderr: (d: Buffer) => void;
    /** Adds our own line to stderr (a spawn error, a thrown exception). */
    note(text: string): void;
    /** The result; a process stopped for too much output never counts as success. */
    result(code: number, timedOut: boolean): ExecResult;
}
export declare const spawnExec: Exec;
