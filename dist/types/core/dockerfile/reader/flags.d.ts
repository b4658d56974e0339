export interface SplitLine {
    cmd: string;
    flags: string[];
    /** Arguments after the flags, trimmed. */
    args: string;
}
export declare function splitCommand(line: string, escape: string): SplitLine;
