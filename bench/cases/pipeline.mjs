// The full image scan of the flawed Python example — build, save, Trivy, TruffleHog on the image,
// TruffleHog on the build context — our CLI (`node dist/cli.js scan …`) against a plain sequential
// run of the same tools with equivalent flags, side by side in one run, alternating, medians.
// Also our own code's share of the wall time: the CLI's wall time minus the time during which at
// least one external process ran (the pipeline's `debug: timing` line, MCG_DEBUG=1).
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { measure, median, result } from '../lib.mjs';

export function rigEnv(env) {
  const file = join(env.MCG_RIG_CACHE ?? join(homedir(), '.cache', 'mcp-container-guard-test'), 'rig.env');
  if (!existsSync(file)) throw new Error(`${file} is missing: run bash scripts/rig/setup.sh first`);
  const vars = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)="?(.*?)"?$/.exec(line.trim());
    if (m) vars[m[1]] = m[2];
  }
  return { ...env, ...vars };
}

export function privateCache(tmpDir, src) {
  const dst = mkdtempSync(join(tmpDir, 'trivy-cache-'));
  cpSync(join(src, 'db'), join(dst, 'db'), { recursive: true });
  return dst;
}

/** The globs our TruffleHog image scan leaves out without verification (src/scanners/trufflehog.ts IMAGE_NOISE_GLOBS): the peer gets the same flags. */
const IMAGE_NOISE_GLOBS = [
  '/var/lib/apt/**', '/var/lib/dpkg/**', '/var/lib/rpm/**', '/var/lib/apk/**', '/var/cache/**', '/usr/share/**', '/usr/lib/**',
  '/usr/lib64/**', '/lib/**', '/lib64/**', '/usr/local/lib/python*/**', '/usr/bin/**', '/usr/sbin/**', '/usr/include/**',
  '/etc/ssl/**', '**/node_modules/**', '**/site-packages/**', '**/dist-packages/**',
];

/** The same work, one tool after the other, as a shell-free list of argv. */
function sequentialSteps(env, repoRoot, dir, tar, cacheDir) {
  const ctx = join(repoRoot, dir);
  const extra = (env.MCG_DOCKER_BUILD_EXTRA_ARGS ?? '').split(/\s+/).filter(Boolean);
  const build = env.DOCKER_BUILDKIT === '0' ? ['build', ...extra] : ['buildx', 'build', ...extra, '--load'];
  return [
    ['docker', [...build, '-f', join(ctx, 'Dockerfile'), '-t', 'mcg-bench/sequential:1', ctx]],
    ['docker', ['save', '-o', tar, 'mcg-bench/sequential:1']],
    [env.MCG_TRIVY, ['image', '--input', tar, '--format', 'json', '--skip-version-check', '--disable-telemetry', '--no-progress', '--scanners', 'vuln', '--cache-dir', cacheDir, '--skip-db-update', '--skip-java-db-update', '--offline-scan']],
    [env.MCG_TRUFFLEHOG, ['docker', '--image', `file://${tar}`, '--json', '--no-update', '--no-verification', '--exclude-paths', IMAGE_NOISE_GLOBS.join(',')]],
    [env.MCG_TRUFFLEHOG, ['filesystem', ctx, '--json', '--no-update', '--no-verification']],
  ];
}

export async function run(ctx) {
  const env = ctx.rigEnv ? { ...process.env, ...ctx.rigEnv } : rigEnv(ctx.env ?? process.env);
  for (const k of ['MCG_TRIVY', 'MCG_TRUFFLEHOG', 'MCG_TRIVY_CACHE_DIR']) if (!env[k]) throw new Error(`${k} missing from rig.env`);
  const dir = 'examples/python-mcp-server';
  const cli = join(ctx.repoRoot, 'dist', 'cli.js');
  const ours = [];
  const own = [];
  const seq = [];
  // the runtime probe is off: the sequential floor below runs no probe (the probe has its own bench)
  const runOurs = () => {
    const out = join(ctx.tmpDir, 'report.json');
    const r = measure(process.execPath, [cli, 'scan', dir, '--offline', '--runtime-probe', 'false', '--fail-on', 'never', '--format', 'json', '--output', out], {
      cwd: ctx.repoRoot,
      env: { ...env, MCG_DEBUG: '1', MCG_TRIVY_CACHE_DIR: privateCache(ctx.tmpDir, env.MCG_TRIVY_CACHE_DIR) },
    });
    if (r.status !== 0) throw new Error(`mcg scan failed (${r.status}): ${r.stderr.slice(-2000)}`);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const failed = report.scanners.filter((s) => s.status !== 'ran' && s.name !== 'mcg');
    if (failed.length) throw new Error(`scanners did not run: ${JSON.stringify(failed)}`);
    const line = r.stderr.split('\n').find((l) => l.startsWith('debug: timing '));
    if (!line) throw new Error('no timing line in the debug log');
    const t = JSON.parse(line.slice('debug: timing '.length));
    ours.push(r.ms);
    own.push(((r.ms - t.externalMs) / r.ms) * 100);
  };
  const runSeq = () => {
    const tar = join(mkdtempSync(join(ctx.tmpDir, 'seq-')), 'image.tar');
    const cache = privateCache(ctx.tmpDir, env.MCG_TRIVY_CACHE_DIR);
    const t0 = process.hrtime.bigint();
    for (const [cmd, args] of sequentialSteps(env, ctx.repoRoot, dir, tar, cache)) {
      const r = measure(cmd, args, { cwd: ctx.repoRoot, env });
      if (r.status !== 0) throw new Error(`${cmd} ${args[0]} failed (${r.status}): ${r.stderr.slice(-1000)}`);
    }
    seq.push(Number(process.hrtime.bigint() - t0) / 1e6);
  };
  // warm the build cache for both, then alternate
  runOurs();
  runSeq();
  ours.length = 0;
  own.length = 0;
  seq.length = 0;
  for (let i = 0; i < ctx.runs; i++) {
    if (i % 2 === 0) {
      runOurs();
      runSeq();
    } else {
      runSeq();
      runOurs();
    }
  }
  const o = median(ours);
  const s = median(seq);
  return [
    result('pipeline: full image scan of the flawed Python example (wall)', o, 'ms', 'ours/sequential ≤ 0.8', 'the same tools run one after another', s),
    result('pipeline: our own code (wall time with no external process running)', median(own), '% of wall', '≤ 10%'),
  ];
}
