// Shared helpers for `npm run bench`: run a command under GNU time for wall time and peak RSS,
// repeat it, take medians. Figures are measured here, in this run — never copied from elsewhere.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs a command once: { ms, maxRssMb, status, stdout, stderr }. Uses /usr/bin/time -f for peak RSS. */
export function measure(cmd, args, opts = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mcg-bench-'));
  const timeFile = join(dir, 'time');
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', timeFile, cmd, ...args], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    ...opts,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  let maxRssMb = NaN;
  try {
    maxRssMb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) / 1024;
  } catch {
    /* time did not write: the command could not start */
  }
  rmSync(dir, { recursive: true, force: true });
  if (r.error) throw r.error;
  return { ms, maxRssMb, status: r.status, stdout: r.stdout, stderr: r.stderr };
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

function round(x, d = 1) {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** d;
  return Math.round(x * f) / f;
}
