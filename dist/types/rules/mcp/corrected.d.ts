/**
 * The corrected `args` MCG514 gives for a `docker run` launch: the profile's missing flags put in,
 * and every flag that conflicts with them or that MCG501–MCG512 report taken out — never a second
 * value beside the first (`--network host` is replaced by `--network none`, not joined by it). A
 * single-valued flag given twice keeps its last value, as Docker does. Pure.
 */
import type { DockerRun } from '../../core/docker-run/argv.js';
import type { Launch } from '../../core/mcp/model.js';
import type { ProfileFlag } from './profile.js';
type DockerLaunch = Launch & {
    docker: DockerRun;
};
/** Server arguments with the values of secret-like options replaced (`--token x` → `--token <redacted>`). */
export declare function redactArgs(args: readonly string[]): string[];
export interface Correction {
    args: string[];
    /** Flags taken out, as written (`--network host`), values of secrets never shown. */
    removed: string[];
}
/** The corrected `args` of the entry: `run -i --rm`, the flags kept, the missing profile flags, the image, its arguments. */
export declare function correctedArgs(l: DockerLaunch, missing: readonly ProfileFlag[]): Correction;
export {};
