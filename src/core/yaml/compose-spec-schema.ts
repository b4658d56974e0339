/**
 * Compose's schema, written here as a JSON Schema (draft 2020-12) from the rules of the
 * compose-spec schema that compose-go v2.16.2 embeds and validates every file against
 * (schema/compose-spec.json): which keys each level allows, the JSON types of their values, their
 * enumerations, patterns, bounds and required keys, and which lists must hold unique items.
 * Descriptions and deprecation notes are left out: they change no verdict. Pure data.
 */
type S = Record<string, unknown>;

const ref = (name: string): S => ({ $ref: `#/$defs/${name}` });
const t = (...types: string[]): S => ({ type: types.length === 1 ? types[0] : types });
const str = t('string');
const strOrBool = t('boolean', 'string');
const intOrStr = t('integer', 'string');
const numOrStr = t('number', 'string');
const strings = { type: 'array', items: str };
const uniqueStrings = { type: 'array', items: str, uniqueItems: true };
/** An object with exactly these properties (and `x-…` extensions). */
const obj = (properties: S, more: S = {}): S => ({ type: 'object', properties, additionalProperties: false, patternProperties: { '^x-': {} }, ...more });
/** An object with these properties and no extensions. */
const closed = (properties: S, more: S = {}): S => ({ type: 'object', properties, additionalProperties: false, ...more });
const named = (def: S): S => ({ type: 'object', patternProperties: { '^[a-zA-Z0-9._-]+$': def }, additionalProperties: false });
const driverOpts = { type: 'object', patternProperties: { '^.+$': t('string', 'number') } };
const external = { type: ['boolean', 'string', 'object'], properties: { name: str }, additionalProperties: false, patternProperties: { '^x-': {} } };
const update = obj({ parallelism: intOrStr, delay: str, failure_action: str, monitor: str, max_failure_ratio: numOrStr, order: { type: 'string', enum: ['start-first', 'stop-first'] } });
const gpuDevice = { capabilities: ref('list_of_strings'), count: t('string', 'integer'), device_ids: ref('list_of_strings'), driver: str, options: ref('list_or_dict') };

