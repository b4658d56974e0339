/**
 * What the compose, Kubernetes and workflow rules look at, built from parsed documents. Pure.
 * Every element carries its document (aliases are per document) and the line of its name key,
 * which is where a finding about a key that is absent is reported.
 */
import type { Node, YAMLMap } from './ast.js';
import { type Entry, type YDoc } from './ast.js';
export interface ComposeService {
    y: YDoc;
    name: string;
    /** Line of the service's name key. */
    line: number;
    node: YAMLMap;
    /** Fingerprint key prefix: `services.<name>`. */
    key: string;
}
export interface ComposeModel {
    services: ComposeService[];
}
export declare function composeModel(docs: readonly YDoc[]): ComposeModel;
export interface K8sObject {
    y: YDoc;
    apiVersion: string;
    kind: string;
    name: string;
    namespace: string;
    node: YAMLMap;
    /** Line of `metadata.name`, else of `kind`. */
    line: number;
    /** Fingerprint key prefix: `Kind/namespace/name`. */
    key: string;
}
export interface K8sContainer {
    name: string;
    line: number;
    node: YAMLMap;
    /** `containers` or `initContainers` (ephemeral debug containers are not part of a manifest). */
    list: 'containers' | 'initContainers';
    /** `<workload key>|<list>.<name>`. */
    key: string;
}
export interface K8sWorkload {
    object: K8sObject;
    y: YDoc;
    /** The pod spec (`spec` of a Pod, `spec.template.spec` of controllers, CronJob's job template). */
    podSpec: YAMLMap;
    /** Line of the key holding the pod spec. */
    podSpecLine: number;
    /** The pod-level securityContext, when set. */
    podSecurityContext: Node | null;
    containers: K8sContainer[];
    key: string;
    /** True for run-to-completion workloads (Job, CronJob). */
    batch: boolean;
}
export interface K8sModel {
    objects: K8sObject[];
    workloads: K8sWorkload[];
}
export declare function k8sModel(docs: readonly YDoc[]): K8sModel;
/** The securityContext setting a container runs with: its own, else the pod's (for keys both have). */
export declare function effectiveSetting(w: K8sWorkload, c: K8sContainer, key: string): {
    entry: Entry;
    level: 'container' | 'pod';
} | undefined;
export interface WorkflowStep {
    index: number;
    line: number;
    node: YAMLMap;
    uses?: {
        value: string;
        line: number;
    };
    run?: {
        value: string;
        line: number;
    };
    /** `jobs.<job>.steps.<id | name | index>`. */
    key: string;
}
export interface WorkflowJob {
    id: string;
    line: number;
    node: YAMLMap;
    /** A job that calls a reusable workflow. */
    uses?: {
        value: string;
        line: number;
    };
    steps: WorkflowStep[];
}
export interface WorkflowModel {
    y?: YDoc;
    jobs: WorkflowJob[];
}
export declare function workflowModel(docs: readonly YDoc[]): WorkflowModel;
