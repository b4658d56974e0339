/**
 * Generated and mutated Kubernetes manifests for the kubectl differential test: pod specs of every
 * workload kind whose security-relevant values are spelled the ways YAML 1.1 and 1.2 read apart
 * (`yes`, `on`, `0777`, `1_000` …), with duplicate keys, early, late, listed and quoted `<<`
 * merges, anchors and aliases, flow and block style, JSON documents and `---` / `...` streams.
 */
import fc from 'fast-check';

type G = { s: string } | { m: [string, G][]; flow?: boolean; anchor?: string } | { q: G[]; flow?: boolean } | { a: string };

const BOOLS = ['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'True', 'FALSE', 'On', 'NO', '"yes"', "'on'", '"true"', '~', 'null', '1', '0'];
const INTS = ['0', '1000', '0777', '0o17', '0x10', '1_000', '"1000"', '65534', '-1', '1e3', '+12', '012', '0b101', '1.0', '2001-12-14', '~'];
const TEXTS = ['nginx:1.27', 'ghcr.io/acme/app:1.0@sha256:0000000000000000000000000000000000000000000000000000000000000000', '"a: b"', "'quoted'", 'yes', 'on', '0777', 'null', '""', 'x y', '"\\u00e9t\\u00e9"', '|\n  block', '>-\n  folded text'];
const CAPS = ['ALL', 'NET_ADMIN', 'SYS_ADMIN', 'NET_RAW', 'on', 'yes'];

const scalar = (pool: readonly string[]) => fc.constantFrom(...pool).map((s): G => ({ s }));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });

/** A map whose entries may repeat a key, with a `<<` merge (plain early/late, or quoted) of another map. */
function mapOf(entries: fc.Arbitrary<[string, G][]>): fc.Arbitrary<G> {
  return fc
    .record({
      es: entries,
      dup: fc.option(fc.nat(), { nil: undefined, freq: 3 }),
      merge: fc.option(fc.record({ at: fc.constantFrom('start', 'end'), key: fc.constantFrom('<<', '"<<"'), from: entries }), { nil: undefined, freq: 3 }),
      flow: fc.boolean(),
    })
    .map(({ es, dup, merge, flow }): G => {
      const out = [...es];
      if (dup !== undefined && es.length > 0) {
        const [k] = es[dup % es.length]!;
        const other = es[(dup + 1) % es.length]![1];
        out.push([k, other]);
      }
      if (merge) {
        const e: [string, G] = [merge.key, { m: merge.from, flow: true }];
        if (merge.at === 'start') out.unshift(e);
        else out.push(e);
      }
      return { m: out, flow: flow && out.length < 4 };
    });
}

const entry = (key: string, v: fc.Arbitrary<G>) => maybe(v).map((g) => (g === undefined ? [] : [[key, g] as [string, G]]));
const entriesOf = (...es: fc.Arbitrary<[string, G][]>[]) => fc.tuple(...es).map((l) => l.flat());

