/**
 * Compose documents for the schema part of the compose differential: services and top-level
 * sections (networks, volumes, secrets, configs, name, version, include) with fields compose's
 * schema allows and refuses — healthcheck, build, deploy, ports long and short, secrets, configs,
 * networks, ulimits, depends_on, develop, logging, numbers spelled the YAML 1.1 ways in
 * environment maps, cpus … — combined at random, then mutated (a key renamed, a value's type
 * changed, an item repeated, an extension key added).
 */
import fc from 'fast-check';
import type { ComposeCase } from '../support/compose-oracle.js';

const SERVICE_FIELDS: Record<string, string[]> = {
  healthcheck: ['{test: [CMD, curl, -f, x], interval: 10s}', '{test: "curl x", retries: "3"}', '{test: [CMD], retries: abc}', '{interval: 10}', '{disable: yes}', '{timeout: 1s, foo: 1}', '{start_period: 5s, x-a: 1}', '{test: [CMD, 1]}', '{retries: 1.5}'],
  build: ['.', '{context: ., dockerfile: Dockerfile}', '{context: ., args: {A: 1}}', '{context: ., args: [A=1, A=1]}', '{context: 1}', '{contxt: .}', '{context: ., no_cache: maybe}', '{context: ., shm_size: 1.5}', '{context: ., target: prod, platforms: [linux/amd64]}', '{context: ., ssh: [default]}', '[.]'],
  deploy: ['{replicas: 2}', '{replicas: "2"}', '{replicas: two}', '{resources: {limits: {cpus: "0.5", memory: 512m}}}', '{resources: {limits: {cpus: 0.5, memory: 512}}}', '{resources: {limits: {cpus: lots}}}', '{resources: {reservations: {devices: [{capabilities: [gpu]}]}}}', '{resources: {reservations: {devices: [{count: 1}]}}}', '{restart_policy: {condition: on-failure, max_attempts: 3}}', '{update_config: {order: sideways}}', '{update_config: {order: start-first, parallelism: "2"}}', '{placement: {constraints: [a]}}', '{mode: global, labels: [a=b]}', '{resources: {limits: {cpus: "1.1", pids: 10}}}', '{resources: {limits: {cpus: 1_000}}}', '~', '{endpoint_mode: vip, x-y: 1}', '{rollback_config: {max_failure_ratio: "0.1"}}'],
  networks: ['[front, back]', '[front, front]', '{front: {aliases: [a]}}', '{front: null}', '{front: {ipv4_address: 1}}', '{front: {priority: "1"}}', '{"bad name": {}}', '{front: {use_service_name_alias: on}}', 'front'],
  secrets: ['[s1]', '[{source: s1, target: /x, mode: 0400}]', '[{source: s1, uid: 0}]', '[1]', '[{source: s1, uid: "0", gid: "0"}]', '{s1: {}}'],
  configs: ['[c1]', '[{source: c1, target: /c}]', '[{source: c1, mode: "0440"}]', '[true]'],
  cpus: ['0.5', '"1.5"', 'two', '1_000', '"${CPUS:-2}"', '2', '1.1', '0x2', '.5'],
  environment: ['{A: 0777}', '{A: 1_000}', '{A: 0x1F}', '{A: 1e3}', '{A: .5}', '{A: 1.0}', '{A: 1000000.0}', '{A: +12}', '{A: 0o17}', '{A: 0b101}', '{A: 012, B: 089}', '{A: 1234567.5}', '{A: -1.5e-7}', '{A: 00}', '{A: [1]}', '{A: {b: 1}}', '[A=1, A=1]', '[A=1, B=2]'],
  ports: ['[{target: 80, published: 8080, protocol: udp, host_ip: 127.0.0.1}]', '[{target: "80"}]', '[{target: eighty}]', '[{published: 80}]', '[{target: 80, mode: host}]', '[{target: 80, foo: 1}]', '["8080:80/tcp"]', '["127.0.0.1:8000-8001:80"]', '["8000-8001:80-81"]', '["80-81"]', '["1.5"]', '[80.5]', '[70000]', '["80/tcpx"]', '["8000-8001:80-82"]', '["[::1]:81:81"]', '["::1:81:81"]', '["999.1.1.1:80:80"]', '[0x50]', '[80, 80]', '["80:80/UDP"]', '[{target: 80, published: "8000-8001"}]', '[{target: 81, host_ip: "::"}]', '["81:81", "81:81"]'],
  user: ['1_000', '0777', '0x10', '"1000"', 'app'],
  restart: ['unless-stopped', '1', 'on-failure:3'],
  pull_policy: ['always', 'sometimes', 'every_1d', 'every_2h30m', 'missing'],
  container_name: ['"-x"', 'a', 'web-1', '"a b"'],
  cgroup: ['host', 'shared'],
  ulimits: ['{nofile: {soft: 1, hard: 2}}', '{nofile: {soft: 1}}', '{NOFILE: 1}', '{nproc: 65535}', '{nproc: "65535"}', '{nproc: many}'],
  oom_score_adj: ['2000', '"2000"', '-500', 'x'],
  cpu_percent: ['101', '50', '"50"'],
  umask: ['0777', '"0o22"', '"022"', '-1', 'abc'],
  stop_grace_period: ['10', '10s'],
  init: ['yes', 'true', 'maybe'],
  tty: ['maybe', 'on', 'false'],
  expose: ['[80, "81"]', '[1.5]', '["80", "80"]', '[80, 80]'],
  depends_on: ['[b]', '{b: {condition: service_healthy}}', '{b: {}}', '{b: {condition: service_started, required: "yes"}}', '[b, b]', '{b: {condition: sometimes}}'],
  extra_hosts: ['["a:1.2.3.4"]', '{a: 1.2.3.4}', '{a: [1.2.3.4, "::1"]}', '["a:1.2.3.4", "a:1.2.3.4"]'],
  labels: ['{a: {b: 1}}', '[a, a]', '{a: 1, b: true, c: ~}', '[a=1, b=2]'],
  logging: ['{driver: json-file, options: {max-size: 1m, max-file: 3}}', '{options: {a: [1]}}', '{driver: 1}'],
  dns: ['8.8.8.8', '[8.8.8.8, 8.8.8.8]', '[1]'],
  command: ['[a, 1]', '1', 'null', '"echo hi"', '[a, b]'],
  develop: ['{watch: [{path: ., action: sync}]}', '{watch: [{path: .}]}', '{watch: [{path: ., action: teleport}]}'],
  profiles: ['[a]', '[a, a]', 'a'],
  scale: ['two', '2', '"3"'],
  'x-ext': ['whatever', '{a: .inf}', '{b: [1, 2]}'],
  storage_opt: ['{size: 1G}', '[a]'],
  gpus: ['all', 'some', '[{count: 1, capabilities: [gpu]}]'],
  volumes: ['[{type: bind, source: /a, target: /b, bind: {propagation: rprivate}}]', '[{type: weird, target: /t}]', '[{source: v, target: /t}]', '[{type: volume, source: v}]', '[{type: tmpfs, target: /t, tmpfs: {size: 1000}}]', '[{type: tmpfs, target: /t, tmpfs: {size: -1}}]', '["v:/data", "v:/data"]', '[{type: bind, source: /a, target: /b, bind: {selinux: q}}]'],
  devices: ['[{source: /dev/x}]', '[{source: /dev/x, target: /dev/y}]', '["/dev/fuse", "/dev/fuse"]'],
  group_add: ['[0, 0]', '[docker, "999"]', '[1.5]'],
  security_opt: ['[a, a]', '[1]', '["no-new-privileges:true"]'],
  privileged: ['true', '"yes"', 'maybe', '[true]'],
  image: ['0777', '1_000', 'nginx:1', '~', '{a: 1}'],
  mem_limit: ['512m', '1.5', 'lots', '"1g"'],
  pid: ['host', '~', '1'],
  platform: ['linux/amd64', '1'],
  post_start: ['[{command: ./x}]', '[{user: root}]'],
  annotations: ['{a: b}', '[a=b, a=b]'],
  sysctls: ['{net.core.somaxconn: 1024}', '[a=1]', '{a: [1]}'],
  tmpfs: ['/run', '[/run, /run]', '1'],
};

