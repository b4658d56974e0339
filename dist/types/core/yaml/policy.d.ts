/** Capabilities that amount to host control (DESIGN §5 MCG104/MCG205). */
export declare const DANGEROUS_CAPABILITIES: ReadonlySet<string>;
/** `cap_sys_admin`, `CAP_SYS_ADMIN` and `sys_admin` all name SYS_ADMIN. */
export declare function normalizeCapability(cap: string): string;
/** Docker engine socket paths (MCG102). */
export declare const DOCKER_SOCKETS: readonly string[];
/** Container runtime sockets a kubelet node exposes (MCG208). */
export declare const RUNTIME_SOCKETS: readonly string[];
/** Normalises a host path for comparison: defaults applied, trailing slashes and `//` removed. */
export declare function normalizeHostPath(raw: string): string;
export declare function isSocketPath(raw: string, sockets: readonly string[]): boolean;
/**
 * What is wrong with an image reference's tag: `latest`, `untagged`, or undefined when it is
 * pinned by tag or digest, or when it is a reference that cannot be resolved here.
 */
export declare function imageTagProblem(raw: string): 'latest' | 'untagged' | undefined;
/** The values of `user:` that mean root as the runtime reads them: `root`, `0`, `000`, `+0:wheel`, `-0` (core/user.ts). */
export declare function isRootUserValue(raw: string): boolean;
