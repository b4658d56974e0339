// Growth of the Dockerfile reader on adversarial input (issue 16): the CLI's CPU time for a file of
// 2N stages over the time for N stages, and for 2N self-doubling ARGs over N (each should stay
// <= 2.5, i.e. linear), with the peak RSS of the larger file. `MCG_BENCH_CLI` points at another
// bundle (e.g. one built from a branch with `node scripts/bundle.mjs /tmp/x`); dist/cli.js otherwise.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure, repeat, result } from '../lib.mjs';

/** n stages, each FROM the stage before it (the shape that made chains and name lookups quadratic). */
export function chainedStages(n) {
  const lines = ['FROM alpine:3.20 AS s0'];
  for (let i = 1; i < n; i++) lines.push(`FROM s${i - 1} AS s${i}`, `ENV V${i % 5}=${i}`);
  return `${lines.join('\n')}\n`;
}

/** n ARGs, each the one before it twice over (2^n characters unbounded). */
export function doublingArgs(n) {
  const lines = ['ARG A0=x'];
  for (let i = 1; i <= n; i++) lines.push(`ARG A${i}=$A${i - 1}$A${i - 1}`);
  lines.push('FROM alpine:3.20', 'USER 1000', '');
  return lines.join('\n');
}

function scanCpu(ctx, cli, name, text) {
  const dir = join(ctx.tmpDir, name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'Dockerfile');
  writeFileSync(file, text);
  const out = join(ctx.tmpDir, `${name}.json`);
  const r = repeat(ctx.runs, () => {
    const m = measure('taskset', ['-c', '0', process.execPath, cli, 'scan', dir, '--root', dir, '--no-build', '--fail-on', 'never', '--format', 'json', '--output', out]);
    if (m.status !== 0) throw new Error(`mcg scan of ${name} failed (${m.status}): ${m.stderr.slice(-1000)}`);
    return { cpuMs: m.cpuMs, maxRssMb: m.maxRssMb };
  });
  return { ...r, bytes: statSync(file).size };
}

export async function run(ctx) {
  const cli = ctx.env.MCG_BENCH_CLI ?? join(ctx.repoRoot, 'dist', 'cli.js');
  const out = [];
  for (const [label, gen, n] of [
    ['stages', chainedStages, 47_500],
    ['doubling ARGs', doublingArgs, 60],
  ]) {
    const one = scanCpu(ctx, cli, `${label.replace(/\W/g, '')}-n`, gen(n));
    const two = scanCpu(ctx, cli, `${label.replace(/\W/g, '')}-2n`, gen(2 * n));
    out.push(result(`growth: 2N ${label} / N ${label} (N=${n}), CLI CPU time`, two.cpuMs, 'ms', 'ratio <= 2.5', `N ${label}`, one.cpuMs));
    const rssLimit = (20 * two.bytes) / (1024 * 1024) + 100;
    out.push(result(`growth: peak RSS, 2N ${label} (${two.bytes} bytes; limit 20x file + 100 MB = ${Math.round(rssLimit)} MB)`, two.maxRssMb, 'MB', `<= ${Math.round(rssLimit)}`));
  }
  return out;
}
