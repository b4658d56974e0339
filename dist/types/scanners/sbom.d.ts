import type { Exec } from '../core/types.js';
import type { ImagePackage, SbomFormat } from '../core/sbom.js';
import { type TrivyParseContext } from './trivy.js';
/**
 * The package's version as its package manager writes it: Trivy's JSON splits an OS package's
 * `1:2.38.1-5+deb12u3` into Epoch 1, Version 2.38.1 and Release 5+deb12u3 (its SBOMs and dpkg join them).
 */
export declare function fullVersion(p: Record<string, unknown>): string | undefined;
/** Every package of a Trivy JSON report, with its layer, Dockerfile line and declaring manifest. */
export declare function trivyPackages(doc: unknown, ctx: TrivyParseContext): Array<ImagePackage & {
    key: string;
}>;
/** The image as Trivy named it (the tarball path we gave it) and as the user knows it. */
export interface SbomImage {
    tarName: string;
    name?: string;
}
interface CdxProperty {
    name: string;
    value: string;
}
/** The properties we add to a component: where in the image and in the repository it came from. */
export declare function mcgProperties(p: ImagePackage): CdxProperty[];
/**
 * Trivy's CycloneDX → ours: CycloneDX 1.6 (the version asked for; Trivy 0.74 writes 1.7 with
 * nothing 1.6 lacks for an image, which the schema test checks), the image named by its reference
 * instead of our temp tarball, no vulnerabilities (the SARIF and mcg.vex.json carry those), and
 * each library component with our properties. Returns the text, or an error message.
 */
export declare function finishCycloneDx(text: string, packages: ReadonlyArray<ImagePackage & {
    key: string;
}>, image: SbomImage): {
    text?: string;
    error?: string;
};
/**
 * Trivy's SPDX → ours: the document and the image package named by the image reference, not our
 * temp tarball; the OS package named by the OS (`debian`, version `12.15`) instead of
 * `<tarball path> (debian 12.15)`; and `primaryPackagePurpose` in the spelling of the SPDX 2.3
 * JSON schema's enum (`OPERATING_SYSTEM`: Trivy 0.74 writes the tag-value form `OPERATING-SYSTEM`,
 * which the JSON schema refuses).
 */
export declare function finishSpdx(text: string, image: SbomImage): {
    text?: string;
    error?: string;
};
export declare function convertArgs(format: SbomFormat, report: string): string[];
export interface SbomRunOptions {
    trivy: string;
    /** Directory for the report file (and the converts' working directory: no repository config is read). */
    tmp: string;
    env?: Record<string, string>;
    timeoutMs?: number;
}
export interface SbomRunResult {
    documents: Partial<Record<SbomFormat, string>>;
    packages: ImagePackage[];
    failures: string[];
    durationMs: number;
}
/** Trivy's JSON report (already printed by the vulnerability run) → the wanted documents and the package list. */
export declare function runSbom(exec: Exec, o: SbomRunOptions, input: {
    json: string;
    formats: readonly SbomFormat[];
    image: SbomImage;
}, ctx: TrivyParseContext): Promise<SbomRunResult>;
export {};
