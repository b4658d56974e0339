/** The runtime probe rules' input: the verdict of the bounded search and the Dockerfile the image was built from. */
import type { DockerfileModel, Stage } from '../../core/dockerfile/model.js';
import type { ProbeTool, ProbeVerdict } from '../../core/probe/search.js';
import type { RuleHit, RuleMeta } from '../../core/types.js';
export interface ProbeRuleContext {
    /** Repository path of the Dockerfile the image was built from. */
    path: string;
    model: DockerfileModel;
    final: Stage;
    verdict: ProbeVerdict;
    /** The tool surface the baseline recorded for this target; undefined: no baseline surface, no drift compared. */
    baseline?: readonly ProbeTool[];
}
export interface ProbeRule {
    meta: RuleMeta;
    /** Pure: reads the verdict only (the starts happened before). */
    check(ctx: ProbeRuleContext): RuleHit[];
}
