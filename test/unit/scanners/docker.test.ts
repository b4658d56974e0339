import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../src/core/dockerfile/model.js';
import { build, buildArgs, hasBuildx, imageTag, parseBuildFailure, save, saveArgs, splitExtraArgs } from '../../../src/scanners/docker.js';
import type { Exec, ExecOptions } from '../../../src/core/types.js';

describe('docker argv', () => {
  it('classic builder: extra args right after build, one --build-arg per pair, never a shell', () => {
    expect(
      buildArgs({
        context: '/r/ctx',
        dockerfile: '/r/ctx/Dockerfile',
        target: 'runtime',
        buildArgs: { A: '1', B: 'x y' },
        platform: 'linux/amd64',
        tag: 'mcg-scan/d:abc',
        extraArgs: splitExtraArgs('  --network host '),
      }),
    ).toEqual(['build', '--network', 'host', '-f', '/r/ctx/Dockerfile', '--target', 'runtime', '--build-arg', 'A=1', '--build-arg', 'B=x y', '--platform', 'linux/amd64', '-t', 'mcg-scan/d:abc', '/r/ctx']);
  });
  it('buildx loads the image into the daemon', () => {
    expect(buildArgs({ context: 'c', dockerfile: 'f', tag: 't', buildx: true })).toEqual(['buildx', 'build', '--load', '-f', 'f', '-t', 't', 'c']);
  });
  it('save and tag', () => {
    expect(saveArgs('img:1', '/tmp/x.tar')).toEqual(['save', '-o', '/tmp/x.tar', 'img:1']);
    expect(imageTag('examples/Python-MCP/Dockerfile', 'examples')).toMatch(/^mcg-scan\/examples-python-mcp-dockerfile:[0-9a-f]{12}$/);
    expect(imageTag('a/Dockerfile', 'a')).toBe(imageTag('a/Dockerfile', 'a'));
    expect(imageTag('a/Dockerfile', 'a', 'x')).not.toBe(imageTag('a/Dockerfile', 'a'));
    expect(splitExtraArgs(undefined)).toEqual([]);
  });
});

const DF = `# syntax comment
FROM debian:bookworm-slim
ENV A=1
RUN echo building && exit 3
CMD ["x"]
`;

describe('parseBuildFailure', () => {
  const m = parseDockerfile('Dockerfile', DF);
  it('classic builder: Step N/M maps to the instruction', () => {
    const out = `Sending build context to Docker daemon  3.072kB
Step 1/4 : FROM debian:bookworm-slim
 ---> e93df4a52c9b
Step 2/4 : ENV A=1
 ---> 9ceda30d7f48
Step 3/4 : RUN echo building && exit 3
 ---> Running in 01fde0ebd976
building
The command '/bin/sh -c echo building && exit 3' returned a non-zero code: 3`;
    const f = parseBuildFailure(out, m, 'Dockerfile');
    expect(f.line).toBe(4);
    expect(f.message).toContain('returned a non-zero code: 3');
  });
  it('BuildKit: Dockerfile:LINE wins', () => {
    const out = `#7 [2/3] RUN echo building && exit 3
#7 ERROR: process "/bin/sh -c echo building && exit 3" did not complete successfully: exit code: 3
------
 > [2/3] RUN echo building && exit 3:
------
Dockerfile:4
--------------------
   3 |     ENV A=1
   4 | >>> RUN echo building && exit 3
--------------------
ERROR: failed to solve: process "/bin/sh -c echo building && exit 3" did not complete successfully: exit code: 3`;
    expect(parseBuildFailure(out, m, '/abs/path/Dockerfile').line).toBe(4);
  });
  it('BuildKit progress without a file reference maps by instruction text', () => {
    const out = `#5 [stage-0 2/3] RUN echo building && exit 3
#5 ERROR: failed
ERROR: [stage-0 2/3] RUN echo building && exit 3`;
    expect(parseBuildFailure(out, m, 'Dockerfile').line).toBe(4);
  });
  it('unknown output: no line, message kept, secrets redacted', () => {
    const f = parseBuildFailure('Cannot connect to the Docker daemon\npassword=hunter2hunter2', m, 'Dockerfile');
    expect(f.line).toBeUndefined();
    expect(f.message).toContain('Cannot connect');
    expect(f.message).not.toContain('hunter2hunter2');
  });
});

describe('docker run helpers', () => {
  it('build and save go through the injected exec with argv only', async () => {
    const calls: [string, string[], ExecOptions | undefined][] = [];
    const exec: Exec = async (f, a, o) => {
      calls.push([f, a, o]);
      if (a[0] === 'buildx') return { exitCode: 1, stdout: '', stderr: 'unknown command' };
      if (a[0] === 'save') return { exitCode: 1, stdout: '', stderr: 'no such image' };
      return { exitCode: 3, stdout: 'Step 1/1 : RUN x', stderr: 'failed' };
    };
    expect(await hasBuildx(exec, 'docker')).toBe(false);
    const b = await build(exec, { docker: 'docker', timeoutMs: 1000 }, { context: 'c', dockerfile: 'f', tag: 't' });
    expect(b.ok).toBe(false);
    expect(b.failure).toBe('docker build exited with status 3');
    const s = await save(exec, { docker: 'docker' }, 'img', '/o.tar');
    expect(s.failure).toMatch(/docker save exited with status 1: no such image/);
    expect(calls.map((c) => c[1][0])).toEqual(['buildx', 'build', 'save']);
  });
});
