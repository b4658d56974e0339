/**
 * Compose's schema, written here as a JSON Schema (draft 2020-12) from the rules of the
 * compose-spec schema that compose-go v2.16.2 embeds and validates every file against
 * (schema/compose-spec.json): which keys each level allows, the JSON types of their values, their
 * enumerations, patterns, bounds and required keys, and which lists must hold unique items.
 * Descriptions and deprecation notes are left out: they change no verdict. Pure data.
 */
import { closed, containerSpec, driverOpts, external, gpuDevice, intOrStr, named, numOrStr, obj, ref, str, strOrBool, strings, t, uniqueStrings, update, type S } from './compose-spec-container.js';

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
