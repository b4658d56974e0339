export interface BuiltTarget {
    /** Repository-relative build context (`.` for the root) and Dockerfile. */
    context: string;
    dockerfile: string;
    labels: Readonly<Record<string, string>>;
    /** The reference the user named (`--image`), when the image was not built under our own tag. */
    ref?: string;
}
export declare function builtImageFor(path: string, built: readonly BuiltTarget[]): {
    ref?: string;
    labels: Readonly<Record<string, string>>;
} | undefined;
