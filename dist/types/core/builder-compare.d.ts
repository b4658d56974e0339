/**
 * The built image against our static reading of the final stage (MCG992). Pure.
 *
 * Config: the last USER, every ENV key the chain sets, EXPOSE ports, HEALTHCHECK, CMD/ENTRYPOINT (with CMD
 * reset by an ENTRYPOINT in the same stage) and WORKDIR, wherever the Dockerfile alone decides
 * them. History: BuildKit writes one entry per instruction (`ENV A=1`, `USER app`,
 * `RUN |1 V=2 /bin/sh -c … # buildkit`, `COPY a /b # buildkit` …), after the base image's. Aligned
 * from the end with the chain's instructions, every entry must name the same instruction, carry
 * the same text where we can predict it, and metadata instructions no layer. Only BuildKit's history
 * (comment `buildkit.dockerfile.v0`) is compared. Messages name keys and instructions, never values
 * (a build arg or ENV value may be a secret).
 */
import type { DockerfileModel, Instruction, Stage } from './dockerfile/model.js';
export interface BuiltConfig {
    user: string;
    env: readonly string[];
    cmd?: readonly string[];
    entrypoint?: readonly string[];
    healthcheck?: readonly string[];
    workingDir?: string;
    shell?: readonly string[];
    /** Undefined: not known, not compared. */
    exposedPorts?: readonly string[];
}
export interface BuiltHistoryEntry {
    created_by?: string;
    empty_layer?: boolean;
    comment?: string;
}
export interface BuiltImage {
    config: BuiltConfig;
    history: readonly BuiltHistoryEntry[];
}
export interface Disagreement {
    /** The instruction concerned; undefined = the final stage's FROM. */
    ins?: Instruction;
    /** Short stable name of what differs (fingerprint key part). */
    aspect: string;
    message: string;
}
export declare const BUILDKIT_COMMENT = "buildkit.dockerfile.v0";
/** Every disagreement between the built image and our reading of `final` (the stage that was built). */
export declare function compareWithBuild(model: DockerfileModel, final: Stage, img: BuiltImage, buildArgs?: Readonly<Record<string, string>>): Disagreement[];
