/**
 * The values the Kubernetes rules read, extracted the same way from two readings of a manifest:
 * kubectl's (the oracle's JSON) and ours (a YDoc, read through ast.ts as the rules read it).
 * For every pod spec (Pod, PodTemplate, the template of Deployment/StatefulSet/DaemonSet/
 * ReplicaSet/ReplicationController/Job, CronJob's job template, inside `kind: List` too) and every
 * container of it (containers, initContainers, ephemeralContainers).
 */
import { deref, entries, get, items, type YDoc } from '../../src/core/yaml/ast.js';

/** How to walk one reading. */
export interface Reader<N> {
  get(n: N | undefined, key: string): N | undefined;
  list(n: N | undefined): N[];
  /** The whole value as JSON would hold it. */
  value(n: N | undefined): unknown;
}

export const jsonReader: Reader<unknown> = {
  get: (n, k) => (n !== null && typeof n === 'object' && !Array.isArray(n) && Object.hasOwn(n, k) ? (n as Record<string, unknown>)[k] : undefined),
  list: (n) => (Array.isArray(n) ? n : []),
  value: (n) => (n === undefined ? undefined : n),
};

/** Our reading: kubectl's map policy (last wins, merges in order) and YAML 1.1 scalars, as the rules see it. */
export function ydocReader(y: YDoc): Reader<unknown> {
  const plainOf = (n: unknown, depth: number): unknown => {
    const d = deref(y, n);
    if (d === null) return null;
    if (depth > 500) return '[deeper than 500 levels]';
    if (d.t === 'scalar') return typeof d.value === 'number' && !Number.isFinite(d.value) ? String(d.value) : d.value;
    if (d.t === 'seq') return items(y, d).map((it) => plainOf(it.node, depth + 1));
    if (d.t === 'map') {
      const out: Record<string, unknown> = {};
      for (const e of entries(y, d)) out[e.key] = plainOf(e.value, depth + 1);
      return out;
    }
    return null;
  };
  return {
    get: (n, k) => {
      const d = n === undefined ? null : deref(y, n);
      if (d === null || d.t !== 'map') return undefined;
      const e = get(y, d, k);
      return e === undefined ? undefined : e.value;
    },
    list: (n) => {
      const d = n === undefined ? null : deref(y, n);
      return d !== null && d.t === 'seq' ? items(y, d).map((it) => it.node) : [];
    },
    value: (n) => (n === undefined ? undefined : plainOf(n, 0)),
  };
}

const TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job']);
const POD_FIELDS = ['hostPID', 'hostIPC', 'hostNetwork', 'hostUsers', 'shareProcessNamespace', 'automountServiceAccountToken', 'serviceAccountName'];
const SC_FIELDS = ['runAsUser', 'runAsGroup', 'runAsNonRoot', 'privileged', 'allowPrivilegeEscalation', 'readOnlyRootFilesystem', 'procMount', 'seccompProfile', 'appArmorProfile', 'seLinuxOptions', 'windowsOptions', 'supplementalGroups', 'fsGroup', 'sysctls'];
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];

function scalarText(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

function pick<N>(r: Reader<N>, n: N | undefined, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = r.get(n, k);
    if (v !== undefined) out[k] = r.value(v);
  }
  return out;
}

function podValues<N>(r: Reader<N>, spec: N, meta: N | undefined): Record<string, unknown> {
  const sc = r.get(spec, 'securityContext');
  const out: Record<string, unknown> = {
    pod: pick(r, spec, POD_FIELDS),
    podSecurityContext: pick(r, sc, SC_FIELDS),
    annotations: r.value(r.get(meta, 'annotations')),
    volumes: r.list(r.get(spec, 'volumes')).map((v) => ({ name: r.value(r.get(v, 'name')), hostPath: r.value(r.get(v, 'hostPath')), kinds: r.value(v) })),
  };
  for (const list of CONTAINER_LISTS) {
    out[list] = r.list(r.get(spec, list)).map((c) => {
      const csc = r.get(c, 'securityContext');
      return {
        name: r.value(r.get(c, 'name')),
        image: r.value(r.get(c, 'image')),
        securityContext: { ...pick(r, csc, SC_FIELDS), capabilities: { add: r.value(r.get(r.get(csc, 'capabilities'), 'add')), drop: r.value(r.get(r.get(csc, 'capabilities'), 'drop')) } },
        ports: r.list(r.get(c, 'ports')).map((p) => pick(r, p, ['containerPort', 'hostPort', 'hostIP', 'protocol', 'name'])),
        env: r.value(r.get(c, 'env')),
        envFrom: r.value(r.get(c, 'envFrom')),
        resources: r.value(r.get(c, 'resources')),
        volumeMounts: r.value(r.get(c, 'volumeMounts')),
        command: r.value(r.get(c, 'command')),
        args: r.value(r.get(c, 'args')),
      };
    });
  }
  return out;
}

/** The pod specs of one object (a List's items included), with the object's kind and name. */
function objectValues<N>(r: Reader<N>, obj: N, out: unknown[], depth = 0): void {
  const kind = scalarText(r.value(r.get(obj, 'kind')));
  const apiVersion = scalarText(r.value(r.get(obj, 'apiVersion')));
  if (kind === undefined || apiVersion === undefined) return;
  const head = { apiVersion, kind, name: r.value(r.get(r.get(obj, 'metadata'), 'name')) };
  if (/List$/.test(kind) && depth === 0) {
    out.push({ ...head, items: r.list(r.get(obj, 'items')).length });
    for (const it of r.list(r.get(obj, 'items'))) objectValues(r, it, out, depth + 1);
    return;
  }
  let tmpl: N | undefined;
  if (kind === 'Pod') tmpl = obj;
  else if (kind === 'PodTemplate') tmpl = r.get(obj, 'template');
  else if (kind === 'CronJob') tmpl = r.get(r.get(r.get(r.get(obj, 'spec'), 'jobTemplate'), 'spec'), 'template');
  else if (TEMPLATE_KINDS.has(kind)) tmpl = r.get(r.get(obj, 'spec'), 'template');
  const spec = r.get(tmpl, 'spec');
  out.push(spec === undefined ? head : { ...head, ...podValues(r, spec, r.get(tmpl, 'metadata')) });
}

/** The values of one document (a Kubernetes object, else nothing). */
export function documentValues<N>(r: Reader<N>, doc: N): unknown[] {
  const out: unknown[] = [];
  objectValues(r, doc, out);
  return out;
}

/** True when a decoded JSON document is an object kubectl would take for a Kubernetes object (our isKubernetesObject). */
export function isJsonObject(doc: unknown): boolean {
  return documentValues(jsonReader, doc).length > 0;
}
