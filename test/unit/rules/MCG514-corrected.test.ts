/**
 * MCG514's corrected entry, read back: whatever flags a launch starts with (including every flag
 * MCG501–MCG512 report and flags that conflict with the profile), the corrected `args` — written
 * into a `.vscode/mcp.json` and read by our own `docker run` reader — draw no finding of
 * MCG501–MCG512 (MCG507/MCG508 only when the image itself is unpinned: no flag fixes that), no
 * MCG514, and hold exactly one value of every single-valued flag.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDockerRun } from '../../../src/core/docker-run/argv.js';
import { REPEATABLE_FLAGS } from '../../../src/core/docker-run/flags.js';
import { checkMcpFile, readMcpModel } from '../../../src/engine/mcp-engine.js';
import { correctedArgs } from '../../../src/rules/mcp/corrected.js';
import { leastPrivilegeProfile, profileFlags, RECOMMENDED_PROFILE, satisfies } from '../../../src/rules/mcp/profile.js';
import type { DockerRun } from '../../../src/core/docker-run/argv.js';
import type { Launch } from '../../../src/core/mcp/model.js';
import { vscodeDocker } from '../../support/mcp-rule-table.js';

const PINNED = `ghcr.io/o/s:1.0.0@sha256:${'a'.repeat(64)}`;
const FLAGS: string[][] = [
  ['--privileged'], ['--privileged=true'], ['--use-api-socket'], ['-v', '/var/run/docker.sock:/var/run/docker.sock'], ['--mount', 'type=bind,source=/,target=/host'],
  ['-v', '$HOME:/h'], ['-v', '/data/project:/data:ro'], ['--network', 'host'], ['--net=host'], ['--network', 'bridge'], ['--pid', 'host'], ['--ipc=host'],
  ['--cap-add', 'ALL'], ['--cap-add', 'SYS_ADMIN,NET_BIND_SERVICE'], ['--cap-add=CAP_SYS_PTRACE'], ['--cap-drop', 'NET_RAW'],
  ['--security-opt', 'seccomp=unconfined'], ['--security-opt', 'no-new-privileges=false'], ['--security-opt=apparmor:unconfined'],
  ['-u', 'root'], ['--user', '0:0'], ['--user', '1000'], ['--pull', 'always'], ['--pull=never'], ['--restart', 'always'], ['-t'], ['-it'], ['-d'],
  ['--rm=false'], ['-i=false'], ['--read-only=false'], ['--memory', '1g'], ['-m', '2g'], ['--pids-limit', '-1'], ['--tmpfs', '/run'],
  ['-e', 'API_TOKEN=sk-live-123'], ['-e', 'LOG_LEVEL=debug'], ['-e', 'GITHUB_TOKEN'], ['-e', 'TOKEN=${input:token}'], ['-p', '8080:80'], ['--name', 'x'],
];
const IMAGES = [PINNED, 'ghcr.io/o/s:1.0.0', 's:latest', 's'];
const ARGS = [[], ['--token', 't0k'], ['--port', '3000']];

function launchOf(text: string): Launch & { docker: DockerRun } {
  const l = readMcpModel('.vscode/mcp.json', text, { kind: 'client', dialect: 'jsonc' }).model.launches[0]!;
  if (!l.docker) throw new Error('no docker launch');
  return l as Launch & { docker: DockerRun };
}

function check(flags: string[][], image: string, args: string[], proven?: string[]): void {
  const l = launchOf(vscodeDocker(['run', ...flags.flat(), image, ...args]));
  const missing = profileFlags(leastPrivilegeProfile(l.transport, proven)).filter((p) => !satisfies(l.docker, p.flag));
  const fix = correctedArgs(l, missing);
  const res = checkMcpFile({ path: '.vscode/mcp.json', text: vscodeDocker(fix.args), target: 't', profile: proven });
  const imageOnly = image === PINNED ? [] : ['MCG507', 'MCG508'];
  const left = res.findings.filter((f) => /^MCG5(0\d|1[0-4])$/.test(f.ruleId) && !imageOnly.includes(f.ruleId));
  expect(left.map((f) => `${f.ruleId} ${f.message}`), JSON.stringify(fix.args)).toEqual([]);
  expect(res.findings.filter((f) => f.ruleId === 'MCG991')).toEqual([]);
  const run = readDockerRun(fix.args.slice(1).map((value) => ({ value, line: 1 })));
  expect(run.errors).toEqual([]);
  const counts = new Map<string, number>();
  for (const f of run.flags) if (!REPEATABLE_FLAGS.has(f.name)) counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
  expect([...counts].filter(([, n]) => n > 1), JSON.stringify(fix.args)).toEqual([]);
  expect(run.image?.value).toBe(image);
}

describe('MCG514 corrected entry', () => {
  it('replaces a conflicting flag instead of adding a second one', () => {
    const l = launchOf(vscodeDocker(['run', '-i', '--network', 'host', '-u', 'root', '--pull', 'always', '--cap-add', 'ALL', 'ghcr.io/o/s:1.0.0']));
    const missing = profileFlags(leastPrivilegeProfile('stdio')).filter((p) => !satisfies(l.docker, p.flag));
    const fix = correctedArgs(l, missing);
    expect(fix.args.filter((a) => a === '--network')).toHaveLength(1);
    expect(fix.args[fix.args.indexOf('--network') + 1]).toBe('none');
    expect(fix.args[fix.args.indexOf('--user') + 1]).toBe('10001:10001');
    expect(fix.args).not.toContain('--pull');
    expect(fix.args).not.toContain('--cap-add');
    expect(fix.removed).toEqual(['--network host', '-u root', '--pull always', '--cap-add ALL']);
  });
  it('keeps what the profile does not touch: a non-root user, a project mount, a non-secret env value, a reference', () => {
    const l = launchOf(vscodeDocker(['run', '-i', '--user', '1000', '-v', '/data/p:/data:ro', '-e', 'LOG_LEVEL=debug', '-e', 'TOKEN=${input:token}', '-e', 'API_KEY=sk-1', PINNED]));
    const fix = correctedArgs(l, profileFlags(leastPrivilegeProfile('stdio')).filter((p) => !satisfies(l.docker, p.flag)));
    expect(fix.args).toEqual(expect.arrayContaining(['1000', '/data/p:/data:ro', 'LOG_LEVEL=debug', 'TOKEN=${input:token}', 'API_KEY']));
    expect(fix.args).not.toContain('10001:10001');
    expect(fix.args.join(' ')).not.toContain('sk-1');
  });
  it('property: the corrected entry, read back, has no finding of MCG501–MCG512 and one value per single-valued flag', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FLAGS), { maxLength: 10 }),
        fc.constantFrom(...IMAGES),
        fc.constantFrom(...ARGS),
        fc.option(fc.subarray([...RECOMMENDED_PROFILE, '--network none'], { minLength: 1 }), { nil: undefined }),
        (flags, image, args, proven) => check(flags, image, args, proven),
      ),
      { numRuns: 300 },
    );
  });
});