const caps = fc.array(scalar(CAPS), { maxLength: 3 }).map((q): G => ({ q, flow: q.length % 2 === 0 }));
const securityContext = mapOf(
  entriesOf(
    entry('runAsUser', scalar(INTS)),
    entry('runAsGroup', scalar(INTS)),
    entry('runAsNonRoot', scalar(BOOLS)),
    entry('privileged', scalar(BOOLS)),
    entry('allowPrivilegeEscalation', scalar(BOOLS)),
    entry('readOnlyRootFilesystem', scalar(BOOLS)),
    entry('capabilities', mapOf(entriesOf(entry('add', caps), entry('drop', caps)))),
    entry('seccompProfile', mapOf(entriesOf(entry('type', scalar(['RuntimeDefault', 'Unconfined', 'Localhost', 'on']))))),
    entry('appArmorProfile', mapOf(entriesOf(entry('type', scalar(['RuntimeDefault', 'Unconfined']))))),
    entry('seLinuxOptions', mapOf(entriesOf(entry('type', scalar(['spc_t', 'container_t']))))),
  ),
);
const port = mapOf(entriesOf(entry('containerPort', scalar(INTS)), entry('hostPort', scalar(INTS)), entry('hostIP', scalar(['0.0.0.0', '127.0.0.1', '::', 'on'])), entry('protocol', scalar(['TCP', 'UDP']))));
const envVar = mapOf(entriesOf(entry('name', scalar(['A', 'TOKEN', 'on'])), entry('value', scalar([...BOOLS, ...INTS, ...TEXTS]))));
const resources = mapOf(entriesOf(entry('limits', mapOf(entriesOf(entry('cpu', scalar(['1', '500m', '0.5', '1_000'])), entry('memory', scalar(['128Mi', '1Gi', '0777'])))))));
const container = mapOf(
  entriesOf(
    fc.constantFrom('app', 'side', 'yes', '"0777"').map((n) => [['name', { s: n }] as [string, G]]),
    entry('image', scalar(TEXTS)),
    entry('securityContext', securityContext),
    entry('ports', fc.array(port, { maxLength: 2 }).map((q): G => ({ q }))),
    entry('env', fc.array(envVar, { maxLength: 2 }).map((q): G => ({ q }))),
    entry('resources', resources),
  ),
);
const containers = fc.array(container, { minLength: 1, maxLength: 2 }).map((q): G => ({ q }));
const volume = mapOf(entriesOf(fc.constant([['name', { s: 'v' }] as [string, G]]), entry('hostPath', mapOf(entriesOf(entry('path', scalar(['/', '/var/run/docker.sock', '/proc', 'on'])), entry('type', scalar(['Directory', 'Socket'])))))));
const podSpec = mapOf(
  entriesOf(
    entry('hostPID', scalar(BOOLS)),
    entry('hostIPC', scalar(BOOLS)),
    entry('hostNetwork', scalar(BOOLS)),
    entry('automountServiceAccountToken', scalar(BOOLS)),
    entry('securityContext', securityContext),
    entry('initContainers', containers),
    entry('ephemeralContainers', containers),
    fc.constant(0).chain(() => containers).map((g) => [['containers', g] as [string, G]]),
    entry('volumes', fc.array(volume, { maxLength: 2 }).map((q): G => ({ q }))),
  ),
);

const KINDS: Record<string, string[]> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  PodTemplate: ['template'],
};

function object(kind: string, spec: G, annotations: boolean): G {
  const meta: G = { m: [['name', { s: 'x' }], ...(annotations ? [['annotations', { m: [['container.apparmor.security.beta.kubernetes.io/app', { s: 'unconfined' }]] }] as [string, G]] : [])] };
  let inner: G = { m: [['metadata', meta], ['spec', spec]] };
  const path = KINDS[kind]!;
  for (let i = path.length - 1; i >= 0; i--) inner = { m: [[path[i]!, inner]] };
  const body = kind === 'Pod' ? (inner as { m: [string, G][] }).m : (inner as { m: [string, G][] }).m;
  return { m: [['apiVersion', { s: kind === 'Pod' || kind === 'PodTemplate' ? 'v1' : kind.endsWith('Job') ? 'batch/v1' : 'apps/v1' }], ['kind', { s: kind }], ...body] };
}

function flowText(g: G): string {
  if ('s' in g) return g.s.includes('\n') ? JSON.stringify(g.s) : g.s;
  if ('a' in g) return `*${g.a}`;
  if ('q' in g) return `[${g.q.map(flowText).join(', ')}]`;
  return `{${g.m.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')}}`;
}

/** Block-style YAML (flow where the node asks for it). */
export function render(g: G, indent = 0): string {
  const ind = ' '.repeat(indent);
  if ('m' in g) {
    if (g.m.length === 0) return `${ind}{}\n`;
    return g.m
      .map(([k, v]) => {
        if ('s' in v) return v.s.includes('\n') ? `${ind}${k}: ${v.s.replace(/\n/g, `\n${ind}`)}\n` : `${ind}${k}: ${v.s}\n`;
        if ('a' in v || ('flow' in v && v.flow) || ('q' in v && v.q.length === 0) || ('m' in v && v.m.length === 0)) return `${ind}${k}: ${flowText(v)}\n`;
        return `${ind}${k}:${'anchor' in v && v.anchor ? ` &${v.anchor}` : ''}\n${render(v, indent + 2)}`;
      })
      .join('');
  }
  if ('q' in g) {
    return g.q.map((v) => ('s' in v || 'a' in v || ('flow' in v && v.flow) ? `${ind}- ${flowText(v)}\n` : `${ind}-${'anchor' in v && v.anchor ? ` &${v.anchor}` : ''}\n${render(v, indent + 2)}`)).join('');
  }
  return `${ind}${flowText(g)}\n`;
}

