// Growth of the YAML readers (issue 17): the CLI's CPU time for a file of 2N documents over N
// documents, and for 2N nesting levels over N (each should stay <= 2.5, i.e. linear). Documents are
// Kubernetes Deployments (each read, classified and checked); nesting is a block mapping as deep as
// the readers accept in block style, then flow collections (the limit is 10,000 levels).
// `MCG_BENCH_CLI` points at another bundle; dist/cli.js otherwise.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure, repeat, result } from '../lib.mjs';

/** n Deployment documents in one stream, each with one container. */
export function manyDocuments(n) {
  const docs = [];
  for (let i = 0; i < n; i++) {
    docs.push(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        `metadata: { name: mcp-${i} }`,
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        `        - name: mcp-${i}`,
        '          image: ghcr.io/acme/mcp:1.0.0',
        '          securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true }',
      ].join('\n'),
    );
  }
  return `${docs.join('\n---\n')}\n`;
}

/** A Pod whose annotations value nests n levels: block mappings to 400, flow lists beyond. */
export function deepNesting(n) {
  const block = Math.min(n, 400);
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: deep', '  labels:'];
  let indent = '    ';
  for (let i = 0; i < block; i++) {
    lines.push(`${indent}k${i}:`);
    indent += '  ';
  }
  const flow = n - block;
  lines.push(`${indent}${'['.repeat(flow)}x${']'.repeat(flow)}`);
  lines.push('spec:', '  containers:', '    - name: app', '      image: ghcr.io/acme/mcp:1.0.0', '');
  return lines.join('\n');
}

function scanCpu(ctx, cli, name, text) {
  const dir = join(ctx.tmpDir, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.yaml'), text);
  const out = join(ctx.tmpDir, `${name}.json`);
  return repeat(ctx.runs, () => {
    const m = measure('taskset', ['-c', '0', process.execPath, cli, 'scan', dir, '--root', dir, '--no-build', '--fail-on', 'never', '--format', 'json', '--output', out]);
    if (m.status !== 0) throw new Error(`mcg scan of ${name} failed (${m.status}): ${m.stderr.slice(-1000)}`);
    return { cpuMs: m.cpuMs, maxRssMb: m.maxRssMb };
  });
}

export async function run(ctx) {
  const cli = ctx.env.MCG_BENCH_CLI ?? join(ctx.repoRoot, 'dist', 'cli.js');
  const out = [];
  for (const [label, gen, n] of [
    ['documents', manyDocuments, 2000],
    ['nesting levels', deepNesting, 4000],
  ]) {
    const one = scanCpu(ctx, cli, `${label.replace(/\W/g, '')}-n`, gen(n));
    const two = scanCpu(ctx, cli, `${label.replace(/\W/g, '')}-2n`, gen(2 * n));
    out.push(result(`growth: 2N ${label} / N ${label} (N=${n}), CLI CPU time`, two.cpuMs, 'ms', 'ratio <= 2.5', `N ${label}`, one.cpuMs));
  }
  return out;
}
