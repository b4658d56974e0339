/**
 * What compose-go v2.16.2 does to a compose document between reading and validating it, on the
 * plain JSON of ./compose-json.ts: its casts of strings at the paths it casts
 * (loader/interpolate.go) and its removal of repeated list entries (override/uncity.go), with the
 * errors both raise (compose refuses the file). Pure.
 */
import type { Json, Lines, Segment } from './compose-json.js';
import { appendAll } from '../arrays.js';

type Cast = (s: string) => Json | undefined;

const toBool: Cast = (s) => {
  const l = s.toLowerCase();
  if (l === 'true' || l === 'y' || l === 'yes' || l === 'on') return true;
  if (l === 'false' || l === 'n' || l === 'no' || l === 'off') return false;
  return undefined;
};
/** strconv.Atoi and ParseInt(s, 10, 64): decimal digits with an optional sign. */
const toInt: Cast = (s) => (/^[-+]?\d+$/.test(s) && Math.abs(Number(s)) < 2 ** 63 ? Number(s) : undefined);
/** strconv.ParseFloat: decimal or hexadecimal floats, inf/infinity/nan in any case. */
const toFloat: Cast = (s) => {
  if (/^[-+]?(?:\d+(?:_\d+)*\.?(?:\d+(?:_\d+)*)?|\.\d+(?:_\d+)*)(?:[eE][-+]?\d+)?$/.test(s) && !s.includes('_')) return Number(s);
  if (/^[-+]?(?:inf|infinity)$/i.test(s)) return s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^nan$/i.test(s)) return Number.NaN;
  return undefined;
};
/** strconv.ParseUint(s, 0, 32): decimal, 0x, 0o, 0b, and a leading 0 for octal. */
const toUmask: Cast = (s) => {
  const m = /^(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|0([0-7]*)|([1-9]\d*))$/.exec(s.replace(/(?<=[0-9a-fA-F])_(?=[0-9a-fA-F])/g, ''));
  if (!m) return undefined;
  const v = m[1] !== undefined ? parseInt(m[1], 16) : m[2] !== undefined ? parseInt(m[2], 8) : m[3] !== undefined ? parseInt(m[3], 2) : m[4] !== undefined ? parseInt(m[4] || '0', 8) : Number(m[5]);
  return v <= 0xffffffff ? v : undefined;
};

const CONTAINER: [string, Cast][] = [
  ['cpu_count', toInt], ['cpu_percent', toFloat], ['cpu_period', toInt], ['cpu_quota', toInt], ['cpu_rt_period', toInt], ['cpu_rt_runtime', toInt],
  ['cpus', toFloat], ['cpu_shares', toInt], ['init', toBool], ['networks.*.use_service_name_alias', toBool], ['oom_kill_disable', toBool],
  ['oom_score_adj', toInt], ['pids_limit', toInt], ['privileged', toBool], ['read_only', toBool], ['umask', toUmask], ['ulimits.*', toInt],
  ['ulimits.*.hard', toInt], ['ulimits.*.soft', toInt], ['volumes.[].read_only', toBool], ['volumes.[].volume.nocopy', toBool],
];
const WORKLOAD: [string, Cast][] = [
  ['depends_on.*.required', toBool], ['depends_on.*.restart', toBool], ['healthcheck.retries', toInt], ['healthcheck.disable', toBool],
  ['ports.[].target', toInt], ['stdin_open', toBool], ['tty', toBool],
];
const SERVICE: [string, Cast][] = [
  ['deploy.replicas', toInt], ['deploy.update_config.parallelism', toInt], ['deploy.update_config.max_failure_ratio', toFloat],
  ['deploy.rollback_config.parallelism', toInt], ['deploy.rollback_config.max_failure_ratio', toFloat], ['deploy.restart_policy.max_attempts', toInt],
  ['deploy.placement.max_replicas_per_node', toInt], ['scale', toInt],
];

/** Cast paths: `*` any key or item, `[]` any item. */
const CASTS: [string[], Cast][] = [
  ...['networks.*.external', 'networks.*.internal', 'networks.*.attachable', 'networks.*.enable_ipv4', 'networks.*.enable_ipv6', 'volumes.*.external', 'secrets.*.external', 'configs.*.external'].map((p): [string[], Cast] => [p.split('.'), toBool]),
  ...['services.*', 'jobs.*', 'services.*.pre_start.*'].flatMap((pre) => CONTAINER.map(([p, c]): [string[], Cast] => [`${pre}.${p}`.split('.'), c])),
  ...['services.*', 'jobs.*'].flatMap((pre) => WORKLOAD.map(([p, c]): [string[], Cast] => [`${pre}.${p}`.split('.'), c])),
  ...SERVICE.map(([p, c]): [string[], Cast] => [`services.*.${p}`.split('.'), c]),
];

function matches(pattern: readonly string[], path: readonly Segment[]): boolean {
  if (pattern.length !== path.length) return false;
  return pattern.every((p, i) => p === '*' || (p === '[]' ? typeof path[i] === 'number' : p === path[i]));
}

