/**
 * The part of compose's schema (compose-spec.json in compose-go v2.16.2) that covers the fields
 * the compose rules read: compose refuses a file whose service holds a number or a boolean where
 * the schema wants a string, a key the schema does not know, the same item twice in a list of unique items, or a short volume
 * with an empty part, or a memory size compose cannot read. Pure.
 */
import { deref, entries, get, getPath, items, str, type YDoc } from './ast.js';
import type { ComposeService } from './models.js';
import { memoryBytes } from './compose-syntax.js';

/** The top-level keys compose knows (and `x-…` extensions). */
const TOP_LEVEL = new Set(['configs', 'include', 'jobs', 'models', 'name', 'networks', 'secrets', 'services', 'version', 'volumes']);

/** The service keys of compose's schema (container and workload specs), besides `x-…`. */
const SERVICE_KEYS = new Set(
  (
    'annotations attach blkio_config build cap_add cap_drop cgroup cgroup_parent command configs container_name cpu_count cpu_percent cpu_period ' +
    'cpu_quota cpu_rt_period cpu_rt_runtime cpu_shares cpus cpuset credential_spec depends_on deploy develop device_cgroup_rules devices dns ' +
    'dns_opt dns_search domainname entrypoint env_file environment expose extends external_links extra_hosts gpus group_add healthcheck hostname ' +
    'image init ipc isolation label_file labels links logging mac_address mem_limit mem_reservation mem_swappiness memswap_limit models ' +
    'network_mode networks oom_kill_disable oom_score_adj pid pids_limit platform ports post_start pre_start pre_stop privileged profiles ' +
    'provider pull_policy pull_refresh_after read_only restart runtime scale secrets security_opt shm_size stdin_open stop_grace_period ' +
    'stop_signal storage_opt sysctls tmpfs tty ulimits umask use_api_socket user userns_mode uts volumes volumes_from working_dir'
  ).split(' '),
);

/** Keys compose's schema does not allow at the top of the document. */
export function topLevelRefusals(y: YDoc): SchemaRefusal[] {
  const out: SchemaRefusal[] = [];
  for (const e of entries(y, y.root)) {
    if (!TOP_LEVEL.has(e.key) && !e.key.startsWith('x-') && e.key !== '<<') {
      out.push({ line: e.line, field: e.key, message: `additional property "${e.key.slice(0, 80)}" is not allowed at the top level (extensions are named x-…)` });
    }
    if (e.key === 'version' || e.key === 'name') {
      const n = deref(y, e.value);
      if (n !== null && (n.t !== 'scalar' || (n.value !== null && typeof n.value !== 'string'))) out.push({ line: e.line, field: e.key, message: `${e.key} must be a string: quote it` });
    }
  }
  return out;
}

/** Service fields the schema types as a string (a null is unset). */
const STRING_FIELDS = ['image', 'user', 'pid', 'ipc', 'network_mode', 'userns_mode'];
/** Service lists whose items must be unique. */
const UNIQUE_LISTS = ['group_add', 'security_opt'];

export interface SchemaRefusal {
  line: number;
  /** The field, as compose names it in its message (`services.a.user`). */
  field: string;
  message: string;
}

function nonString(y: YDoc, node: unknown): string | undefined {
  const n = deref(y, node);
  if (n === null || n.t !== 'scalar' || n.value === null || typeof n.value === 'string') return undefined;
  return typeof n.value;
}

/** Why compose's schema refuses this service, field by field (empty: it does not). */
export function schemaRefusals(s: ComposeService): SchemaRefusal[] {
  const out: SchemaRefusal[] = [];
  const y = s.y;
  const check = (e: { value: unknown; line: number } | undefined, field: string): void => {
    const t = e ? nonString(y, e.value) : undefined;
    if (e && t) out.push({ line: e.line, field, message: `${field} must be a string (it is a ${t}): quote it` });
  };
  for (const e of entries(y, s.node)) {
    // a quoted "<<" is reported as a merge key that is not one
    if (!SERVICE_KEYS.has(e.key) && !e.key.startsWith('x-') && e.key !== '<<') {
      out.push({ line: e.line, field: `services.${s.name}.${e.key}`, message: `services.${s.name}: additional property "${e.key.slice(0, 80)}" is not allowed (extensions are named x-…)` });
    }
  }
  for (const f of STRING_FIELDS) check(get(y, s.node, f), `services.${s.name}.${f}`);
  check(getPath(y, s.node, 'deploy', 'resources', 'limits', 'memory'), `services.${s.name}.deploy.resources.limits.memory`);
  for (const e of [get(y, s.node, 'mem_limit'), getPath(y, s.node, 'deploy', 'resources', 'limits', 'memory')]) {
    const n = e ? deref(y, e.value) : null;
    if (e && n !== null && n.t === 'scalar' && typeof n.value === 'string' && memoryBytes(n.value) === undefined) {
      out.push({ line: e.line, field: `services.${s.name}.memory`, message: `invalid size "${n.value.slice(0, 80)}" (write a size such as 512m or 1g)` });
    }
  }
  for (const it of items(y, get(y, s.node, 'volumes')?.value)) {
    const v = str(y, it.node);
    // a short volume with an empty part (often an unset variable: `${DATA}:/data`)
    if (v !== undefined && /^:|::|:$/.test(v)) out.push({ line: it.line, field: `services.${s.name}.volumes`, message: `invalid volume spec "${v.slice(0, 80)}": empty section between colons (is a variable unset?)` });
  }
  for (const f of UNIQUE_LISTS) {
    const seen = new Map<string, number>();
    for (const it of items(y, get(y, s.node, f)?.value)) {
      const v = str(y, it.node);
      if (v === undefined) continue;
      const first = seen.get(v);
      if (first !== undefined) {
        out.push({ line: it.line, field: `services.${s.name}.${f}`, message: `services.${s.name}.${f} items at ${first} and ${it.index} are equal ("${v.slice(0, 80)}"): remove one` });
        break;
      }
      seen.set(v, it.index);
    }
  }
  return out;
}
