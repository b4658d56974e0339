// The cached second build against the first (issue #23): the Node example built by a fresh
// docker-container builder exporting `type=local,dest=D,mode=max`, then, after that builder is
// removed (its own state gone, as on a new runner), by another fresh builder importing
// `type=local,src=D` with an unchanged context. Medians of ctx.runs pairs; the second build's
// CACHED steps are counted so that a fast second build without the cache is not mistaken for one.
//
// Needs what the plain `docker` driver cannot do (export a cache): a docker-container builder,
// i.e. the moby/buildkit image, and registry access for the base image (such a builder does not
// see the engine's local images). Where that is missing the case fails with the reason, rather
// than report a figure of something else.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { measure, median, result } from '../lib.mjs';
import { rigEnv } from './pipeline.mjs';

function docker(env, args) {
  const r = measure('docker', args, { env });
  if (r.status !== 0) throw new Error(`docker ${args.slice(0, 3).join(' ')}: ${(r.stderr || r.stdout).trim().split('\n').slice(-2).join(' ')}`);
  return r;
}

export async function run(ctx) {
  const env = rigEnv(ctx.env ?? process.env);
  const dir = join(ctx.repoRoot, 'examples', 'node-mcp-server');
  const first = [];
  const second = [];
  let cached = 0;
  for (let i = 0; i < ctx.runs; i++) {
    const cache = mkdtempSync(join(ctx.tmpDir, 'cache-'));
    for (const [phase, flags] of [
      ['first', ['--cache-to', `type=local,dest=${cache},mode=max`]],
      ['second', ['--cache-from', `type=local,src=${cache}`]],
    ]) {
      const name = `mcg-bench-cache-${process.pid}-${i}-${phase}`;
      try {
        docker(env, ['buildx', 'create', '--name', name, '--driver', 'docker-container', '--bootstrap']);
        const r = docker(env, ['buildx', 'build', '--builder', name, '--progress', 'plain', ...flags, '--output', 'type=cacheonly', '-f', join(dir, 'Dockerfile'), dir]);
        if (phase === 'first') first.push(r.ms);
        else {
          second.push(r.ms);
          cached += (r.stderr.match(/^#\d+ CACHED$/gm) ?? []).length;
        }
      } finally {
        measure('docker', ['buildx', 'rm', '--force', name], { env });
      }
    }
    rmSync(cache, { recursive: true, force: true });
  }
  if (cached === 0) throw new Error('the second build used no cached step: the figure would not be the cache');
  return [result('Node example: second build from a type=local cache vs the first (fresh builders)', median(second), 'ms', 'ratio <= 0.33', 'first build', median(first))];
}
