/**
 * What compose-go v2.16.2 does to a compose document between reading and validating it, on the
 * plain JSON of ./compose-json.ts: its casts of strings at the paths it casts
 * (loader/interpolate.go) and its removal of repeated list entries (override/uncity.go), with the
 * errors both raise (compose refuses the file). Pure.
 */
import type { Json, Lines, Segment } from './compose-json.js';
export interface CastError {
    path: Segment[];
    message: string;
}
/** Applies compose's casts and list de-duplication to `root` in place; the errors compose raises. */
export declare function castAndDedupe(root: Json): CastError[];
/** Removes exact repeats from the lists compose de-duplicates (what its schema's uniqueItems then sees). */
export declare function dedupeLists(root: Json, lines: Lines): void;
