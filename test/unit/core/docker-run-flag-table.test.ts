/**
 * The `docker run` argument reader against Docker's documented flag table: the Options table of
 * the reference page `docker container run` (docker/cli, docs/reference/commandline/container_run.md,
 * generated from the CLI's own flag set; commit 28f756087eea5fa301f3fbf12b01ae62f91521c2). Each row:
 * long name, shorthand ('' when none), the documented type (`bool` flags take no value; every
 * other type takes one). `list`, `map`, `mount`, `ulimit`, `network` and `gpu-request` may be
 * repeated; every other flag is single-valued. Hidden aliases (`--net`, `--net-alias`, `--dns-opt`)
 * and deprecated flags (`--kernel-memory`, `--disable-content-trust`) come from
 * cli/command/container/opts.go and run.go of the same commit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDockerRun, type Word } from '../../../src/core/docker-run/argv.js';
import { ALIASES, BOOL_FLAGS, REPEATABLE_FLAGS, SHORTHANDS, VALUE_FLAGS } from '../../../src/core/docker-run/flags.js';

// prettier-ignore
const DOCUMENTED: readonly (readonly [string, string, string])[] = [
  ['add-host', '', 'list'], ['annotation', '', 'map'], ['attach', 'a', 'list'], ['blkio-weight', '', 'uint16'], ['blkio-weight-device', '', 'list'],
  ['cap-add', '', 'list'], ['cap-drop', '', 'list'], ['cgroup-parent', '', 'string'], ['cgroupns', '', 'string'], ['cidfile', '', 'string'],
  ['cpu-count', '', 'int64'], ['cpu-percent', '', 'int64'], ['cpu-period', '', 'int64'], ['cpu-quota', '', 'int64'], ['cpu-rt-period', '', 'int64'],
  ['cpu-rt-runtime', '', 'int64'], ['cpu-shares', 'c', 'int64'], ['cpus', '', 'decimal'], ['cpuset-cpus', '', 'string'],
  ['cpuset-mems', '', 'string'], ['detach', 'd', 'bool'], ['detach-keys', '', 'string'], ['device', '', 'list'], ['device-cgroup-rule', '', 'list'],
  ['device-read-bps', '', 'list'], ['device-read-iops', '', 'list'], ['device-write-bps', '', 'list'], ['device-write-iops', '', 'list'],
  ['dns', '', 'list'], ['dns-option', '', 'list'], ['dns-search', '', 'list'], ['domainname', '', 'string'], ['entrypoint', '', 'string'],
  ['env', 'e', 'list'], ['env-file', '', 'list'], ['expose', '', 'list'], ['gpus', '', 'gpu-request'], ['group-add', '', 'list'],
  ['health-cmd', '', 'string'], ['health-interval', '', 'duration'], ['health-retries', '', 'int'], ['health-start-interval', '', 'duration'],
  ['health-start-period', '', 'duration'], ['health-timeout', '', 'duration'], ['help', '', 'bool'], ['hostname', 'h', 'string'],
  ['init', '', 'bool'], ['interactive', 'i', 'bool'], ['io-maxbandwidth', '', 'bytes'], ['io-maxiops', '', 'uint64'], ['ip', '', 'ip'],
  ['ip6', '', 'ip'], ['ipc', '', 'string'], ['isolation', '', 'string'], ['label', 'l', 'list'], ['label-file', '', 'list'], ['link', '', 'list'],
  ['link-local-ip', '', 'list'], ['log-driver', '', 'string'], ['log-opt', '', 'list'], ['mac-address', '', 'string'], ['memory', 'm', 'bytes'],
  ['memory-reservation', '', 'bytes'], ['memory-swap', '', 'bytes'], ['memory-swappiness', '', 'int64'], ['mount', '', 'mount'],
  ['name', '', 'string'], ['network', '', 'network'], ['network-alias', '', 'list'], ['no-healthcheck', '', 'bool'],
  ['oom-kill-disable', '', 'bool'], ['oom-score-adj', '', 'int'], ['pid', '', 'string'], ['pids-limit', '', 'int64'], ['platform', '', 'string'],
  ['privileged', '', 'bool'], ['publish', 'p', 'list'], ['publish-all', 'P', 'bool'], ['pull', '', 'string'], ['quiet', 'q', 'bool'],
  ['read-only', '', 'bool'], ['restart', '', 'string'], ['rm', '', 'bool'], ['runtime', '', 'string'], ['security-opt', '', 'list'],
  ['shm-size', '', 'bytes'], ['sig-proxy', '', 'bool'], ['stop-signal', '', 'string'], ['stop-timeout', '', 'int'], ['storage-opt', '', 'list'],
  ['sysctl', '', 'map'], ['tmpfs', '', 'list'], ['tty', 't', 'bool'], ['ulimit', '', 'ulimit'], ['use-api-socket', '', 'bool'],
  ['user', 'u', 'string'], ['userns', '', 'string'], ['uts', '', 'string'], ['volume', 'v', 'list'], ['volume-driver', '', 'string'],
  ['volumes-from', '', 'list'], ['workdir', 'w', 'string'],
];
const HIDDEN_ALIASES = [['net', 'network'], ['net-alias', 'network-alias'], ['dns-opt', 'dns-option']] as const;
const DEPRECATED = [['kernel-memory', 'bytes'], ['disable-content-trust', 'bool']] as const;
const REPEATED_TYPES = new Set(['list', 'map', 'mount', 'ulimit', 'network', 'gpu-request']);

const w = (...a: string[]): Word[] => a.map((value, i) => ({ value, line: i + 1 }));
const pairs = (r: ReturnType<typeof readDockerRun>): string[][] => r.flags.map((f) => [f.name, f.value]);
const isBool = (t: string): boolean => t === 'bool';

describe("Docker's documented docker run flag table", () => {
  it('has every documented flag and nothing else but the hidden aliases and deprecated flags', () => {
    const ours = [...BOOL_FLAGS, ...VALUE_FLAGS].sort();
    const theirs = [...DOCUMENTED.map((r) => r[0]), ...DEPRECATED.map((r) => r[0])].sort();
    expect(ours).toEqual(theirs);
    expect([...ALIASES].sort()).toEqual(HIDDEN_ALIASES.map((a) => [...a]).sort());
  });
  it.each(DOCUMENTED.map((r) => [r[0], r[2], r] as const))('--%s (%s): boolean or valued, shorthand, repeatable as documented', (_n, _t, [long, short, type]) => {
    expect(BOOL_FLAGS.has(long), 'boolean').toBe(isBool(type));
    expect(VALUE_FLAGS.has(long), 'takes a value').toBe(!isBool(type));
    expect(REPEATABLE_FLAGS.has(long), 'repeatable').toBe(REPEATED_TYPES.has(type));
    if (short) expect(SHORTHANDS.get(short)).toBe(long);
  });
  it('knows no shorthand the table does not document', () => {
    expect([...SHORTHANDS].sort()).toEqual(DOCUMENTED.filter((r) => r[1] !== '').map((r) => [r[1], r[0]]).sort());
  });
});

describe('every documented flag, in every spelling Docker accepts', () => {
  it.each(DOCUMENTED.filter((r) => isBool(r[2])).map((r) => [r[0], r[1]] as const))('boolean --%s', (long, short) => {
    expect(pairs(readDockerRun(w(`--${long}`, 'img', 'x')))).toEqual([[long, 'true']]);
    expect(pairs(readDockerRun(w(`--${long}=false`, 'img')))).toEqual([[long, 'false']]);
    // a boolean never takes the next word: it is the image
    expect(readDockerRun(w(`--${long}`, 'img', 'x')).image?.value).toBe('img');
    if (short) {
      expect(pairs(readDockerRun(w(`-${short}`, 'img')))).toEqual([[long, 'true']]);
      expect(pairs(readDockerRun(w(`-${short}=false`, 'img')))).toEqual([[long, 'false']]);
    }
  });
  it.each(DOCUMENTED.filter((r) => !isBool(r[2])).map((r) => [r[0], r[1]] as const))('valued --%s', (long, short) => {
    for (const words of [[`--${long}`, 'v:1'], [`--${long}=v:1`], ...(short ? [[`-${short}`, 'v:1'], [`-${short}v:1`], [`-${short}=v:1`]] : [])]) {
      const r = readDockerRun(w(...words, 'img', '--rm'));
      expect(pairs(r), words.join(' ')).toEqual([[long, 'v:1']]);
      expect(r.image?.value).toBe('img');
      expect(r.args.map((a) => a.value)).toEqual(['--rm']);
    }
    // a value that looks like a flag is still the value (pflag takes the next word)
    expect(pairs(readDockerRun(w(`--${long}`, '--rm', 'img')))).toEqual([[long, '--rm']]);
    expect(readDockerRun(w('-i', `--${long}`)).errors[0]?.message).toMatch(/needs an argument/);
  });
  it('grouped shorthands: booleans, then one valued flag taking the rest of the word or the next one', () => {
    const bools = DOCUMENTED.filter((r) => r[1] !== '' && isBool(r[2]));
    const vals = DOCUMENTED.filter((r) => r[1] !== '' && !isBool(r[2]));
    for (const [b1, s1] of bools.map((r) => [r[0], r[1]])) {
      for (const [b2, s2] of bools.map((r) => [r[0], r[1]])) {
        expect(pairs(readDockerRun(w(`-${s1}${s2}`, 'img')))).toEqual([[b1, 'true'], [b2, 'true']]);
      }
      for (const [v, sv] of vals.map((r) => [r[0], r[1]])) {
        expect(pairs(readDockerRun(w(`-${s1}${sv}val`, 'img')))).toEqual([[b1, 'true'], [v, 'val']]);
        expect(pairs(readDockerRun(w(`-${s1}${sv}`, 'val', 'img')))).toEqual([[b1, 'true'], [v, 'val']]);
      }
    }
    // a valued shorthand takes the rest of the group, even letters that are shorthands
    expect(pairs(readDockerRun(w('-eit', 'img')))).toEqual([['env', 'it']]);
  });
  it('hidden aliases read as their flag', () => {
    for (const [alias, long] of HIDDEN_ALIASES) expect(pairs(readDockerRun(w(`--${alias}=x`, 'img')))).toEqual([[long, 'x']]);
  });
  it('property: any mix of documented flags in any spelling is read back in order (seed printed on failure)', () => {
    const value = fc.stringMatching(/^[a-z0-9:/.]{1,8}$/);
    const spelled = fc.constantFrom(...DOCUMENTED).chain(([long, short, type]) => {
      if (isBool(type)) return fc.constantFrom(...[[`--${long}`], ...(short ? [[`-${short}`]] : [])]).map((words) => ({ words, pair: [long, 'true'] }));
      return fc.tuple(value, fc.nat(4)).map(([v, k]) => {
        const forms = [[`--${long}`, v], [`--${long}=${v}`], ...(short ? [[`-${short}`, v], [`-${short}${v}`], [`-${short}=${v}`]] : [])];
        return { words: forms[k % forms.length]!, pair: [long, v] };
      });
    });
    fc.assert(
      fc.property(fc.array(spelled, { maxLength: 12 }), (fs) => {
        const r = readDockerRun(w(...fs.flatMap((f) => f.words), 'img', '-v', 'x'));
        expect(r.errors).toEqual([]);
        expect(pairs(r)).toEqual(fs.map((f) => f.pair));
        expect(r.image?.value).toBe('img');
        expect(r.args.map((a) => a.value)).toEqual(['-v', 'x']);
      }),
    );
  });
});
