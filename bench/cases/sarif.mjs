// Merge + fingerprint + SARIF of 25,000 synthetic findings (GitHub's per-run result limit), in a child process that imports the
// engine (a small entry bundled with esbuild into the temp dir at bench time): time of the work
// itself, whole-process wall time and peak RSS, and whether the log stays within GitHub's limits.
// The work is what production does (src/sarif/to-sarif.ts writeSarifFd: the log streamed to a
// file, compact, as `JSON.stringify(log)` would write it). The log is checked here, in the bench
// process, after the child exits: parsing and gzipping it are not part of the work measured.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { build } from 'esbuild';
import { measure, repeat, result } from '../lib.mjs';

export const FINDINGS = 25_000;

const entry = (repoRoot) => `
import { mergeFindings } from ${JSON.stringify(join(repoRoot, 'src/core/merge.ts'))};
import { withRuleTable } from ${JSON.stringify(join(repoRoot, 'src/engine/rule-table.ts'))};
import { closeSync, openSync } from 'node:fs';
import { writeSarifFd } from ${JSON.stringify(join(repoRoot, 'src/sarif/to-sarif.ts'))};
import * as L from ${JSON.stringify(join(repoRoot, 'src/sarif/limits.ts'))};

const n = Number(process.argv[2]);
const out = process.argv[3];
const SEV = ['critical', 'high', 'medium', 'low', 'info'];
const MCG = ['MCG001', 'MCG002', 'MCG003', 'MCG004', 'MCG005', 'MCG006', 'MCG007', 'MCG008', 'MCG009', 'MCG011', 'MCG013', 'MCG101', 'MCG201'];
const targets = ['services/api/Dockerfile', 'services/worker/Dockerfile', 'tools/mcp/Dockerfile', 'Dockerfile'];
// every target's Dockerfile: 400 lines, some with inline suppressions
const fileLines = new Map();
for (const t of targets) {
  const lines = [];
  for (let i = 1; i <= 400; i++) lines.push(i % 50 === 0 ? '# mcg-ignore MCG007 apt recommends are needed here' : i % 3 === 0 ? 'RUN apt-get install -y curl' : 'COPY . /app');
  fileLines.set(t, lines);
}
// a deterministic generator (no Math.random: the same log every run)
let s = 12345;
const rnd = (m) => ((s = (s * 1103515245 + 12345) & 0x7fffffff) % m);
const findings = [];
for (let i = 0; i < n; i++) {
  const target = targets[i % targets.length];
  const kind = i % 10;
  const line = 1 + rnd(400);
  if (kind < 2) {
    const ruleId = MCG[rnd(MCG.length)];
    findings.push({ ruleId, source: 'mcg', severity: SEV[rnd(5)], message: 'Synthetic rule finding number ' + i + ' with some explanatory text.', location: { path: target, startLine: line }, fingerprint: '', fingerprintKey: 'stage0|RUN apt-get install -y pkg' + (i % 997), target, fix: 'Do the fix.' });
  } else if (kind < 9) {
    const cve = 'CVE-20' + (10 + rnd(15)) + '-' + (1000 + rnd(90000));
    const pkg = 'pkg' + rnd(3000);
    findings.push({ ruleId: cve, source: 'trivy', severity: SEV[rnd(4)], cvss: rnd(100) / 10, message: pkg + ' 1.2.' + rnd(9) + ' is affected by ' + cve + ' (fixed in 1.3.0): a synthetic description of the vulnerability.', location: { path: target, startLine: line, evidence: 'layer sha256:' + String(rnd(1e9)).padStart(64, '0') }, fingerprint: '', fingerprintKey: cve + '|' + pkg + '|debian|' + i, target, rule: { title: cve + ': synthetic', description: 'Synthetic advisory text for ' + cve, helpUri: 'https://avd.aquasec.com/nvd/' + cve.toLowerCase(), tags: ['vulnerability'] } });
  } else {
    const det = ['AWS', 'Github', 'Slack', 'Stripe', 'PrivateKey'][rnd(5)];
    findings.push({ ruleId: 'trufflehog/' + det, source: 'trufflehog', severity: rnd(2) ? 'critical' : 'high', message: det + ' secret found in /app/config/file' + i + '.env (unverified)', location: { path: target, startLine: line, evidence: '/app/config/file' + i + '.env' }, fingerprint: '', fingerprintKey: det + '|' + (i * 2654435761 % 2 ** 32).toString(16).padStart(16, '0') + '|/app/config/file' + i, target, rule: { title: det + ' secret' } });
  }
}
const c0 = process.cpuUsage();
const t0 = performance.now();
// the report as the engine leaves it: with the rule table the SARIF writer reads its descriptors from
const report = withRuleTable(mergeFindings({ root: '/repo', startedAt: new Date(0), now: new Date('2026-01-01T00:00:00Z'), policy: { threshold: 'high', failOn: 'new' }, findings, targets: targets.map((t) => ({ name: t, dockerfile: t, context: '.', image: 'mcg-local/x:scan' })), scanners: [{ name: 'mcg', status: 'ran' }, { name: 'trivy', status: 'ran', version: '0.74.0' }, { name: 'trufflehog', status: 'ran', version: '3.97.0' }], fileLines, ignores: [{ id: 'CVE-2015-*', reason: 'synthetic', where: '.mcg.yml:3', file: '.mcg.yml', line: 3 }] }));
const t1 = performance.now();
const c1 = process.cpuUsage(c0);
const fd = openSync(out, 'w');
const stats = writeSarifFd(fd, report);
closeSync(fd);
const t2 = performance.now();
const cpu = process.cpuUsage(c0);
process.stdout.write(JSON.stringify({ findings: report.findings.length, mergeMs: t1 - t0, sarifMs: t2 - t1, totalMs: t2 - t0, cpuMs: (cpu.user + cpu.system) / 1000, mergeCpuMs: (c1.user + c1.system) / 1000, jsonBytes: stats.bytes, gzipEstimate: stats.gzipEstimate ?? null, limits: { ...L } }));
`;

