export declare class WriteError extends Error {
}
export interface WriteTarget {
    /** The workspace: symlinks below it are never followed. */
    root: string;
    /** Relative paths resolve against this (default root). */
    cwd?: string;
    /**
     * Paths outside root are refused (the action) unless this is true (the CLI, where the user typed
     * the path: directories above root are the user's own and followed as the system does).
     */
    allowOutside?: boolean;
    /** How the path is named in errors: `--output`, `sarif-file`. */
    what?: string;
}
/** The content: text, bytes, or a function streaming into the open file descriptor. */
export type WriteContent = string | Uint8Array | ((fd: number) => void);
/**
 * Resolves and checks where `p` may be written; creates its directories. Returns the absolute
 * path of the file. Throws WriteError naming the path otherwise.
 */
export declare function prepareWrite(target: WriteTarget, p: string): string;
/** Writes `content` to `p` safely (see the module comment); returns the absolute path written. */
export declare function safeWriteFile(target: WriteTarget, p: string, content: WriteContent): string;
/**
 * Files outside the workspace that the runner hands a step through its environment, by variable
 * name. Only these may be written outside the workspace by the action, and only appended to.
 */
export declare const RUNNER_FILES: readonly ["GITHUB_STEP_SUMMARY"];
export type RunnerFileName = (typeof RUNNER_FILES)[number];
export interface RunnerFile {
    /** Which of RUNNER_FILES. */
    name: RunnerFileName;
    /** The environment that names it (process.env in the action). */
    env: Record<string, string | undefined>;
    /** The workspace: if the runner's path lies below it, no component of it may be a link. */
    root?: string;
    /** The most this file may hold after the append, in bytes (the runner's own cap). */
    maxBytes?: number;
}
/**
 * Appends `content` to the runner file `f.name` (e.g. the job summary). The path is the one the
 * environment gives, absolute, never under a pseudo-filesystem; below the workspace no component
 * may be a symbolic link; the file itself is opened with O_NOFOLLOW (a link there is refused, not
 * followed) and O_APPEND, must be a regular file once open, and is never grown beyond `maxBytes`.
 * Returns the path written.
 */
export declare function appendRunnerFile(f: RunnerFile, content: string | Uint8Array): string;
