// Shared helpers for `npm run bench`: run a command under GNU time for wall time and peak RSS,
// repeat it, take medians. Figures are measured here, in this run — never copied from elsewhere.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Runs a command once: { ms, cpuMs, maxRssMb, status, stdout, stderr }. Uses /usr/bin/time -f for
 * peak RSS and CPU time (user + system, children included): on a busy machine CPU time is the
 * steadier figure, wall time the one a user sees.
 */
export function measure(cmd, args, opts = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mcg-bench-'));
  const timeFile = join(dir, 'time');
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, cmd, ...args], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    ...opts,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  let maxRssMb = NaN;
  let cpuMs = NaN;
  try {
    // the last line holds the figures (GNU time prints "Command exited with non-zero status" before it)
    const [rss, user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    maxRssMb = rss / 1024;
    cpuMs = (user + sys) * 1000;
  } catch {
    /* time did not write: the command could not start */
  }
  rmSync(dir, { recursive: true, force: true });
  if (r.error) throw r.error;
  return { ms, cpuMs, maxRssMb, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `fn` n times and returns the median of each numeric field plus the raw runs. */
export function repeat(n, fn) {
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(fn(i));
  const out = { runs };
  for (const k of Object.keys(runs[0] ?? {})) if (typeof runs[0][k] === 'number') out[k] = median(runs.map((r) => r[k]));
  return out;
}

export function result(name, value, unit, target, peer, peerValue) {
  const r = { name, value: round(value), unit, target };
  if (peer !== undefined) {
    r.peer = peer;
    r.peer_value = round(peerValue);
    r.ratio = round(value / peerValue, 3);
  }
  return r;
}

/**
 * Whether a result meets its target: `>= N` / `<= N` (also `≥`, `≤`) against the value, or against
 * the ratio when the target starts with `ratio` or `ours/sequential`. `true`, `false`, or `null` for
 * a figure that is only reported.
 */
export function verdict(r) {
  const m = /^\s*(ratio|ours\/sequential)?\s*(<=|>=|≤|≥)\s*([\d.]+)/.exec(String(r.target ?? ''));
  if (!m) return null;
  const x = m[1] ? r.ratio : r.value;
  if (typeof x !== 'number' || !Number.isFinite(x)) return false;
  const n = Number(m[3]);
  return m[2] === '<=' || m[2] === '≤' ? x <= n : x >= n;
}

function round(x, d = 1) {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

/** A test-rig value (tool path …): the environment first, else <rig cache>/rig.env; throws when absent. */
export function rigValue(key, env = process.env) {
  if (env[key]) return env[key];
  const cache = env.MCG_RIG_CACHE ?? join(homedir(), '.cache', 'mcp-container-guard-test');
  const file = join(cache, 'rig.env');
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    /* no rig yet */
  }
  for (const line of text.split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m && m[1] === key && m[2]) return m[2].replace(/^"(.*)"$/, '$1');
  }
  throw new Error(`${key} is not set and not in ${file}: run \`bash scripts/rig/setup.sh\` first`);
}

/**
 * Node 24, the runtime action.yml declares (`runs.using: node24`): MCG_NODE24, else the npm package
 * `node@24` in the rig cache, installed there once when missing (the e2e tests use the same copy).
 */
export function node24(env = process.env) {
  const bin = env.MCG_NODE24 || join(env.MCG_RIG_CACHE ?? join(homedir(), '.cache', 'mcp-container-guard-test'), 'node24', 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(bin)) {
    const dir = join(bin, '..', '..', '..', '..');
    mkdirSync(dir, { recursive: true });
    if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', 'node@24'], { cwd: dir, encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0) throw new Error(`Node 24 could not be installed: run \`npm install node@24\` in ${dir} (${(r.stderr ?? '').slice(-500)})`);
  }
  const v = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  if (!v.startsWith('v24.')) throw new Error(`${bin} is ${v || 'not runnable'}, not Node 24`);
  return { bin, version: v };
}