const TOP_LEVEL: Record<string, string[]> = {
  networks: ['{front: {driver: bridge}, back: null}', '{front: {external: yes}}', '{front: {external: maybe}}', '{front: {ipam: {config: [{subnet: 10.0.0.0/24}]}}}', '{front: {ipam: {config: [{subnet: 10}]}}}', '{front: {drivr: x}}', '{"a b": {}}', '{front: {driver_opts: {a: [1]}}}', '{front: {labels: [a, a]}}', '{front: {internal: "true", attachable: on}}', '{front: {external: {name: x}}}', '{front: {ipam: {options: {a: 1}}}}'],
  volumes: ['{data: {}}', '{data: null}', '{data: {external: true, name: x}}', '{data: {driver_opts: {type: nfs, o: 1}}}', '{data: {labels: [a, a]}}', '{data: 1}', '{data: {external: maybe}}', '{data: {x-a: 1, driver: local}}'],
  secrets: ['{s1: {file: ./s}}', '{s1: {environment: TOKEN}}', '{s1: {external: yes}}', '{s1: null}', '{s1: {file: 1}}', '{s1: {file: ./s, unknown: 1}}'],
  configs: ['{c1: {content: x}}', '{c1: {file: ./c, mode: 1}}', '{c1: {external: true}}'],
  name: ['myproj', '1', '"my proj"'],
  version: ['"3.8"', '3.8', '"2"'],
  include: ['[a.yaml]', '[{path: a.yaml, bogus: 1}]', '[{path: [a.yaml, b.yaml], project_directory: .}]', 'a.yaml'],
  'x-top': ['{a: 1}', '.nan'],
  bogus: ['1'],
};

