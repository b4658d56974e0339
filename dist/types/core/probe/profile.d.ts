/**
 * The least-privilege profile the runtime probe starts an image under (DESIGN §1 3a, issue #20),
 * as named groups of `docker run` flags, and the argv of one probe start. Pure.
 */
/** One group of flags the bounded search can take away as a unit. */
export type FlagGroup = 'user' | 'read-only' | 'network' | 'capabilities' | 'limits';
export interface ProfileFlag {
    group: FlagGroup;
    /** The `docker run` words, e.g. ['--cap-drop', 'ALL']. */
    args: string[];
}
export interface ProfileInput {
    /** The image config's User ('' when it has none). */
    imageUser: string;
    transport: 'stdio' | 'http';
    /** Default 512m. */
    memory?: string;
    /** Default 256. */
    pids?: number;
}
/** The UID a probe runs an image as when the image names no non-root user. */
export declare const FALLBACK_UID = "65532";
/** The image's own user, unless it is empty or root, then 65532 (with the same group). */
export declare function probeUser(imageUser: string): string;
/** The least-privilege profile, in the order it is written out. */
export declare function leastPrivilege(p: ProfileInput): ProfileFlag[];
/** The flags with the given groups taken out. */
export declare function without(flags: readonly ProfileFlag[], groups: readonly FlagGroup[]): ProfileFlag[];
/** The words of the flags, in order. */
export declare function flagWords(flags: readonly ProfileFlag[]): string[];
/** The label every probe container carries (the post step and the tests find leftovers by it). */
export declare const PROBE_LABEL = "io.github.mcp-container-guard.probe";
export interface StartSpec {
    image: string;
    /** Container name (unique per start). */
    name: string;
    flags: readonly ProfileFlag[];
    /** Names of variables passed through from the docker CLI's environment (`-e NAME`, never a value). */
    envNames?: readonly string[];
    /** Run id for the label, so one run's containers can be told from another's. */
    runId: string;
}
/** `docker run -i --rm …` for one probe start: `--init`, the label, the flags, `-e NAME` only. */
export declare function runArgs(s: StartSpec): string[];
/** What each group is called in messages: the flags themselves. */
export declare function groupText(flags: readonly ProfileFlag[], group: FlagGroup): string;
