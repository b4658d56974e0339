export interface BuiltTarget {
    /** Repository-relative build context (`.` for the root) and Dockerfile. */
    context: string;
    dockerfile: string;
    labels: Readonly<Record<string, string>>;
    /** The reference the user named (`--image`), when the image was not built under our own tag. */
    ref?: string;
    /** The flags the runtime probe saw the image work under, as `docker run` words (ProbeSummary.proven). */
    proven?: readonly string[];
}
export declare function builtImageFor(path: string, built: readonly BuiltTarget[]): {
    ref?: string;
    labels: Readonly<Record<string, string>>;
} | undefined;
/**
 * The least-privilege profile the runtime probe proved for the image an MCP file launches (#21
 * item 4), one flag per entry (`--tmpfs /tmp`), as MCG514 reads a profile: the image built from
 * the file's own directory (a client config's dot-folder counted as that directory), else the
 * only image the scan built. Undefined when no probe proved a profile for it.
 */
export declare function provenProfileFor(path: string, built: readonly BuiltTarget[]): string[] | undefined;
