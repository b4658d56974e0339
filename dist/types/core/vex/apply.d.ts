import type { Finding } from '../types.js';
import type { VexStatement } from './read.js';
export interface VexNotice {
    where: string;
    message: string;
}
export interface VexTarget {
    /** The target the findings belong to. */
    target: string;
    /** Repository names this image goes by (`ghcr.io/octo/server`, `octo/server`), for `pkg:oci` products. */
    imageNames: readonly string[];
}
/**
 * Marks the findings the documents suppress (each document a list of statements, in the order
 * written); returns what was ignored and why.
 */
export declare function applyVex(findings: Finding[], documents: ReadonlyArray<readonly VexStatement[]>, t: VexTarget): VexNotice[];
