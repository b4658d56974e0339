/** The image rules' input: the built image (config + final filesystem) and where its layers came from. */
import type { DockerfileModel, Stage } from '../../core/dockerfile/model.js';
import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { ImageInspection } from '../../core/image/model.js';
import type { LayerMap, LayerSite } from '../../core/image/layer-map.js';
export interface ImageRuleContext {
    image: ImageInspection;
    /** Repository path of the Dockerfile the image was built from. */
    path: string;
    model: DockerfileModel;
    final: Stage;
    layers: LayerMap;
    /** Bytes (config image-size-budget, default 1 GiB). */
    sizeBudget: number;
    /** Set when the pipeline built the image from this Dockerfile itself (not --image / --image-tar). */
    built?: {
        buildArgs: Readonly<Record<string, string>>;
    };
}
export interface ImageRule {
    meta: RuleMeta;
    check(ctx: ImageRuleContext): RuleHit[];
}
/** The instruction whose layer wrote `path` in the final filesystem, else the final FROM. */
export declare function siteOfPath(ctx: ImageRuleContext, layer: number | undefined): LayerSite;
