import type { Finding, RuleHit, RuleMeta, Severity } from './types.js';
import { type DockerfileModel } from './dockerfile/model.js';
import type { BuildContextInfo, DockerfileRule, ImageFacts } from '../rules/types.js';
/** Per-rule settings from `.mcg.yml` `rules:`. */
export type RuleSettings = Record<string, 'off' | 'on' | {
    severity?: Severity;
    enabled?: boolean;
}>;
export declare function ruleEnabled(settings: RuleSettings | undefined, id: string): boolean;
export declare function ruleSeverity(settings: RuleSettings | undefined, meta: RuleMeta, hit?: RuleHit): Severity;
/** What a finding carries of its rule hit's key: a digest, so that no instruction text (and no secret in it) reaches any output. */
export declare function fingerprintKeyDigest(key: string): string;
export declare function hitToFinding(meta: RuleMeta, hit: RuleHit, path: string, target: string, settings?: RuleSettings): Finding;
/** A finding that says a file (or part of it) could not be checked. */
export declare function inputErrorFinding(path: string, line: number, message: string, target: string): Finding;
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
