export type VexStatus = 'not_affected' | 'affected' | 'fixed' | 'under_investigation';
export interface VexStatement {
    vulnerability: string;
    /** Other names of the vulnerability (OpenVEX `aliases`, CycloneDX `references`). */
    aliases: string[];
    /** Product identifiers as written: package URLs, `pkg:oci/…` images, or anything else. */
    products: string[];
    /** Subcomponents (OpenVEX) of the products: package URLs inside an image product. */
    subcomponents: string[];
    status: VexStatus;
    justification?: string;
    impact?: string;
    /** When the statement was made (its own `timestamp`, else the document's); later statements override earlier ones. */
    timestamp?: string;
    /** `file:line` of the statement. */
    where: string;
}
export type VexReadResult = {
    ok: true;
    format: 'openvex' | 'cyclonedx';
    statements: VexStatement[];
} | {
    ok: false;
    line: number;
    message: string;
};
/** Reads one VEX file (strict JSON, as Trivy and Grype read it). */
export declare function readVex(text: string, path: string): VexReadResult;
