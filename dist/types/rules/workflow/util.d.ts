/** What the workflow rules know about image builds and image scanners. Pure. */
import type { WorkflowModel, WorkflowStep } from '../../core/yaml/models.js';
/** `owner/repo[/path]@ref` of a `uses:` value; undefined for local (`./`) and `docker://` references. */
export declare function parseUses(uses: string): {
    action: string;
    owner: string;
    ref: string;
} | undefined;
export declare function isBuildStep(step: WorkflowStep): boolean;
export declare function isScanStep(step: WorkflowStep): boolean;
/** Steps that build or push an image. */
export declare function buildSteps(wf: WorkflowModel): WorkflowStep[];
/** True when some job scans an image: a scanner step, or a call of a reusable scanning workflow. */
export declare function scansImage(wf: WorkflowModel): boolean;
