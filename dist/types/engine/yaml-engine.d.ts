/**
 * The engine for YAML inputs: compose files, Kubernetes manifests and GitHub workflows.
 * Pure: the caller reads the file (decoding it; U+FFFD marks bytes that were not UTF-8) and
 * passes the text. Hostile input is bounded: a size cap, no document is ever expanded as a whole,
 * alias and merge-key resolution run on a work budget, and every failure becomes an MCG991
 * input-error finding at the line where reading stopped while the other documents are still checked.
 */
import type { Finding } from '../core/types.js';
import { type RuleSettings } from '../core/rule-hits.js';
import type { ComposeRule, K8sRule, WorkflowRule } from '../rules/yaml-types.js';
import { type ComposeEnv } from '../core/yaml/compose-interpolate.js';
import { type ParsedDoc, type ReadOptions } from '../core/yaml/tree.js';
export { classifyYaml, looksLikeHelmTemplate, type YamlKind } from '../core/yaml/classify.js';
/**
 * The largest YAML or JSON file read (64 MiB, every kind): beyond it the file fails with MCG991
 * naming the limit and how to split it — it is never skipped or downgraded.
 */
export declare const MAX_YAML_BYTES: number;
/** Documents per file beyond which the file fails with MCG991 (split it). */
export declare const MAX_YAML_DOCUMENTS = 1000000;
export type YamlRuleKind = 'compose' | 'k8s' | 'workflow';
export interface YamlInput {
    /** Repository-relative POSIX path. */
    path: string;
    text: string;
    kind: YamlRuleKind;
    target: string;
    /**
     * Compose files: the variables interpolation sees (the `.env` next to the file, as compose
     * reads it by default; never the scanner's own process environment). Empty when absent.
     */
    env?: ComposeEnv;
}
export interface YamlResult {
    findings: Finding[];
    /** Nothing in the file could be checked. */
    fatal: boolean;
    /** Informational notes for the log (documents skipped, templates …). */
    notes: string[];
    /** For kind `k8s`: no document of the file is a Kubernetes object (it is not applicable, not failed). */
    notKubernetes?: boolean;
}
export interface YamlRuleSet {
    compose: readonly ComposeRule[];
    k8s: readonly K8sRule[];
    workflow: readonly WorkflowRule[];
}
export declare const yamlRules: YamlRuleSet;
export declare function checkYamlFile(input: YamlInput, settings?: RuleSettings): YamlResult;
/**
 * The documents of a text, lines counted from `lineOffset`, read by the `yaml` package with the
 * given reading options. Throws what the `yaml` package throws.
 */
export declare function parseChunk(text: string, lineOffset?: number, opts?: ReadOptions): ParsedDoc[];
/** MCG991 text for a file above MAX_YAML_BYTES. */
export declare function tooLargeMessage(bytes: number, what: string): string;
export declare function checkYamlWith(input: YamlInput, rules: YamlRuleSet, settings?: RuleSettings): YamlResult;
