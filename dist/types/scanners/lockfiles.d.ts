/**
 * Finds the line that names a package in a lockfile or manifest of the build context, so that a
 * language-package vulnerability lands where the dependency is declared (DESIGN §3). Pure.
 */
export type Ecosystem = 'python' | 'node' | 'go' | 'ruby' | 'rust' | 'php';
/** Trivy `Result.Type` → ecosystem. */
export declare function ecosystemOf(trivyType: string | undefined): Ecosystem | undefined;
/** Which lockfiles/manifests an ecosystem declares its packages in, most specific first. */
export declare function lockfileKind(fileName: string): Ecosystem | undefined;
/** 1-based line naming `name` in a lockfile/manifest, or undefined. */
export declare function findPackageLine(fileName: string, lines: readonly string[], name: string): number | undefined;
export interface Lockfile {
    /** Repository-relative path. */
    path: string;
    lines: string[];
}
/** The first lockfile (in the given order) of the package's ecosystem that names it. */
export declare function locatePackage(lockfiles: readonly Lockfile[], trivyType: string | undefined, name: string): {
    path: string;
    line: number;
} | undefined;
