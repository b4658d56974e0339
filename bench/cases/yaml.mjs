// Compose + Kubernetes throughput: the real corpus replicated to >= 5,000 files, scanned by the
// whole CLI process (`mcg scan --no-build`) and by `trivy config` on the same directory, both
// pinned to one core. Figures are measured here, in this run.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { measure, repeat, result } from '../lib.mjs';

export const MIN_FILES = 5_000;

/** Copies the compose and k8s corpus into dir/NNNN/<original name> until >= n files; returns the count. */
export function replicateYaml(corpusDir, dir, n = MIN_FILES) {
  const src = ['compose', 'k8s'].flatMap((k) =>
    readdirSync(join(corpusDir, k))
      .filter((f) => /\.ya?ml$/i.test(f))
      .sort()
      .map((f) => ({ from: join(corpusDir, k, f), name: f.split('__').pop() })),
  );
  let count = 0;
  for (let copy = 0; count < n; copy++) {
    for (let i = 0; i < src.length; i++) {
      // One directory per source file and copy, keeping the original file name (classification
      // looks at it: `docker-compose.yml`, `deployment.yaml` …).
      const d = join(dir, String(copy).padStart(4, '0'), String(i).padStart(3, '0'));
      mkdirSync(d, { recursive: true });
      copyFileSync(src[i].from, join(d, src[i].name));
      count++;
    }
  }
  return count;
}

/** The trivy binary: ctx.trivy, MCG_TRIVY, else the test rig's rig.env. */
function trivyPath(ctx) {
  if (ctx.trivy) return ctx.trivy;
  const env = ctx.env ?? process.env;
  if (env.MCG_TRIVY) return env.MCG_TRIVY;
  const rigEnv = join(env.MCG_RIG_CACHE ?? join(homedir(), '.cache', 'mcp-container-guard-test'), 'rig.env');
  if (existsSync(rigEnv)) {
    const m = /^MCG_TRIVY="?([^"\n]+)"?$/m.exec(readFileSync(rigEnv, 'utf8'));
    if (m) return m[1];
  }
  throw new Error('trivy not found: set MCG_TRIVY or run bash scripts/rig/setup.sh');
}

export async function run(ctx) {
  const dir = join(ctx.tmpDir, 'yaml');
  const n = replicateYaml(ctx.corpusDir, dir);
  const cli = join(ctx.repoRoot, 'dist', 'cli.js');
  const out = join(ctx.tmpDir, 'yaml.json');
  const ours = repeat(ctx.runs, () => {
    const r = measure('taskset', ['-c', '0', process.execPath, cli, 'scan', dir, '--root', dir, '--no-build', '--fail-on', 'never', '--format', 'json', '--output', out]);
    if (r.status !== 0) throw new Error(`mcg scan failed (${r.status}): ${r.stderr.slice(-2000)}`);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const yamlFindings = report.findings.filter((f) => /^MCG[12]\d\d$/.test(f.ruleId)).length;
    // A scan that did not check the YAML files would be fast and wrong: require the findings.
    if (yamlFindings < n) throw new Error(`mcg scan reported only ${yamlFindings} compose/k8s findings for ${n} files: are the YAML checks wired into the CLI?`);
    const inputErrors = report.findings.filter((f) => f.ruleId === 'MCG991').length;
    if (inputErrors > 0) throw new Error(`mcg scan reported ${inputErrors} input errors on the corpus copy`);
    return { filesPerSec: n / (r.ms / 1000), wallMs: r.ms, maxRssMb: r.maxRssMb };
  });
  const trivy = trivyPath(ctx);
  const cache = join(ctx.tmpDir, 'trivy-cache');
  // trivy config takes minutes over these files: one run unless MCG_BENCH_PEER_RUNS asks for more
  const peer = repeat(Number(ctx.env?.MCG_BENCH_PEER_RUNS ?? 1), () => {
    const r = measure('taskset', ['-c', '0', trivy, 'config', '--format', 'json', '--skip-check-update', '--skip-version-check', '--disable-telemetry', '--quiet', '--cache-dir', cache, '--output', join(ctx.tmpDir, 'trivy.json'), dir]);
    if (r.status !== 0) throw new Error(`trivy config failed (${r.status}): ${r.stderr.slice(-2000)}`);
    return { filesPerSec: n / (r.ms / 1000), wallMs: r.ms, maxRssMb: r.maxRssMb };
  });
  return [
    result(`compose+k8s scan, whole CLI process (${n} files, one core)`, ours.filesPerSec, 'files/s', '>= 2000', 'trivy config', peer.filesPerSec),
    result(`compose+k8s scan vs trivy config, throughput ratio (${n} files)`, ours.filesPerSec / peer.filesPerSec, 'x', '>= 10'),
    result(`compose+k8s scan peak RSS (${n} files)`, ours.maxRssMb, 'MB', 'report', 'trivy config', peer.maxRssMb),
  ];
}