const pick = (table: Record<string, string[]>, max: number) =>
  fc.subarray(Object.keys(table), { minLength: 0, maxLength: max }).chain((keys) => fc.tuple(...keys.map((k) => fc.constantFrom(...table[k]!).map((v): [string, string] => [k, v]))));

/** How a generated document is changed: a key misspelt, a value's type changed, an item repeated, an extension key. */
const mutations = fc.constantFrom('none', 'none', 'rename', 'number', 'list', 'extension', 'null');

function mutate(lines: [string, string][], m: string, at: number): [string, string][] {
  if (m === 'none' || lines.length === 0) return lines;
  const i = at % lines.length;
  const [k, v] = lines[i]!;
  const out = [...lines];
  if (m === 'rename') out[i] = [`${k}s`, v];
  else if (m === 'number') out[i] = [k, '42'];
  else if (m === 'list') out[i] = [k, `[${v}]`];
  else if (m === 'extension') out.push([`x-${k}`, v]);
  else out[i] = [k, '~'];
  return out;
}

export const composeSchemaDocument: fc.Arbitrary<ComposeCase> = fc
  .record({
    service: pick(SERVICE_FIELDS, 4),
    other: fc.option(pick(SERVICE_FIELDS, 2), { nil: undefined }),
    top: pick(TOP_LEVEL, 2),
    mutation: mutations,
    at: fc.nat(),
    where: fc.boolean(),
  })
  .map(({ service, other, top, mutation, at, where }) => {
    const svc = where ? mutate(service, mutation, at) : service;
    const tops = where ? top : mutate(top, mutation, at);
    const body = (fs: [string, string][], image: string) => [...(fs.some(([k]) => k === 'image') ? [] : [`    image: ${image}`]), ...fs.map(([k, v]) => `    ${k}: ${v}`)];
    const lines = ['services:', '  a:', ...body(svc, 'x:1')];
    if (other) lines.push('  b:', ...body(other, 'y:1'));
    for (const [k, v] of tops) lines.push(`${k}: ${v}`);
    return { label: '', text: `${lines.join('\n')}\n` };
  });

/** Fixed documents for the refusals the generator found after the schema (compose-decode.ts), and their neighbours compose loads. */
export const schemaDecodeCases: ComposeCase[] = [
  'pid: ~', 'network_mode: null', 'ipc: ~', 'uts: ~', 'cgroup: ~', 'pid: host',
  'build: {context: ., no_cache: maybe}', 'build: {context: ., pull: "on"}', 'build: {context: ., privileged: sometimes}',
  'group_add: [1.5]', 'group_add: [0, "1.5"]', 'mem_limit: 1.5', 'mem_limit: "1.5"', 'deploy: {resources: {limits: {memory: 2.5}}}',
].map((field) => ({ label: field, text: `services:\n  a:\n    image: x:1\n    ${field}\n` }));
