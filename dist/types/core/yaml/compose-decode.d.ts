/**
 * What compose-go v2.16.2 refuses after its schema accepted a document: in Normalize, a
 * namespace key (`pid`, `network_mode` …) present but null stops it with a panic (the schema lets
 * null through); in decoding to its Go types, a string in a boolean field that is not one of its
 * boolean spellings, and a float in a string list (`group_add: [1.5]`; integers are printed).
 * Pure, on the plain JSON of ./compose-json.ts.
 */
import type { Json, Segment } from './compose-json.js';
export interface DecodeRefusal {
    path: Segment[];
    message: string;
}
export declare function decodeRefusals(root: Json): DecodeRefusal[];
