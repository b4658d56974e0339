import type { ComposeService } from './models.js';
export interface SchemaRefusal {
    line: number;
    /** The field, as compose names it in its message (`services.a.user`). */
    field: string;
    message: string;
}
/** Why compose's schema refuses this service, field by field (empty: it does not). */
export declare function schemaRefusals(s: ComposeService): SchemaRefusal[];
