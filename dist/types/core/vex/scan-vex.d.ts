import type { Finding } from '../types.js';
import { type VexNotice } from './apply.js';
import { type VexStatement } from './read.js';
export interface LoadedVex {
    /** Repository-relative path of each readable document, in the order given. */
    paths: string[];
    documents: VexStatement[][];
    errors: Array<{
        path: string;
        line: number;
        message: string;
    }>;
}
export declare function loadVex(root: string, files: readonly string[]): LoadedVex;
/**
 * After the image scanners: Trivy's own VEX decisions name the file by the absolute path it was
 * given; they are shown with the repository path and the line of our reading of the statement.
 * Then our reading decides for the rest. Returns the statements ignored as being about another product.
 */
export declare function settleVex(findings: Finding[], vex: LoadedVex, target: {
    target: string;
    imageNames: readonly string[];
}, root: string): VexNotice[];
