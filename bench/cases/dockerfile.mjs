// Dockerfile engine throughput over the real corpus replicated to 10,000 files, and CLI cold start.
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure, node24, repeat, result } from '../lib.mjs';

export const FILES = 10_000;

/** How many runs the engine and the cold start medians are of, for `runs` asked (bench/run.mjs says it too). */
export const engineRuns = (runs) => Math.max(5, runs);
export const coldRuns = (runs) => Math.max(10, runs * 3);

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

/**
 * The engine and the cold start on two runtimes: Node 24, which action.yml declares (`runs.using:
 * node24`) and the targets are for, and the node running the bench (the CLI supports Node >= 20).
 * The runs of the two alternate, so that a slow spell of the machine weighs on both alike.
 */
export async function run(ctx) {
  const dir = join(ctx.tmpDir, 'dockerfiles');
  const n = replicateDockerfiles(ctx.corpusDir, dir);
  const cli = join(ctx.repoRoot, 'dist', 'cli.js');
  const out = join(ctx.tmpDir, 'dockerfiles.json');
  const n24 = node24(ctx.env);
  const runtimes = [
    { label: `Node ${n24.version.slice(1)}, the action's runtime`, bin: n24.bin, target: true },
    ...(process.version.startsWith('v24.') ? [] : [{ label: `Node ${process.version.slice(1)}, the bench's node`, bin: process.execPath, target: false }]),
  ];
  const scanOnce = (bin) => {
    const r = measure('taskset', ['-c', '0', bin, cli, 'scan', dir, '--root', dir, '--no-build', '--fail-on', 'never', '--format', 'json', '--output', out]);
    if (r.status !== 0) throw new Error(`mcg scan failed (${r.status}): ${r.stderr.slice(-2000)}`);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    if (report.checkedFiles !== n) throw new Error(`mcg checked ${report.checkedFiles} files, expected ${n}`);
    const engineMs = report.scanners.find((s) => s.name === 'mcg').durationMs;
    return { engineFilesPerSec: n / (engineMs / 1000), processFilesPerSec: n / (r.ms / 1000), wallMs: r.ms, maxRssMb: r.maxRssMb };
  };
  // a run takes a few seconds: five of each at least, for a steadier median
  const engine = alternate(runtimes, engineRuns(ctx.runs), (rt) => scanOnce(rt.bin));
  const cold = alternate(runtimes, coldRuns(ctx.runs), (rt) => ({ ms: measure(rt.bin, [cli, '--version']).ms }));
  const out2 = [];
  runtimes.forEach((rt, i) => {
    const e = engine[i];
    out2.push(
      result(`dockerfile engine throughput (in-process, one core; ${rt.label})`, e.engineFilesPerSec, 'files/s', rt.target ? '>= 5000' : 'report'),
      result(`dockerfile scan, whole CLI process (10,000 files, one core; ${rt.label})`, e.processFilesPerSec, 'files/s', 'report'),
      result(`dockerfile scan peak RSS (10,000 files; ${rt.label})`, e.maxRssMb, 'MB', 'report'),
    );
  });
  runtimes.forEach((rt, i) => out2.push(result(`CLI cold start (node dist/cli.js --version), median; ${rt.label}`, cold[i].ms, 'ms', rt.target ? '<= 150' : 'report')));
  return out2;
}

/** Runs fn for each runtime in turn, n rounds; the medians per runtime, in the runtimes' order. */
function alternate(runtimes, n, fn) {
  const runs = runtimes.map(() => []);
  for (let k = 0; k < n; k++) runtimes.forEach((rt, i) => runs[i].push(fn(rt)));
  return runs.map((rs) => repeat(rs.length, (j) => rs[j]));
}
