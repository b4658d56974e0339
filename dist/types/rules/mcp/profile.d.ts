/**
 * The least-privilege profile MCG514 asks a `docker run` launch for, in one place. Today it is the
 * recommended profile below; the runtime probe (another branch) proves a profile per image, and its
 * result takes this one's place through `McpContext.profile` → leastPrivilegeProfile(): nothing
 * else in MCG514 or its corrected entry changes. Each flag is read by our own `docker run` reader,
 * so a proven profile may hold any flag Docker knows. Pure.
 */
import { type DockerFlag, type DockerRun } from '../../core/docker-run/argv.js';
/** The recommended profile, for every launch (the probe's proven profile replaces it). */
export declare const RECOMMENDED_PROFILE: readonly string[];
/** Added for a stdio server: it talks over stdin/stdout and needs no network. */
export declare const STDIO_PROFILE: readonly string[];
/** The profile a launch is held to: the proven one when the probe ran, else the recommended one. */
export declare function leastPrivilegeProfile(transport: 'stdio' | 'remote', proven?: readonly string[]): readonly string[];
export interface ProfileFlag {
    /** As written in the profile (`--cap-drop ALL`), for messages. */
    text: string;
    /** The argument words it adds. */
    words: string[];
    /** Read back by the `docker run` reader: canonical name and value. */
    flag: DockerFlag;
}
/** Reads each profile flag with the `docker run` reader; one Docker would refuse is left out. */
export declare function profileFlags(profile: readonly string[]): ProfileFlag[];
/** True when the launch already has what the profile flag asks for. */
export declare function satisfies(d: DockerRun, p: DockerFlag): boolean;
