// Dockerfile engine throughput over the real corpus replicated to 10,000 files, and CLI cold start.
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure, repeat, result } from '../lib.mjs';

export const FILES = 10_000;

/** Replicates the corpus Dockerfiles into dir/NNNN/Dockerfile; returns the count. */
export function replicateDockerfiles(corpusDir, dir, n = FILES) {
  const src = readdirSync(join(corpusDir, 'dockerfiles')).sort();
  for (let i = 0; i < n; i++) {
    const d = join(dir, String(i).padStart(5, '0'));
    mkdirSync(d, { recursive: true });
    copyFileSync(join(corpusDir, 'dockerfiles', src[i % src.length]), join(d, 'Dockerfile'));
  }
  return n;
}

export async function run(ctx) {
  const dir = join(ctx.tmpDir, 'dockerfiles');
  const n = replicateDockerfiles(ctx.corpusDir, dir);
  const cli = join(ctx.repoRoot, 'dist', 'cli.js');
  const out = join(ctx.tmpDir, 'dockerfiles.json');
  const engine = repeat(ctx.runs, () => {
    const r = measure('taskset', ['-c', '0', process.execPath, cli, 'scan', dir, '--root', dir, '--no-build', '--fail-on', 'never', '--format', 'json', '--output', out]);
    if (r.status !== 0) throw new Error(`mcg scan failed (${r.status}): ${r.stderr.slice(-2000)}`);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const engineMs = report.scanners.find((s) => s.name === 'mcg').durationMs;
    return { engineFilesPerSec: n / (engineMs / 1000), processFilesPerSec: n / (r.ms / 1000), wallMs: r.ms, maxRssMb: r.maxRssMb };
  });
  const cold = repeat(Math.max(10, ctx.runs * 3), () => ({ ms: measure(process.execPath, [cli, '--version']).ms }));
  return [
    result('dockerfile engine throughput (in-process, one core)', engine.engineFilesPerSec, 'files/s', '>= 5000'),
    result('dockerfile scan, whole CLI process (10,000 files, one core)', engine.processFilesPerSec, 'files/s', 'report'),
    result('dockerfile scan peak RSS (10,000 files)', engine.maxRssMb, 'MB', 'report'),
    result('CLI cold start (node dist/cli.js --version), median', cold.ms, 'ms', '<= 150'),
  ];
}
