/**
 * Package URLs as VEX statements name products: `pkg:type/namespace/name@version?qualifiers#subpath`.
 * Matching follows what VEX consumers do for a package: type, namespace and name must be equal
 * (case-insensitively for the type), the version only when the statement gives one, and every
 * qualifier the statement gives must be present with the same value (extra qualifiers on the
 * scanned package, such as `arch` or `distro`, do not stop a match).
 */
export interface Purl {
    type: string;
    namespace: string;
    name: string;
    version?: string;
    qualifiers: ReadonlyMap<string, string>;
}
export declare function parsePurl(text: string): Purl | undefined;
/** Whether `statement` (what a VEX document names) covers `scanned` (a package found in the image). */
export declare function purlCovers(statement: Purl, scanned: Purl): boolean;
