/** The runtime probe rules' input: the verdict of the bounded search and the Dockerfile the image was built from. */
import type { DockerfileModel, Stage } from '../../core/dockerfile/model.js';
import type { ProbeVerdict } from '../../core/probe/search.js';
import type { RuleHit, RuleMeta } from '../../core/types.js';
export interface ProbeRuleContext {
    /** Repository path of the Dockerfile the image was built from. */
    path: string;
    model: DockerfileModel;
    final: Stage;
    verdict: ProbeVerdict;
}
export interface ProbeRule {
    meta: RuleMeta;
    /** Pure: reads the verdict only (the starts happened before). */
    check(ctx: ProbeRuleContext): RuleHit[];
}
