// What a user waits for on a real repository: one whole CLI process (`mcg scan --no-build`, start-up
// included) over every file of the real corpus, laid out as the repositories it came from (the
// corpus names flatten `owner/repo/path` to `owner__repo__path`), pinned to one core, on Node 24
// (the action's runtime). Figures are measured here, in this run.
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { measure, node24, repeat, result } from '../lib.mjs';

/** Copies the corpus files of `kinds` to dir/<owner>/<repo>/<path>; returns the count. */
export function layOutCorpus(corpusDir, dir, kinds = ['dockerfiles', 'compose', 'k8s', 'configs']) {
  let n = 0;
  for (const kind of kinds) {
    for (const f of readdirSync(join(corpusDir, kind)).sort()) {
      const to = join(dir, ...f.split('__'));
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(join(corpusDir, kind, f), to);
      n++;
    }
  }
  return n;
}

/** One whole CLI process over `dir`, pinned to one core on Node 24: median wall and CPU time, peak RSS. */
function scanProcess(ctx, n24, dir, out) {
  const cli = join(ctx.repoRoot, 'dist', 'cli.js');
  return repeat(Math.max(5, ctx.runs), () => {
    const m = measure('taskset', ['-c', '0', n24.bin, cli, 'scan', dir, '--root', dir, '--no-build', '--fail-on', 'never', '--format', 'json', '--output', out]);
    if (m.status !== 0) throw new Error(`mcg scan failed (${m.status}): ${m.stderr.slice(-2000)}`);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    return { wallMs: m.ms, cpuMs: m.cpuMs, rss: m.maxRssMb, checked: report.checkedFiles };
  });
}

export async function run(ctx) {
  const n24 = node24(ctx.env);
  const dir = join(ctx.tmpDir, 'repos');
  const files = layOutCorpus(ctx.corpusDir, dir);
  const r = scanProcess(ctx, n24, dir, join(ctx.tmpDir, 'corpus.json'));
  // the corpus's compose files and Kubernetes manifests alone (issue 17: the YAML readers, cold)
  const yamlDir = join(ctx.tmpDir, 'yaml-repos');
  const yamlFiles = layOutCorpus(ctx.corpusDir, yamlDir, ['compose', 'k8s']);
  const y = scanProcess(ctx, n24, yamlDir, join(ctx.tmpDir, 'yaml.json'));
  return [
    result(`static scan of the real corpus, whole CLI process (${files} files, ${r.checked} checked, one core; Node ${n24.version.slice(1)})`, r.wallMs, 'ms', '<= 1000'),
    result('  the same, CPU time', r.cpuMs, 'ms', 'report'),
    result('  the same, peak RSS', r.rss, 'MB', 'report'),
    result(`static scan of the real corpus's YAML (compose + Kubernetes), whole CLI process, cold (${yamlFiles} files, ${y.checked} checked, one core)`, y.wallMs, 'ms', '<= 1000'),
  ];
}