/** Writes and bundles the bench entry into dir; returns the bundle (`node <bundle> <n> <out.sarif>`). */
export async function bundleSarifBench(repoRoot, dir) {
  const src = join(dir, 'sarif-bench-entry.mjs');
  const bundle = join(dir, 'sarif-bench.mjs');
  writeFileSync(src, entry(repoRoot));
  await build({
    entryPoints: [src],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    nodePaths: [join(repoRoot, 'node_modules')],
    banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
  });
  return bundle;
}

/** Checks a written log against GitHub's limits (independently of the writer's own figures). */
export function checkLog(text, L) {
  const log = JSON.parse(text);
  // what the upload sends: the file's bytes, gzipped once (src/sarif/upload.ts uses level 9)
  const gz = gzipSync(Buffer.from(text, 'utf8'), { level: 9 }).length;
  let maxResults = 0, maxRules = 0, maxLocations = 0, maxTags = 0, results = 0;
  const categories = new Set();
  for (const r of log.runs) {
    maxResults = Math.max(maxResults, r.results.length);
    results += r.results.length;
    maxRules = Math.max(maxRules, r.tool.driver.rules.length);
    for (const x of r.results) maxLocations = Math.max(maxLocations, x.locations.length);
    for (const ru of r.tool.driver.rules) maxTags = Math.max(maxTags, (ru.properties?.tags ?? []).length);
    categories.add(r.tool.driver.name + '|' + r.automationDetails.id);
  }
  const within = gz <= L.MAX_GZIP_BYTES && log.runs.length <= L.MAX_RUNS && maxResults <= L.MAX_RESULTS_PER_RUN && maxRules <= L.MAX_RULES_PER_RUN && maxLocations <= L.MAX_LOCATIONS_PER_RESULT && maxTags <= 20 && categories.size === log.runs.length;
  return { gzipBytes: gz, runs: log.runs.length, results, maxResults, maxRules, maxLocations, maxTags, within };
}

export async function run(ctx) {
  const bundle = await bundleSarifBench(ctx.repoRoot, ctx.tmpDir);
  const out = join(ctx.tmpDir, 'out.sarif');
  let last;
  const r = repeat(ctx.runs, (i) => {
    const m = measure(process.execPath, [bundle, String(FINDINGS), out]);
    if (m.status !== 0) throw new Error(`sarif bench failed (${m.status}): ${m.stderr.slice(-2000)}`);
    last = JSON.parse(m.stdout);
    if (last.findings < FINDINGS * 0.99) throw new Error(`only ${last.findings} findings survived the merge`);
    if (i === ctx.runs - 1) last = { ...last, ...checkLog(readFileSync(out, 'utf8'), last.limits) };
    return { workMs: last.totalMs, workCpuMs: last.cpuMs, mergeCpuMs: last.mergeCpuMs, mergeMs: last.mergeMs, sarifMs: last.sarifMs, wallMs: m.ms, rss: m.maxRssMb };
  });
  return [
    result(`merge + fingerprint + SARIF (build, size check, serialise, write) of ${FINDINGS} findings, wall`, r.workMs, 'ms', '<= 1000'),
    result('  the same, CPU time (steadier on a busy machine)', r.workCpuMs, 'ms', 'report'),
    result('  of which merge (dedupe, suppress, fingerprint, policy)', r.mergeMs, 'ms', 'report'),
    result('  of which merge, CPU time', r.mergeCpuMs, 'ms', 'report'),
    result('  of which SARIF build + size check + serialise + write', r.sarifMs, 'ms', 'report'),
    result('SARIF bench whole process (generation included), wall', r.wallMs, 'ms', 'report'),
    result('SARIF bench peak RSS (generation included)', r.rss, 'MB', '<= 300'),
    result(`SARIF gzipped size (${last.runs} runs, ${last.results} results kept, largest run ${last.maxResults})`, last.gzipBytes / 1e6, 'MB', '<= 10'),
    result('SARIF within GitHub limits (runs, results/run, rules/run, locations, tags, size, distinct categories)', last.within ? 1 : 0, 'bool', '1'),
  ];
}
