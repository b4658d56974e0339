/**
 * What the compose, Kubernetes and workflow rules look at, built from parsed documents. Pure.
 * Every element carries its document (aliases are per document) and the line of its name key,
 * which is where a finding about a key that is absent is reported.
 */
import type { Node, YAMLMap } from './ast.js';
import { asMap, entries, get, getPath, items, str, type Entry, type YDoc } from './ast.js';

// ---------------------------------------------------------------- compose

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

export function composeModel(docs: readonly YDoc[]): ComposeModel {
  const services: ComposeService[] = [];
  for (const y of docs) {
    const s = get(y, y.root, 'services');
    if (!s) continue;
    for (const e of entries(y, s.value)) {
      const node = asMap(y, e.value);
      if (!node) continue;
      services.push({ y, name: e.key, line: e.line, node, key: `services.${e.key}` });
    }
  }
  return { services };
}

// ---------------------------------------------------------------- kubernetes

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

const TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job']);

function k8sObject(y: YDoc, node: unknown): K8sObject | undefined {
  const map = asMap(y, node);
  if (!map) return undefined;
  const apiVersion = str(y, get(y, map, 'apiVersion')?.value);
  const kindE = get(y, map, 'kind');
  const kind = str(y, kindE?.value);
  if (!apiVersion || !kind || !kindE) return undefined;
  const nameE = getPath(y, map, 'metadata', 'name');
  const name = str(y, nameE?.value) ?? str(y, getPath(y, map, 'metadata', 'generateName')?.value) ?? '';
  const namespace = str(y, getPath(y, map, 'metadata', 'namespace')?.value) ?? 'default';
  return { y, apiVersion, kind, name, namespace, node: map, line: nameE?.line ?? kindE.line, key: `${kind}/${namespace}/${name}` };
}

function podSpecOf(o: K8sObject): Entry | undefined {
  const y = o.y;
  if (o.kind === 'Pod') return get(y, o.node, 'spec');
  if (o.kind === 'PodTemplate') return getPath(y, o.node, 'template', 'spec');
  if (o.kind === 'CronJob') return getPath(y, o.node, 'spec', 'jobTemplate', 'spec', 'template', 'spec');
  if (TEMPLATE_KINDS.has(o.kind)) return getPath(y, o.node, 'spec', 'template', 'spec');
  return undefined;
}

export function k8sModel(docs: readonly YDoc[]): K8sModel {
  const objects: K8sObject[] = [];
  for (const y of docs) {
    const top = k8sObject(y, y.root);
    if (!top) continue;
    if (/List$/.test(top.kind)) {
      // `kind: List` (kubectl get -o yaml) holds objects under `items`.
      for (const it of items(y, get(y, top.node, 'items')?.value)) {
        const o = k8sObject(y, it.node);
        if (o) objects.push(o);
      }
    } else objects.push(top);
  }
  const workloads: K8sWorkload[] = [];
  for (const o of objects) {
    const specE = podSpecOf(o);
    const podSpec = asMap(o.y, specE?.value);
    if (!specE || !podSpec) continue;
    const containers: K8sContainer[] = [];
    for (const list of ['initContainers', 'containers'] as const) {
      for (const it of items(o.y, get(o.y, podSpec, list)?.value)) {
        const node = asMap(o.y, it.node);
        if (!node) continue;
        const nameE = get(o.y, node, 'name');
        const name = str(o.y, nameE?.value) ?? String(it.index);
        containers.push({ name, line: nameE?.line ?? it.line, node, list, key: `${o.key}|${list}.${name}` });
      }
    }
    workloads.push({
      object: o,
      y: o.y,
      podSpec,
      podSpecLine: specE.line,
      podSecurityContext: get(o.y, podSpec, 'securityContext')?.value ?? null,
      containers,
      key: o.key,
      batch: o.kind === 'Job' || o.kind === 'CronJob',
    });
  }
  return { objects, workloads };
}

/** The securityContext setting a container runs with: its own, else the pod's (for keys both have). */
export function effectiveSetting(w: K8sWorkload, c: K8sContainer, key: string): { entry: Entry; level: 'container' | 'pod' } | undefined {
  const own = getPath(w.y, c.node, 'securityContext', key);
  if (own && own.value !== null) return { entry: own, level: 'container' };
  const pod = get(w.y, w.podSecurityContext, key);
  if (pod && pod.value !== null) return { entry: pod, level: 'pod' };
  return undefined;
}

// ---------------------------------------------------------------- workflows

export interface WorkflowStep {
  index: number;
  line: number;
  node: YAMLMap;
  uses?: { value: string; line: number };
  run?: { value: string; line: number };
  /** `jobs.<job>.steps.<id | name | index>`. */
  key: string;
}

export interface WorkflowJob {
  id: string;
  line: number;
  node: YAMLMap;
  /** A job that calls a reusable workflow. */
  uses?: { value: string; line: number };
  steps: WorkflowStep[];
}

export interface WorkflowModel {
  y?: YDoc;
  jobs: WorkflowJob[];
}

export function workflowModel(docs: readonly YDoc[]): WorkflowModel {
  for (const y of docs) {
    const jobsE = get(y, y.root, 'jobs');
    if (!jobsE) continue;
    const jobs: WorkflowJob[] = [];
    for (const je of entries(y, jobsE.value)) {
      const node = asMap(y, je.value);
      if (!node) continue;
      const scalarAt = (n: unknown, k: string): { value: string; line: number } | undefined => {
        const e = get(y, n, k);
        const v = str(y, e?.value);
        return e && v !== undefined ? { value: v, line: e.line } : undefined;
      };
      const steps: WorkflowStep[] = [];
      for (const it of items(y, get(y, node, 'steps')?.value)) {
        const sn = asMap(y, it.node);
        if (!sn) continue;
        const label = str(y, get(y, sn, 'id')?.value) ?? str(y, get(y, sn, 'name')?.value) ?? String(it.index);
        steps.push({ index: it.index, line: it.line, node: sn, uses: scalarAt(sn, 'uses'), run: scalarAt(sn, 'run'), key: `jobs.${je.key}.steps.${label}` });
      }
      jobs.push({ id: je.key, line: je.line, node, uses: scalarAt(node, 'uses'), steps });
    }
    return { y, jobs };
  }
  return { jobs: [] };
}
