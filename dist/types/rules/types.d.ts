import type { DockerfileModel, Stage } from '../core/dockerfile/model.js';
import type { RuleHit, RuleMeta } from '../core/types.js';
import type { BuildContextInfo } from '../core/build-context.js';
import type { ImageFacts } from '../core/image/model.js';
export type { BuildContextInfo, ImageFacts };
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
