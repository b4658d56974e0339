/** External image references of a Dockerfile (FROM and COPY --from=<image>), for MCG002–MCG004. Pure. */
import type { DockerfileModel, ImageRef, Instruction, Stage } from '../../core/dockerfile/model.js';
export interface ExternalRef {
    /** The stage that holds the instruction. */
    stage: Stage;
    /** The FROM or COPY instruction. */
    ins: Instruction;
    image: ImageRef;
    /** How the reference is written in the Dockerfile (before ARG substitution). */
    written: string;
    /** Fingerprint key: stage + instruction, without tag or digest (a version bump keeps it). */
    key: string;
}
/** `registry/repository` without tag or digest. */
export declare function imageName(img: ImageRef): string;
/**
 * Every reference to an external image: each `FROM` whose base is not a stage, and each
 * `COPY --from=` that names neither a stage name nor a stage index. `scratch` and references a
 * build argument decides (a global ARG declared without a value) are left out: nothing can be said
 * about them; with `tagDecided`, only those where it decides the tag or digest part.
 */
export declare function externalImageRefs(model: DockerfileModel, opts?: {
    tagDecided?: boolean;
}): ExternalRef[];
/** How a reference is shown in messages: as written, plus what it resolves to when ARGs changed it. */
export declare function describeRef(r: ExternalRef): string;
