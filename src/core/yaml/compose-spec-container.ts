/**
 * The building blocks of compose's schema (./compose-spec-schema.ts) and its container
 * specification: the keys every container (a service, a job, a pre_start container) allows, with
 * their JSON types, enumerations, patterns and bounds, from compose-go v2.16.2's
 * schema/compose-spec.json. Pure data.
 */
export type S = Record<string, unknown>;

export const ref = (name: string): S => ({ $ref: `#/$defs/${name}` });
export const t = (...types: string[]): S => ({ type: types.length === 1 ? types[0] : types });
export const str = t('string');
export const strOrBool = t('boolean', 'string');
export const intOrStr = t('integer', 'string');
export const numOrStr = t('number', 'string');
export const strings = { type: 'array', items: str };
export const uniqueStrings = { type: 'array', items: str, uniqueItems: true };
/** An object with exactly these properties (and `x-…` extensions). */
export const obj = (properties: S, more: S = {}): S => ({ type: 'object', properties, additionalProperties: false, patternProperties: { '^x-': {} }, ...more });
/** An object with these properties and no extensions. */
export const closed = (properties: S, more: S = {}): S => ({ type: 'object', properties, additionalProperties: false, ...more });
export const named = (def: S): S => ({ type: 'object', patternProperties: { '^[a-zA-Z0-9._-]+$': def }, additionalProperties: false });
export const driverOpts = { type: 'object', patternProperties: { '^.+$': t('string', 'number') } };
export const external = { type: ['boolean', 'string', 'object'], properties: { name: str }, additionalProperties: false, patternProperties: { '^x-': {} } };
export const update = obj({ parallelism: intOrStr, delay: str, failure_action: str, monitor: str, max_failure_ratio: numOrStr, order: { type: 'string', enum: ['start-first', 'stop-first'] } });
export const gpuDevice = { capabilities: ref('list_of_strings'), count: t('string', 'integer'), device_ids: ref('list_of_strings'), driver: str, options: ref('list_or_dict') };

export const containerSpec = {
  type: 'object',
  patternProperties: { '^x-': {} },
  properties: {
    annotations: ref('list_or_dict'),
    blkio_config: closed({
      device_read_bps: { type: 'array', items: ref('blkio_limit') },
      device_read_iops: { type: 'array', items: ref('blkio_limit') },
      device_write_bps: { type: 'array', items: ref('blkio_limit') },
      device_write_iops: { type: 'array', items: ref('blkio_limit') },
      weight: intOrStr,
      weight_device: { type: 'array', items: ref('blkio_weight') },
    }),
    cap_add: uniqueStrings,
    cap_drop: uniqueStrings,
    cgroup: { type: 'string', enum: ['host', 'private'] },
    cgroup_parent: str,
    command: ref('command'),
    configs: ref('service_config_or_secret'),
    cpu_count: { oneOf: [str, { type: 'integer', minimum: 0 }] },
    cpu_percent: { oneOf: [str, { type: 'integer', minimum: 0, maximum: 100 }] },
    cpu_shares: numOrStr,
    cpu_quota: numOrStr,
    cpu_period: numOrStr,
    cpu_rt_period: numOrStr,
    cpu_rt_runtime: numOrStr,
    cpus: numOrStr,
    cpuset: str,
    credential_spec: obj({ config: str, file: str, registry: str }),
    device_cgroup_rules: ref('list_of_strings'),
    devices: { type: 'array', items: { oneOf: [str, obj({ source: str, target: str, permissions: str }, { required: ['source'] })] } },
    dns: ref('string_or_list'),
    dns_opt: uniqueStrings,
    dns_search: ref('string_or_list'),
    domainname: str,
    entrypoint: ref('command'),
    env_file: ref('env_file'),
    label_file: ref('label_file'),
    environment: ref('list_or_dict'),
    extra_hosts: ref('extra_hosts'),
    gpus: ref('gpus'),
    group_add: { type: 'array', items: t('string', 'number'), uniqueItems: true },
    hostname: str,
    image: str,
    init: strOrBool,
    ipc: str,
    isolation: str,
    labels: ref('list_or_dict'),
    logging: obj({ driver: str, options: { type: 'object', patternProperties: { '^.+$': t('string', 'number', 'null') } } }),
    mac_address: str,
    mem_limit: numOrStr,
    mem_reservation: t('string', 'integer'),
    mem_swappiness: intOrStr,
    memswap_limit: numOrStr,
    network_mode: str,
    models: {
      oneOf: [ref('list_of_strings'), { type: 'object', patternProperties: { '^[a-zA-Z0-9._-]+$': { oneOf: [obj({ endpoint_var: str, model_var: str }), t('null')] } } }],
    },
    networks: {
      oneOf: [
        ref('list_of_strings'),
        named({
          oneOf: [
            obj({
              aliases: ref('list_of_strings'),
              interface_name: str,
              ipv4_address: str,
              ipv6_address: str,
              link_local_ips: ref('list_of_strings'),
              mac_address: str,
              driver_opts: driverOpts,
              priority: t('number'),
              gw_priority: t('number'),
              use_service_name_alias: strOrBool,
            }),
            t('null'),
          ],
        }),
      ],
    },
    oom_kill_disable: strOrBool,
    oom_score_adj: { oneOf: [str, { type: 'integer', minimum: -1000, maximum: 1000 }] },
    pid: t('string', 'null'),
    pids_limit: numOrStr,
    platform: str,
    privileged: strOrBool,
    pull_policy: { type: 'string', pattern: '^(always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+)$' },
    pull_refresh_after: str,
    read_only: strOrBool,
    runtime: str,
    security_opt: uniqueStrings,
    shm_size: numOrStr,
    secrets: ref('service_config_or_secret'),
    sysctls: ref('list_or_dict'),
    stop_grace_period: str,
    stop_signal: str,
    storage_opt: { type: 'object' },
    tmpfs: ref('string_or_list'),
    ulimits: ref('ulimits'),
    umask: { type: ['integer', 'string', 'null'], minimum: 0, maximum: 4294967295 },
    use_api_socket: t('boolean'),
    user: str,
    uts: str,
    userns_mode: str,
    volumes: {
      type: 'array',
      uniqueItems: true,
      items: {
        oneOf: [
          str,
          obj(
            {
              type: { type: 'string', enum: ['bind', 'volume', 'tmpfs', 'cluster', 'npipe', 'image'] },
              source: str,
              target: str,
              read_only: strOrBool,
              consistency: str,
              bind: obj({ propagation: str, create_host_path: strOrBool, recursive: { type: 'string', enum: ['enabled', 'disabled', 'writable', 'readonly'] }, selinux: { type: 'string', enum: ['z', 'Z'] } }),
              volume: obj({ labels: ref('list_or_dict'), nocopy: strOrBool, subpath: str }),
              tmpfs: obj({ size: { oneOf: [{ type: 'integer', minimum: 0 }, str] }, mode: numOrStr }),
              image: obj({ subpath: str }),
            },
            { required: ['type'] },
          ),
        ],
      },
    },
    volumes_from: uniqueStrings,
    working_dir: str,
  },
};
