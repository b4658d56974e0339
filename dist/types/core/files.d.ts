/**
 * Reading repository files safely: confined to the workspace, bounded in size, binary and
 * non-UTF-8 content reported with a line instead of crashing.
 */
import { type Dirent } from 'node:fs';
export declare const MAX_TEXT_FILE_BYTES: number;
export declare class PathError extends Error {
}
/** Resolves `p` (relative to root or absolute) and refuses anything outside root, symlinks included. */
export declare function confine(root: string, p: string, what?: string): string;
export declare function toPosix(p: string): string;
/** Repository-relative POSIX path. */
export declare function repoPath(root: string, abs: string): string;
/**
 * `path.join(root, rel)` for a repository-relative path. A plain one (what discovery gives: no
 * empty, `.` or `..` segment) is put under root as it is; path.join's normalising pass over every
 * character is for the rest.
 */
export declare function underRoot(root: string, rel: string): string;
export type ReadResult = {
    ok: true;
    text: string;
    lines: string[];
    warning?: {
        line: number;
        message: string;
    };
} | {
    ok: false;
    line: number;
    message: string;
};
export type ReadTextResult = {
    ok: true;
    text: string;
    warning?: {
        line: number;
        message: string;
    };
} | {
    ok: false;
    line: number;
    message: string;
};
/** Reads a text file for checking; never throws. */
export declare function readTextFile(abs: string, maxBytes?: number): ReadResult;
/**
 * readTextFile without splitting the text into lines (for callers that rarely need them). Bytes
 * that are not UTF-8 are read as Go reads them, one at a time: each becomes U+FFFD, or with
 * `keepInvalidBytes` (the Dockerfile reader, which walks some parts byte by byte as BuildKit does)
 * the lone surrogate U+DC80+byte, shown as U+FFFD when a message leaves the report (visibleText).
 */
export declare function readText(abs: string, maxBytes?: number, keepInvalidBytes?: boolean): ReadTextResult;
/** Directory listings a walk keeps for later readers (listContext), bounded by their total entries. */
export interface Listings {
    dirs: Map<string, readonly Dirent[]>;
    /** Entries still allowed in; a walk stops keeping listings at 0. */
    room: number;
}
export declare function newListings(maxEntries?: number): Listings;
export interface WalkOptions {
    /** Files yielded at most (default 200,000); the rest is reported in `unread`. */
    limit?: number;
    listings?: Listings;
    /** A directory for which this says yes is not read at all. */
    skipDir?: (abs: string) => boolean;
    /** Receives every directory that could not be read, and where the limit stopped the walk. */
    unread?: {
        path: string;
        message: string;
    }[];
}
/**
 * Walks a tree (not following symlinked directories), yielding absolute file paths in sorted order.
 * With `listings`, each directory's entries are kept there (while there is room), so that a build
 * context below the walked tree is listed without reading its directories again. Nothing is left out
 * silently: an unreadable directory and the file limit are reported in `unread`.
 */
export declare function walk(dir: string, opts?: WalkOptions): Generator<string>;
/**
 * The files of a build context, relative POSIX paths, as Docker would see them before
 * .dockerignore. Heavy directories (.git, node_modules) are listed as `dir/` without descending.
 */
export declare function listContext(dir: string, limit?: number, listings?: Listings): string[];
