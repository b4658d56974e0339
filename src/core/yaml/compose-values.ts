/**
 * The values the compose rules read, per service, from our reading of a compose file (YAML as the
 * engine parses it, compose's boolean casts and interpolation with the project's `.env` applied):
 * what the compose differential test (test/differential/compose-values.test.ts) compares with
 * compose-go's own loading (test/tools/compose-oracle). Pure.
 *
 * Short syntaxes are read as compose reads them on Linux: a volume `SOURCE:TARGET[:MODE]` is a
 * bind when SOURCE starts with `.`, `/` or `~`, else a named volume, and read-only when MODE holds
 * `ro`; a port's host IP is what stands before `HOST_PORT:CONTAINER_PORT` (brackets dropped); a
 * device `SOURCE[:TARGET[:PERMISSIONS]]` defaults its target to SOURCE and permissions to `rwm`.
 */
import { entries, get, getPath, isMap, items, makeYDoc, str, DEFAULT_BUDGET, type YDoc } from './ast.js';
import { composeBool } from './compose-cast.js';
import { interpolateTree, type ComposeEnv, type TreeError } from './compose-interpolate.js';
import { composeModel, type ComposeService } from './models.js';
import { parseDocuments } from './tree.js';
import { memoryBytes, portHostIp, shortVolume } from './compose-syntax.js';
import { composePorts, type ComposePort } from './compose-ports.js';
import { composeText, float32, isGoFloat } from './compose-scalars.js';

export interface ComposeVolumeValue {
  type: string;
  source: string;
  target: string;
  read_only: boolean;
}

export interface ComposeServiceValues {
  image: string;
  user: string;
  privileged: boolean;
  read_only: boolean;
  cap_add: string[];
  cap_drop: string[];
  security_opt: string[];
  network_mode: string;
  pid: string;
  ipc: string;
  userns_mode: string;
  group_add: string[];
  /** Null: a name passed through from the environment (`- NAME`, or `NAME:` with no value). */
  environment: Record<string, string | null>;
  volumes: ComposeVolumeValue[];
  /** Host IPs of the published ports (distinct, sorted; '' for all interfaces). */
  port_host_ips: string[];
  /** Every published or exposed port, short syntax expanded as compose expands it. */
  ports: ComposePort[];
  /** `cpus` and `deploy.resources.limits.cpus` (float32, as compose holds them; 0: none). */
  cpus: number;
  deploy_cpus: number;
  /** Bytes of `mem_limit` / `deploy.resources.limits.memory` (0: none; undefined: unreadable). */
  mem_limit: number | undefined;
  deploy_memory: number | undefined;
  devices: { source: string; target: string; permissions: string }[];
}

const text = (y: YDoc, node: unknown): string => str(y, node) ?? '';

