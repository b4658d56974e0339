/**
 * The bounded search (issue #20): start the image under the least-privilege profile; when the
 * handshake fails, start it once without any profile to tell "broken" from "breaks when hardened",
 * then take one flag group away at a time to find the one it does not survive. At most 6 starts
 * after the first. Pure: the starts are injected.
 */
import type { FlagGroup, ProfileFlag } from './profile.js';
import type { ToolHints } from './surface.js';
export interface ProbeTool {
    name: string;
    /** sha256 (hex) of the description and of the canonical JSON of the input schema. */
    descriptionHash: string;
    schemaHash: string;
    /** readOnlyHint, destructiveHint, idempotentHint, openWorldHint as the server set them (absent: unset). */
    annotations?: ToolHints;
}
/** What one start gave. */
export interface Attempt {
    /** The flags this start ran with ([] = no profile). */
    flags: ProfileFlag[];
    /** initialize + initialized + tools/list (and prompts/resources where advertised) all answered. */
    ok: boolean;
    /** Where it stopped when not ok: the process ended, a request timed out, or the server answered with an error. */
    failure?: 'exited' | 'timeout' | 'error';
    /** Our words for the failure (redacted). */
    detail?: string;
    /** The server's stderr, redacted, tail only. */
    stderr: string;
    /** Lines on stdout that are not JSON-RPC messages, redacted (first few). */
    nonJson: string[];
    tools?: ProbeTool[];
    serverName?: string;
    durationMs: number;
}
export type Start = (flags: ProfileFlag[]) => Promise<Attempt>;
/** The verdict of the search. */
export interface ProbeVerdict {
    /** The least-privilege profile that was tried first. */
    profile: ProfileFlag[];
    attempts: Attempt[];
    /** The flags the image was seen to pass with (undefined: it passed with none). */
    proven?: ProfileFlag[];
    /** passed: under the whole profile; hardened-fails: only with `culprits` taken away (or not found); broken: not even without a profile. */
    status: 'passed' | 'hardened-fails' | 'broken';
    /** The group(s) whose removal made it work; [] when no single group was found. */
    culprits: FlagGroup[];
}
/** Order matters: the most common cause first, so a typical failure costs two extra starts. */
export declare const SEARCH_ORDER: readonly FlagGroup[];
export declare const MAX_EXTRA_STARTS = 6;
export declare function searchProfile(profile: ProfileFlag[], start: Start): Promise<ProbeVerdict>;
