/**
 * The in-process rule engine: turns files into findings. Pure apart from what the caller
 * passes in; no file system access here (see scan.ts for the part that reads files).
 */
import type { Finding } from '../core/types.js';
import { type DockerfileModel } from '../core/dockerfile/model.js';
import type { BuildContextInfo, DockerfileRule, ImageFacts } from '../rules/types.js';
import { type RuleSettings } from '../core/rule-hits.js';
export interface DockerfileInput {
    path: string;
    text: string;
    /** The file's model when the caller has parsed it already (parsed once per target). */
    model?: DockerfileModel;
    target: string;
    buildTarget?: string;
    context?: BuildContextInfo;
    image?: ImageFacts;
}
export interface DockerfileResult {
    model: DockerfileModel;
    findings: Finding[];
    /** Nothing in the file could be checked. */
    fatal: boolean;
}
export declare function checkDockerfile(input: DockerfileInput, rules: readonly DockerfileRule[], settings?: RuleSettings): DockerfileResult;