function list(y: YDoc, node: unknown): string[] {
  const out: string[] = [];
  for (const it of items(y, node)) {
    const v = str(y, it.node);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/** A name without a value takes the project's variable of that name (compose passes it through). */
function environment(y: YDoc, node: unknown, project: ComposeEnv): Record<string, string | null> {
  const env: Record<string, string | null> = {};
  if (isMap(y, node)) {
    for (const e of entries(y, node)) env[e.key] = composeText(y, e.value) ?? project.get(e.key) ?? null;
    return env;
  }
  for (const v of list(y, node)) {
    const eq = v.indexOf('=');
    if (eq < 0) env[v] = project.get(v) ?? null;
    else env[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return env;
}

/** Compose keeps one volume per container path: the last one written. */
function lastPerTarget(vs: ComposeVolumeValue[]): ComposeVolumeValue[] {
  return vs.filter((v, i) => !vs.slice(i + 1).some((w) => w.target === v.target));
}

/** Compose drops repeated identical entries of these lists. */
function distinct<T>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = JSON.stringify(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function volumes(y: YDoc, node: unknown): ComposeVolumeValue[] {
  const out: ComposeVolumeValue[] = [];
  for (const it of items(y, node)) {
    const short = str(y, it.node);
    if (short !== undefined) {
      out.push(shortVolume(short));
      continue;
    }
    const at = (k: string): unknown => get(y, it.node, k)?.value;
    out.push({ type: text(y, at('type')), source: text(y, at('source')), target: text(y, at('target')), read_only: composeBool(y, at('read_only'))?.value === true });
  }
  return out;
}

function portHostIps(y: YDoc, node: unknown): string[] {
  const ips = new Set<string>();
  for (const it of items(y, node)) {
    const short = str(y, it.node);
    if (short !== undefined) ips.add(portHostIp(short));
    else if (isMap(y, it.node)) ips.add(text(y, get(y, it.node, 'host_ip')?.value).replace(/^\[(.*)\]$/, '$1'));
  }
  return [...ips].sort();
}

function devices(y: YDoc, node: unknown): ComposeServiceValues['devices'] {
  return items(y, node).map((it) => {
    const short = str(y, it.node);
    if (short === undefined) {
      const at = (k: string): string => text(y, get(y, it.node, k)?.value);
      return { source: at('source'), target: at('target'), permissions: at('permissions') };
    }
    const [source = '', target, permissions] = short.split(':');
    return { source, target: target ?? source, permissions: permissions ?? 'rwm' };
  });
}

function cpus(y: YDoc, node: unknown): number {
  const t = composeText(y, node);
  const v = t === undefined ? 0 : Number(t);
  return Number.isFinite(v) ? float32(v) : 0;
}

/** compose's UnitBytes: a YAML float (`mem_limit: 1.5`) is ignored, i.e. no limit. */
function memory(y: YDoc, node: unknown): number | undefined {
  if (isGoFloat(y, node)) return 0;
  const s = str(y, node);
  return s === undefined ? 0 : memoryBytes(s);
}

export function serviceValues(s: ComposeService, project: ComposeEnv = new Map()): ComposeServiceValues {
  const y = s.y;
  const at = (k: string): unknown => get(y, s.node, k)?.value;
  return {
    image: text(y, at('image')),
    user: text(y, at('user')),
    privileged: composeBool(y, at('privileged'))?.value === true,
    read_only: composeBool(y, at('read_only'))?.value === true,
    cap_add: distinct(list(y, at('cap_add'))).sort(),
    cap_drop: distinct(list(y, at('cap_drop'))).sort(),
    security_opt: list(y, at('security_opt')),
    network_mode: text(y, at('network_mode')),
    pid: text(y, at('pid')),
    ipc: text(y, at('ipc')),
    userns_mode: text(y, at('userns_mode')),
    group_add: list(y, at('group_add')),
    environment: environment(y, at('environment'), project),
    volumes: lastPerTarget(volumes(y, at('volumes'))),
    port_host_ips: portHostIps(y, at('ports')),
    ports: distinct(composePorts(y, at('ports'))),
    cpus: cpus(y, at('cpus')),
    deploy_cpus: cpus(y, getPath(y, s.node, 'deploy', 'resources', 'limits', 'cpus')?.value),
    mem_limit: memory(y, at('mem_limit')),
    deploy_memory: memory(y, getPath(y, s.node, 'deploy', 'resources', 'limits', 'memory')?.value),
    devices: distinct(devices(y, at('devices'))),
  };
}

export interface ComposeReading {
  services: Record<string, ComposeServiceValues>;
  /** Interpolation errors compose refuses the file for (messages). */
  refused: string[];
}

/** A compose text as we read it, with the variables of its `.env`. Throws what the parser throws. */
export function readComposeValues(textIn: string, env: ComposeEnv = new Map()): ComposeReading {
  const refused: string[] = [];
  const docs: YDoc[] = [];
  const budget = { left: DEFAULT_BUDGET };
  for (const doc of parseDocuments(textIn, 0)) {
    if (doc.error || doc.notMap !== undefined || doc.failure !== undefined || doc.contents === null) continue;
    const errors: TreeError[] = [];
    const contents = interpolateTree(doc.contents, env, errors);
    for (const e of errors) refused.push(e.message);
    docs.push(makeYDoc(contents, docs.length, budget));
  }
  const services: Record<string, ComposeServiceValues> = {};
  for (const s of composeModel(docs).services) services[s.name] = serviceValues(s, env);
  return { services, refused };
}
