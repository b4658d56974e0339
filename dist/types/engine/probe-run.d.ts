import type { CoverageEntry, Exec, Finding, Logger } from '../core/types.js';
import type { RuleSettings } from '../core/rule-hits.js';
import type { DockerfileModel, Stage } from '../core/dockerfile/model.js';
import { type ProbeTool } from '../core/probe/search.js';
import { type ProbeOptions, type ProbeSummary } from '../core/probe/options.js';
export interface ProbeRunDeps {
    exec: Exec;
    docker: string;
    env: Record<string, string>;
    logger: Logger;
}
export interface ProbeRunInput {
    /** The image reference the engine has; undefined with `noImage` saying why. */
    image?: string;
    noImage?: string;
    /** The image config's User. */
    imageUser: string;
    path: string;
    model: DockerfileModel;
    final: Stage;
    target: string;
    settings?: RuleSettings;
    options: ProbeOptions;
    /** The tool surface the baseline recorded for this target, or why there is none to compare. */
    baseline: {
        tools: readonly ProbeTool[];
    } | {
        none: string;
    };
}
export interface ProbeRunResult {
    findings: Finding[];
    coverage?: CoverageEntry;
    summary?: ProbeSummary;
}
/**
 * Removes every container carrying the probe label (of one run, or of all runs) and waits until
 * `docker ps -a` no longer lists them (a removal on a slow storage driver is still "in progress"
 * when `rm -f` returns); returns how many were listed at first.
 */
export declare function removeProbeContainers(d: Pick<ProbeRunDeps, 'exec' | 'docker' | 'env'>, runId?: string): Promise<number>;
export declare function runProbe(d: ProbeRunDeps, i: ProbeRunInput): Promise<ProbeRunResult>;