const containerSpec = {
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

const workloadSpec = {
  type: 'object',
  patternProperties: { '^x-': {} },
  properties: {
    build: {
      oneOf: [
        str,
        obj({
          context: str,
          dockerfile: str,
          dockerfile_inline: str,
          entitlements: strings,
          args: ref('list_or_dict'),
          ssh: ref('list_or_dict'),
          labels: ref('list_or_dict'),
          cache_from: strings,
          cache_to: strings,
          no_cache: strOrBool,
          no_cache_filter: ref('string_or_list'),
          additional_contexts: ref('list_or_dict'),
          network: str,
          provenance: t('string', 'boolean'),
          sbom: t('string', 'boolean'),
          pull: strOrBool,
          target: str,
          shm_size: intOrStr,
          extra_hosts: ref('extra_hosts'),
          isolation: str,
          privileged: strOrBool,
          secrets: ref('service_config_or_secret'),
          tags: strings,
          ulimits: ref('ulimits'),
          platforms: strings,
        }),
      ],
    },
    depends_on: {
      oneOf: [
        ref('list_of_strings'),
        {
          type: 'object',
          additionalProperties: false,
          patternProperties: {
            '^[a-zA-Z0-9._-]+$': obj({ restart: strOrBool, required: t('boolean'), condition: { type: 'string', enum: ['service_started', 'service_healthy', 'service_completed_successfully'] } }, { required: ['condition'] }),
          },
        },
      ],
    },
    healthcheck: ref('healthcheck'),
    ports: {
      type: 'array',
      uniqueItems: true,
      items: { oneOf: [t('number'), str, obj({ name: str, mode: str, host_ip: str, target: intOrStr, published: t('string', 'integer'), protocol: str, app_protocol: str })] },
    },
    expose: { type: 'array', items: t('string', 'number'), uniqueItems: true },
    stdin_open: strOrBool,
    tty: strOrBool,
  },
};

const serviceHook = obj({ command: ref('command'), user: str, privileged: strOrBool, working_dir: str, environment: ref('list_or_dict') }, { required: ['command'] });

const defs: S = {
  container_spec: containerSpec,
  workload_spec: workloadSpec,
  service: {
    allOf: [ref('container_spec'), ref('workload_spec')],
    properties: {
      deploy: ref('deployment'),
      develop: ref('development'),
      profiles: ref('list_of_strings'),
      restart: str,
      scale: intOrStr,
      attach: strOrBool,
      container_name: { type: 'string', pattern: '[a-zA-Z0-9][a-zA-Z0-9_.-]+' },
      provider: obj({ type: str, options: { type: 'object', patternProperties: { '^.+$': { oneOf: [t('string', 'number', 'boolean'), { type: 'array', items: t('string', 'number', 'boolean') }] } } } }, { required: ['type'] }),
      extends: { oneOf: [str, closed({ service: str, file: str }, { required: ['service'] })] },
      links: uniqueStrings,
      external_links: uniqueStrings,
      pre_start: { type: 'array', items: ref('pre_start_hook') },
      post_start: { type: 'array', items: ref('service_hook') },
      pre_stop: { type: 'array', items: ref('service_hook') },
    },
    unevaluatedProperties: false,
  },
  job: {
    allOf: [ref('container_spec'), ref('workload_spec')],
    required: ['triggers'],
    properties: {
      profiles: ref('list_of_strings'),
      triggers: obj({ manual: strOrBool, schedule: { type: 'array', items: { oneOf: [str, ref('schedule')] } } }, { anyOf: [{ required: ['manual'] }, { required: ['schedule'] }] }),
    },
    unevaluatedProperties: false,
  },
  schedule: obj({ cron: str, timezone: str, concurrency: { type: 'string', enum: ['forbid', 'queue'] }, missed_fires: { type: 'string', enum: ['one', 'skip'] } }, { required: ['cron'] }),
  healthcheck: obj({ disable: strOrBool, interval: str, retries: numOrStr, test: { oneOf: [str, strings] }, timeout: str, start_period: str, start_interval: str }),
  development: obj(
    {
      watch: {
        type: 'array',
        items: obj(
          { ignore: ref('string_or_list'), include: ref('string_or_list'), path: str, action: { type: 'string', enum: ['rebuild', 'sync', 'restart', 'sync+restart', 'sync+exec'] }, target: str, exec: ref('service_hook'), initial_sync: t('boolean') },
          { required: ['path', 'action'] },
        ),
      },
    },
    { type: ['object', 'null'] },
  ),
  deployment: obj(
    {
      mode: str,
      endpoint_mode: str,
      replicas: intOrStr,
      labels: ref('list_or_dict'),
      rollback_config: update,
      update_config: update,
      resources: obj({
        limits: obj({ cpus: numOrStr, memory: str, pids: intOrStr }),
        reservations: obj({ cpus: numOrStr, memory: str, generic_resources: ref('generic_resources'), devices: ref('devices') }),
      }),
      restart_policy: obj({ condition: str, delay: str, max_attempts: intOrStr, window: str }),
      placement: obj({ constraints: strings, preferences: { type: 'array', items: obj({ spread: str }) }, max_replicas_per_node: intOrStr }),
    },
    { type: ['object', 'null'] },
  ),
  generic_resources: { type: 'array', items: obj({ discrete_resource_spec: obj({ kind: str, value: numOrStr }) }) },
  devices: { type: 'array', items: obj(gpuDevice, { required: ['capabilities'] }) },
  // as compose's schema has it: the `additionalProperties` of the array branch apply to no object
  gpus: { oneOf: [{ type: 'string', enum: ['all'] }, { type: 'array', items: { type: 'object', properties: gpuDevice } }], additionalProperties: false, patternProperties: { '^x-': {} } },
  include: { oneOf: [str, closed({ path: ref('string_or_list'), env_file: ref('string_or_list'), project_directory: str })] },
  network: obj(
    {
      name: str,
      driver: str,
      driver_opts: driverOpts,
      ipam: obj({
        driver: str,
        config: { type: 'array', items: obj({ subnet: str, ip_range: str, gateway: str, aux_addresses: { type: 'object', additionalProperties: false, patternProperties: { '^.+$': str } } }) },
        options: { type: 'object', additionalProperties: false, patternProperties: { '^.+$': str } },
      }),
      external,
      internal: strOrBool,
      enable_ipv4: strOrBool,
      enable_ipv6: strOrBool,
      attachable: strOrBool,
      labels: ref('list_or_dict'),
    },
    { type: ['object', 'null'] },
  ),
  volume: obj({ name: str, driver: str, driver_opts: driverOpts, external, labels: ref('list_or_dict') }, { type: ['object', 'null'] }),
  secret: obj({ name: str, environment: str, file: str, external: { type: ['boolean', 'string', 'object'], properties: { name: str } }, labels: ref('list_or_dict'), driver: str, driver_opts: driverOpts, template_driver: str }),
  config: obj({ name: str, content: str, environment: str, file: str, external: { type: ['boolean', 'string', 'object'], properties: { name: str } }, labels: ref('list_or_dict'), template_driver: str }),
  model: obj({ name: str, model: str, context_size: t('integer'), runtime_flags: strings }, { required: ['model'] }),
  command: { oneOf: [t('null'), str, strings] },
  service_hook: serviceHook,
  pre_start_hook: { type: 'object', allOf: [ref('container_spec')], unevaluatedProperties: false, properties: { per_replica: strOrBool } },
  env_file: { oneOf: [str, { type: 'array', items: { oneOf: [str, closed({ path: str, format: str, required: strOrBool }, { required: ['path'] })] } }] },
  label_file: { oneOf: [str, strings] },
  string_or_list: { oneOf: [str, ref('list_of_strings')] },
  list_of_strings: uniqueStrings,
  list_or_dict: { oneOf: [{ type: 'object', patternProperties: { '.+': t('string', 'number', 'boolean', 'null') }, additionalProperties: false }, uniqueStrings] },
  extra_hosts: { oneOf: [{ type: 'object', patternProperties: { '.+': { oneOf: [str, strings] } }, additionalProperties: false }, uniqueStrings] },
  blkio_limit: closed({ path: str, rate: intOrStr }),
  blkio_weight: closed({ path: str, weight: intOrStr }),
  service_config_or_secret: { type: 'array', items: { oneOf: [str, obj({ source: str, target: str, uid: str, gid: str, mode: numOrStr })] } },
  ulimits: { type: 'object', patternProperties: { '^[a-z]+$': { oneOf: [intOrStr, obj({ hard: intOrStr, soft: intOrStr }, { required: ['soft', 'hard'] })] } } },
};

/** The whole schema (draft 2020-12). */
export const COMPOSE_SCHEMA: S = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'compose_spec.json',
  type: 'object',
  properties: {
    version: str,
    name: str,
    include: { type: 'array', items: ref('include') },
    services: named(ref('service')),
    models: named(ref('model')),
    networks: named(ref('network')),
    volumes: named(ref('volume')),
    secrets: named(ref('secret')),
    configs: named(ref('config')),
    jobs: named(ref('job')),
  },
  patternProperties: { '^x-': {} },
  additionalProperties: false,
  $defs: defs,
};
