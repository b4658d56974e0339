/** The build context as Docker would send it. */
export interface BuildContextInfo {
    /** Repository-relative directory ('.' for the root). */
    dir: string;
    exists: boolean;
    /** Files below the context, POSIX paths relative to it (directories end with '/'), capped. */
    files: readonly string[];
    /** The .dockerignore in force, when there is one. */
    dockerignore?: {
        path: string;
        lines: string[];
    };
    /** True when Docker would leave the path out of the context. */
    ignored(relPath: string): boolean;
}
export declare function makeBuildContext(dir: string, files: readonly string[], dockerignore?: {
    path: string;
    text: string;
}, exists?: boolean): BuildContextInfo;
