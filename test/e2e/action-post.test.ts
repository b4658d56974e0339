/**
 * The post step end to end, in the rig: the bundled action (Node 24, fake GitHub) builds a real
 * image and fails its step (a failing policy); the runner's hand-over is replayed (GITHUB_STATE of
 * the main step → STATE_* of the post step) and dist/post.js removes the image and any container
 * carrying the run's label — and nothing else. The Trivy cache half is in action-trivy-cache.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { postBundle, runAction, runPost, useFakeGitHub } from '../support/action-run.js';
import { rigEnv, rigValue } from '../support/rig.js';

const KEY = 'io.github.mcp-container-guard.run';
let env: Record<string, string>;

function docker(...args: string[]): string {
  const r = spawnSync('docker', args, { env, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, `docker ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout.trim();
}

const labelled = (label: string, what: 'images' | 'ps'): string[] =>
  docker(...(what === 'ps' ? ['ps', '-a'] : ['images']), '-q', '--no-trunc', '--filter', `label=${KEY}=${label}`).split('\n').filter(Boolean);

const gh = useFakeGitHub();

beforeAll(() => {
  env = rigEnv();
  rigValue('DOCKER_HOST');
  postBundle();
});

describe('post step (runs.post, post-if: always())', () => {
  it('after a failed main step: removes the image the run built and the containers carrying its label, nothing else', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'mcg-post-e2e-'));
    const dir = `svc-${process.pid}`;
    mkdirSync(join(ws, dir));
    writeFileSync(join(ws, dir, 'Dockerfile'), `FROM debian:bookworm-slim\nRUN echo ${process.pid} > /built-by-mcg\nCMD ["cat", "/built-by-mcg"]\n`);
    const main = await runAction({
      workspace: ws,
      apiUrl: gh.fake.url,
      event: 'push',
      payload: { ref: 'refs/heads/main', repository: { full_name: 'acme/mcp-server' } },
      inputs: { dockerfile: `${dir}/Dockerfile`, scanners: 'none', 'fail-on': 'any', 'check-run': 'false', comment: 'never', 'upload-sarif': 'false' },
      env: { DOCKER_HOST: env['DOCKER_HOST']! },
    });
    const why = `exit ${main.code}\n${main.stdout.slice(-4000)}\n${main.stderr.slice(-2000)}`;
    expect(main.code, why).toBe(1);
    expect(main.outputs['result'], why).toBe('fail');
    const label = main.state['mcg-run-label']!;
    expect(label, why).toMatch(/^4242-1-[0-9a-f]{12}$/);
    expect(main.state['mcg-built']).toBe('true');
    const images = labelled(label, 'images');
    expect(images, why).toHaveLength(1);
    // what a build cut short leaves behind (the classic builder's containers), and a bystander
    const left = docker('create', '--label', `${KEY}=${label}`, images[0]!);
    const bystander = docker('create', '--label', `${KEY}=someone-else`, images[0]!);
    try {
      const post = await runPost(main, ws);
      const pwhy = `exit ${post.code}\n${post.stdout}\n${post.stderr}`;
      expect(post.code, pwhy).toBe(0);
      expect(post.stdout, pwhy).toMatch(/^::group::Remove the containers and images this run built$/m);
      expect(post.stdout, pwhy).toMatch(/Removed 1 container\(s\) and 1 image\(s\) labelled/);
      expect(post.stdout, pwhy).not.toMatch(/^::(error|warning)::/m);
      expect(labelled(label, 'images')).toEqual([]);
      expect(labelled(label, 'ps')).toEqual([]);
      expect(docker('ps', '-a', '-q', '--no-trunc', '--filter', `id=${bystander}`)).toBe(bystander);
      expect(left).not.toBe(bystander);
    } finally {
      spawnSync('docker', ['rm', '-f', bystander, left], { env });
      spawnSync('docker', ['rmi', '-f', ...images], { env });
    }
  }, 600_000);

  it('a static run builds nothing: the post step calls no docker and says so', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'mcg-post-static-'));
    writeFileSync(join(ws, 'Dockerfile'), 'FROM debian:bookworm-slim\nUSER 1000\n');
    const main = await runAction({ workspace: ws, apiUrl: gh.fake.url, event: 'push', payload: {}, inputs: { build: 'false', 'check-run': 'false', comment: 'never', 'upload-sarif': 'false', 'fail-on': 'never' } });
    expect(main.state['mcg-built']).toBeUndefined();
    // a docker that cannot be reached would be a warning: there is none, so docker was not asked
    const post = await runPost(main, ws, { DOCKER_HOST: 'unix:///nonexistent.sock' });
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/No image was built by this run; nothing to remove/);
    expect(post.stdout).toMatch(/Trivy did not run in this step; nothing to save/);
    expect(post.stdout).not.toMatch(/^::(error|warning)::/m);
  }, 120_000);
});
