import type { YDoc } from './ast.js';
export interface DocumentRefusal {
    line: number;
    /** Dotted path of what is refused (`services.a.ports.0`). */
    field: string;
    message: string;
}
/** Why compose refuses this document (empty: it loads it); the first refusal is the one compose names. */
export declare function documentRefusals(y: YDoc): DocumentRefusal[];
