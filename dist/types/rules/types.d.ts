import type { DockerfileModel, Stage } from '../core/dockerfile/model.js';
import type { RuleHit, RuleMeta } from '../core/types.js';
/** The build context as Docker would send it. */
export interface BuildContextInfo {
    /** Repository-relative directory ('.' for the root). */
    dir: string;
    exists: boolean;
    /** Files below the context, POSIX paths relative to it (directories end with '/'), capped. */
    files: readonly string[];
    /** The .dockerignore in force, when there is one. */
    dockerignore?: {
        path: string;
        lines: string[];
    };
    /** True when Docker would leave the path out of the context. */
    ignored(relPath: string): boolean;
}
/** What is known of the built image (from `docker save`): evidence that outranks the static guess. */
export interface ImageFacts {
    /** `Config.User` of the image ('' when unset). */
    user: string;
    /** `Config.Healthcheck.Test`, when set. */
    healthcheck?: string[];
    /** `Config.Labels` of the image, when read. */
    labels?: Readonly<Record<string, string>>;
    /** `/etc/passwd` of the image's final filesystem, when it has one (names in USER are resolved there). */
    passwd?: string;
    /** True when the path exists in the image's final filesystem (symlinks followed where known). */
    hasPath(path: string): boolean;
}
export interface DockerfileContext {
    /** Repository-relative path of the Dockerfile. */
    path: string;
    model: DockerfileModel;
    /** The stage that is built (the `target`, else the last). */
    final: Stage | undefined;
    context?: BuildContextInfo;
    image?: ImageFacts;
}
export interface DockerfileRule {
    meta: RuleMeta;
    check(ctx: DockerfileContext): RuleHit[];
}
