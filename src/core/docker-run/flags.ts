/**
 * The flags of `docker run` / `docker container run` as the Docker CLI defines them
 * (cli/command/container/run.go and opts.go, the reference page `docker container run`): which
 * take a value, which are booleans, their one-letter shorthands and their aliases. Pure data.
 */

/** Flags that are booleans (`--rm`, `--rm=false`, grouped shorthands `-it`). */
export const BOOL_FLAGS: ReadonlySet<string> = new Set([
  'detach',
  'disable-content-trust',
  'help',
  'init',
  'interactive',
  'no-healthcheck',
  'oom-kill-disable',
  'privileged',
  'publish-all',
  'quiet',
  'read-only',
  'rm',
  'sig-proxy',
  'tty',
  'use-api-socket',
]);

/** Flags that take a value (`--name v`, `--name=v`, `-e v`, `-ev`, `-e=v`). */
export const VALUE_FLAGS: ReadonlySet<string> = new Set([
  'add-host',
  'annotation',
  'attach',
  'blkio-weight',
  'blkio-weight-device',
  'cap-add',
  'cap-drop',
  'cgroup-parent',
  'cgroupns',
  'cidfile',
  'cpu-count',
  'cpu-percent',
  'cpu-period',
  'cpu-quota',
  'cpu-rt-period',
  'cpu-rt-runtime',
  'cpu-shares',
  'cpus',
  'cpuset-cpus',
  'cpuset-mems',
  'detach-keys',
  'device',
  'device-cgroup-rule',
  'device-read-bps',
  'device-read-iops',
  'device-write-bps',
  'device-write-iops',
  'dns',
  'dns-option',
  'dns-search',
  'domainname',
  'entrypoint',
  'env',
  'env-file',
  'expose',
  'gpus',
  'group-add',
  'health-cmd',
  'health-interval',
  'health-retries',
  'health-start-interval',
  'health-start-period',
  'health-timeout',
  'hostname',
  'io-maxbandwidth',
  'io-maxiops',
  'ip',
  'ip6',
  'ipc',
  'isolation',
  'kernel-memory',
  'label',
  'label-file',
  'link',
  'link-local-ip',
  'log-driver',
  'log-opt',
  'mac-address',
  'memory',
  'memory-reservation',
  'memory-swap',
  'memory-swappiness',
  'mount',
  'name',
  'network',
  'network-alias',
  'oom-score-adj',
  'pid',
  'pids-limit',
  'platform',
  'publish',
  'pull',
  'restart',
  'runtime',
  'security-opt',
  'shm-size',
  'stop-signal',
  'stop-timeout',
  'storage-opt',
  'sysctl',
  'tmpfs',
  'ulimit',
  'user',
  'userns',
  'uts',
  'volume',
  'volume-driver',
  'volumes-from',
  'workdir',
]);

/** One-letter shorthands. */
export const SHORTHANDS: ReadonlyMap<string, string> = new Map([
  ['a', 'attach'],
  ['c', 'cpu-shares'],
  ['d', 'detach'],
  ['e', 'env'],
  ['h', 'hostname'],
  ['i', 'interactive'],
  ['l', 'label'],
  ['m', 'memory'],
  ['P', 'publish-all'],
  ['p', 'publish'],
  ['q', 'quiet'],
  ['t', 'tty'],
  ['u', 'user'],
  ['v', 'volume'],
  ['w', 'workdir'],
]);

/** Long names the CLI also accepts for a flag (hidden aliases). */
export const ALIASES: ReadonlyMap<string, string> = new Map([
  ['dns-opt', 'dns-option'],
  ['net', 'network'],
  ['net-alias', 'network-alias'],
]);

/**
 * Valued flags that may be given several times, each adding a value (the CLI's list, map, mount,
 * ulimit, gpu and network options); every other flag is single-valued: the last one wins.
 */
export const REPEATABLE_FLAGS: ReadonlySet<string> = new Set([
  'add-host', 'annotation', 'attach', 'blkio-weight-device', 'cap-add', 'cap-drop', 'device', 'device-cgroup-rule',
  'device-read-bps', 'device-read-iops', 'device-write-bps', 'device-write-iops', 'dns', 'dns-option', 'dns-search',
  'env', 'env-file', 'expose', 'gpus', 'group-add', 'label', 'label-file', 'link', 'link-local-ip', 'log-opt', 'mount',
  'network', 'network-alias', 'publish', 'security-opt', 'storage-opt', 'sysctl', 'tmpfs', 'ulimit', 'volume', 'volumes-from',
]);

/** Options of the `docker` command itself that may stand before `run` and take a value. */
export const GLOBAL_VALUE_FLAGS: ReadonlySet<string> = new Set(['config', 'context', 'host', 'log-level', 'tlscacert', 'tlscert', 'tlskey']);
export const GLOBAL_SHORT_VALUE: ReadonlySet<string> = new Set(['c', 'H', 'l']);
