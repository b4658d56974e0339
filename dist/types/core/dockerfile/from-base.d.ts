/**
 * A FROM line's base as BuildKit reads it: expanded against the global ARGs only (the ones before
 * the first FROM), quotes removed, an unset variable empty; then parsed into an image reference.
 * Whether a build argument could change the tag is worked out by expanding once more with every
 * global ARG declared without a value replaced by a placeholder (what some `--build-arg` gives).
 */
import type { DockerfileModel, ImageRef } from './model.js';
export interface FromBase {
    base: string;
    image: ImageRef;
}
/** The base of a FROM line; a base BuildKit cannot expand (or one over the bound) is an issue on `line` and stays as written. */
export declare function fromBase(raw: string, model: DockerfileModel, line: number): FromBase;
export declare function parseImageRef(raw: string): ImageRef;
