import type { ImageRef } from '../../core/dockerfile/model.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
/** Bases whose default user is not root. */
export declare function knownNonRootBase(img: ImageRef | undefined): boolean;
/** Who the final stage runs as, and where that is decided. */
export interface FinalUser {
    /** true: root; false: a non-root user; undefined: cannot tell (a USER whose expansion BuildKit rejects). */
    root: boolean | undefined;
    /** The USER value as BuildKit expands it (core/dockerfile/values.ts) or the image config User; undefined when none is set. */
    user?: string;
    decidedBy: 'image' | 'user' | 'base' | 'default';
    where: {
        line: number;
        endLine: number;
        key: string;
    };
}
/** The effective user of the final stage: the built image's config User, else the last USER of the chain, else the base. */
export declare function finalUser(ctx: DockerfileContext): FinalUser | undefined;
export declare const rule: DockerfileRule;