/** Plain JSON of a generated tree (scalars by their YAML 1.2 JSON-compatible spelling). */
function toJson(g: G): string {
  if ('s' in g) return /^(true|false|null|-?[0-9]+)$/.test(g.s) ? g.s : JSON.stringify(g.s.replace(/^["']|["']$/g, ''));
  if ('a' in g) return 'null';
  if ('q' in g) return `[${g.q.map(toJson).join(',')}]`;
  return `{${g.m.map(([k, v]) => `${JSON.stringify(k.replace(/^"|"$/g, ''))}:${toJson(v)}`).join(',')}}`;
}

/** One generated document: YAML (mostly) or JSON, with an anchor on the first container shared by an alias. */
export const k8sDocument: fc.Arbitrary<string> = fc
  .record({ kind: fc.constantFrom(...Object.keys(KINDS)), spec: podSpec, json: fc.nat(9), annotations: fc.boolean(), alias: fc.boolean(), list: fc.nat(9) })
  .map(({ kind, spec, json, annotations, alias, list }) => {
    if (alias && 'm' in spec) {
      const cs = spec.m.find(([k]) => k === 'containers')?.[1];
      if (cs && 'q' in cs && cs.q[0] && 'm' in cs.q[0] && !cs.q[0].flow) {
        cs.q[0].anchor = 'c0';
        cs.q.push({ a: 'c0' });
      }
    }
    let doc = object(kind, spec, annotations);
    if (list === 0) doc = { m: [['apiVersion', { s: 'v1' }], ['kind', { s: 'List' }], ['items', { q: [doc] }]] };
    if (json === 0) return toJson(doc) + '\n';
    return render(doc);
  });

/** A stream of 1 to 3 documents, split by `---` (now and then `...` too, which kubectl does not split at). */
export const k8sStream: fc.Arbitrary<string> = fc
  .record({ docs: fc.array(k8sDocument, { minLength: 1, maxLength: 3 }), sep: fc.constantFrom('---\n', '---\n', '--- # c\n', '...\n---\n') })
  .map(({ docs, sep }) => (docs.some((d) => d.startsWith('{')) ? docs.filter((d) => d.startsWith('{')).join('') : docs.join(sep)));

const MUTATIONS = [
  // a security boolean respelled
  (t: string, r: number) => t.replace(new RegExp(`^(\\s*(?:privileged|allowPrivilegeEscalation|runAsNonRoot|readOnlyRootFilesystem|hostPID|hostIPC|hostNetwork|automountServiceAccountToken):\\s*)(true|false)\\s*$`, 'm'), (_w, p: string) => p + BOOLS[r % BOOLS.length]),
  // a line repeated (a duplicate key) right after itself
  (t: string, r: number) => {
    const lines = t.split('\n');
    const keyed = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*[A-Za-z][\w.-]*:\s+\S/.test(l) && !/^\s*-/.test(l));
    if (keyed.length === 0) return t;
    const [l, i] = keyed[r % keyed.length]!;
    lines.splice(i + 1, 0, l.replace(/:\s+.*$/, `: ${BOOLS[r % BOOLS.length]}`));
    return lines.join('\n');
  },
  // a merge after a securityContext's keys, or a quoted one
  (t: string, r: number) =>
    t.replace(/^(\s*)securityContext:\s*\n((?:\1  .*\n)+)/m, (_w, ind: string, body: string) => `${ind}securityContext:\n${body}${ind}  ${r % 2 ? '<<' : '"<<"'}: {privileged: ${BOOLS[r % BOOLS.length]}, runAsUser: 0}\n`),
  // an integer respelled
  (t: string, r: number) => t.replace(/^(\s*(?:runAsUser|runAsGroup|hostPort|containerPort):\s*)\d+\s*$/m, (_w, p: string) => p + INTS[r % INTS.length]),
];

/** Mutations of a real manifest that keep it YAML but change how it reads. */
export function mutateManifest(text: string, picks: readonly number[]): string {
  let t = text;
  for (const p of picks) t = MUTATIONS[p % MUTATIONS.length]!(t, Math.floor(p / MUTATIONS.length));
  return t;
}
