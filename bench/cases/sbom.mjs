// The image SBOM's cost (issue #22): the CLI's full image scan of the flawed Python example with the
// SBOM on (`--sbom F --sbom-format both`: Trivy lists every package, two `trivy convert`s) against
// the same scan with it off, side by side in one run, alternating, medians. The image is built once
// before (`--image`), so that build-cache noise does not hide a difference of a second.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure, median, result } from '../lib.mjs';
import { privateCache, rigEnv } from './pipeline.mjs';

export async function run(ctx) {
  const env = ctx.rigEnv ? { ...process.env, ...ctx.rigEnv } : rigEnv(ctx.env ?? process.env);
  for (const k of ['MCG_TRIVY', 'MCG_TRUFFLEHOG', 'MCG_TRIVY_CACHE_DIR']) if (!env[k]) throw new Error(`${k} missing from rig.env`);
  const dir = 'examples/python-mcp-server';
  const tag = `mcg-bench/sbom:${process.pid}`;
  const b = spawnSync('docker', ['build', '-q', '-t', tag, dir], { cwd: ctx.repoRoot, env, encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`docker build failed: ${b.stderr.slice(-1000)}`);
  const cli = join(ctx.repoRoot, 'dist', 'cli.js');
  const on = [];
  const off = [];
  const scan = (sbom) => {
    const sbomFile = join(ctx.tmpDir, 'sbom.cdx.json');
    const args = [cli, 'scan', dir, '--image', tag, '--offline', '--fail-on', 'never', '--runtime-probe', 'false', '--format', 'json', '--output', join(ctx.tmpDir, 'report.json')];
    if (sbom) args.push('--sbom', sbomFile, '--sbom-format', 'both');
    const r = measure(process.execPath, args, { cwd: ctx.repoRoot, env: { ...env, MCG_TRIVY_CACHE_DIR: privateCache(ctx.tmpDir, env.MCG_TRIVY_CACHE_DIR) } });
    if (r.status !== 0) throw new Error(`mcg scan failed (${r.status}): ${r.stderr.slice(-2000)}`);
    if (sbom && !(existsSync(sbomFile) && JSON.parse(readFileSync(sbomFile, 'utf8')).bomFormat === 'CycloneDX')) throw new Error('no CycloneDX SBOM written');
    (sbom ? on : off).push(r.ms);
  };
  try {
    scan(true);
    scan(false);
    on.length = 0;
    off.length = 0;
    for (let i = 0; i < ctx.runs; i++) {
      if (i % 2 === 0) {
        scan(true);
        scan(false);
      } else {
        scan(false);
        scan(true);
      }
    }
  } finally {
    spawnSync('docker', ['rmi', '-f', tag], { env });
  }
  return [result('sbom: full image scan with the SBOM on (CycloneDX + SPDX), wall', median(on), 'ms', 'ratio ≤ 1.1', 'the same scan with the SBOM off', median(off))];
}