/** The lists compose keeps one entry of per key, and how it keys them. */
const UNIQUE: [string[], 'kv' | 'volume' | 'device' | 'expose' | 'mount' | 'port'][] = (
  [
    ['networks.*.labels', 'kv'], ['networks.*.ipam.options', 'kv'], ['services.*.annotations', 'kv'], ['services.*.build.args', 'kv'],
    ['services.*.build.additional_contexts', 'kv'], ['services.*.build.platform', 'kv'], ['services.*.build.tags', 'kv'], ['services.*.build.labels', 'kv'],
    ['services.*.cap_add', 'kv'], ['services.*.cap_drop', 'kv'], ['services.*.configs', 'mount'], ['services.*.deploy.labels', 'kv'], ['services.*.dns', 'kv'],
    ['services.*.dns_opt', 'kv'], ['services.*.dns_search', 'kv'], ['services.*.environment', 'kv'], ['services.*.expose', 'expose'], ['services.*.labels', 'kv'],
    ['services.*.links', 'kv'], ['services.*.networks.*.aliases', 'kv'], ['services.*.networks.*.link_local_ips', 'kv'], ['services.*.ports', 'port'],
    ['services.*.profiles', 'kv'], ['services.*.secrets', 'mount'], ['services.*.sysctls', 'kv'], ['services.*.tmpfs', 'kv'], ['services.*.volumes', 'volume'],
    ['services.*.devices', 'device'],
  ] as const
).map(([p, k]) => [p.split('.'), k]);

const isObj = (v: Json): v is { [k: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Why compose's indexer refuses a list entry (undefined: it does not). */
function indexError(kind: string, v: Json): string | undefined {
  if (kind === 'kv') return typeof v === 'string' ? undefined : `unexpected type ${typeName(v)}`;
  if (kind === 'volume') return isObj(v) && typeof v['target'] !== 'string' ? 'service volume is missing a mount target' : undefined;
  if (kind === 'device') return isObj(v) && typeof v['target'] !== 'string' ? 'service device is missing a mount target' : undefined;
  if (kind === 'expose') return typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v)) ? undefined : `unsupported expose value ${JSON.stringify(v)}`;
  if (kind === 'mount') return typeof v === 'string' || isObj(v) ? undefined : `unsupported value ${JSON.stringify(v)}`;
  if (kind === 'port') return isObj(v) && !('target' in v) ? 'service ports is missing a target port' : undefined;
  return undefined;
}

function typeName(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'float64') : typeof v;
}

export interface CastError {
  path: Segment[];
  message: string;
}

/** Applies compose's casts and list de-duplication to `root` in place; the errors compose raises. */
export function castAndDedupe(root: Json): CastError[] {
  const errors: CastError[] = [];
  const work: { v: Json; path: Segment[]; set: (x: Json) => void }[] = [{ v: root, path: [], set: () => undefined }];
  while (work.length > 0) {
    const { v, path, set } = work.pop()!;
    if (typeof v === 'string') {
      const cast = path.length <= 8 ? CASTS.find(([p]) => matches(p, path)) : undefined;
      if (cast) {
        const r = cast[1](v);
        if (r === undefined) errors.push({ path, message: `failed to cast "${v.slice(0, 80)}" to the type compose expects here` });
        else set(r);
      }
      continue;
    }
    if (Array.isArray(v)) {
      const uniq = path.length <= 6 ? UNIQUE.find(([p]) => matches(p, path)) : undefined;
      if (uniq) {
        const bad = v.findIndex((x) => indexError(uniq[1], x) !== undefined);
        if (bad >= 0) errors.push({ path: [...path, bad], message: indexError(uniq[1], v[bad]!)! });
      }
      v.forEach((x, i) => work.push({ v: x, path: path.length < 12 ? [...path, i] : path, set: (y) => (v[i] = y) }));
      continue;
    }
    if (isObj(v)) for (const k of Object.keys(v)) work.push({ v: v[k]!, path: path.length < 12 ? [...path, k] : path, set: (y) => (v[k] = y) });
  }
  return errors;
}

/** Removes exact repeats from the lists compose de-duplicates (what its schema's uniqueItems then sees). */
export function dedupeLists(root: Json, lines: Lines): void {
  const work: { v: Json; path: Segment[] }[] = [{ v: root, path: [] }];
  while (work.length > 0) {
    const { v, path } = work.pop()!;
    if (path.length > 6 || v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      if (UNIQUE.some(([p]) => matches(p, path))) {
        const seen = new Set<string>();
        const old = lines.get(v);
        const moved = new Map<Segment, number>();
        const kept = v.filter((x, i) => {
          const k = JSON.stringify(x);
          if (seen.has(k)) return false;
          seen.add(k);
          const l = old?.get(i);
          if (l !== undefined) moved.set(seen.size - 1, l);
          return true;
        });
        v.length = 0;
        appendAll(v, kept);
        lines.set(v, moved);
      }
      v.forEach((x, i) => work.push({ v: x, path: [...path, i] }));
    } else for (const k of Object.keys(v)) work.push({ v: v[k]!, path: [...path, k] });
  }
}
