/**
 * Inputs large enough to break any `xs.push(...ys)` / `Math.max(...xs)` on the way: a spread
 * argument puts every element on the call stack and throws a RangeError near 100,000 elements.
 * Such a file must be scanned like any other (every finding reported, the other files' findings
 * kept, the SARIF written), never end the scan with an internal error. The lint forbids the
 * construct (eslint.config.mjs `spreadBans`); these tests hold the behaviour end to end through the
 * library's `scan` and `toSarif`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan, toSarif } from '../../src/lib.js';
import type { Report } from '../../src/core/types.js';

const work = mkdtempSync(join(tmpdir(), 'mcg-large-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function repo(name: string, files: Record<string, string>): string {
  const root = join(work, name);
  mkdirSync(root, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  return root;
}

const count = (r: Report, ruleId: string, path: string): number =>
  r.findings.filter((f) => f.ruleId === ruleId && f.location.path === path).length;

/** The small file beside the large one: its finding must survive whatever the large one does. */
const SMALL_DOCKERFILE = 'FROM node:20\nCMD ["node", "server.js"]\n';

function expectScanned(report: Report): void {
  const internal = report.findings.filter((f) => /^MCG99\d$/.test(f.ruleId) && f.ruleId !== 'MCG994');
  expect(internal.map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
  expect(count(report, 'MCG001', 'small/Dockerfile')).toBe(1);
  const sarif = toSarif(report);
  expect(sarif.runs.length).toBeGreaterThan(0);
}

describe('inputs past the call-stack limit of a spread argument', () => {
  it('a pod with 20,000 privileged containers: one finding per container, the other files kept', async () => {
    const n = 20_000;
    const containers = Array.from({ length: n }, (_, i) => `    - name: c${i}\n      image: ghcr.io/acme/mcp:1.0.0\n      securityContext:\n        privileged: true\n`);
    const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n${containers.join('')}`;
    mkdirSync(join(work, 'pod', 'small'), { recursive: true });
    const root = repo('pod', { 'pod.yaml': pod, 'small/Dockerfile': SMALL_DOCKERFILE });
    const report = await scan({ root });
    expect(count(report, 'MCG210', 'pod.yaml')).toBe(n);
    expectScanned(report);
  });

  it('a 4 MiB Dockerfile of 200,000 `ADD http://…` instructions: one finding per line, the other files kept', async () => {
    const n = 200_000;
    const lines = Array.from({ length: n }, (_, i) => `ADD http://x/${i} /`);
    const dockerfile = `FROM node:20\nUSER node\n${lines.join('\n')}\nCMD ["node", "server.js"]\n`;
    mkdirSync(join(work, 'add', 'small'), { recursive: true });
    const root = repo('add', { Dockerfile: dockerfile, 'small/Dockerfile': SMALL_DOCKERFILE });
    const report = await scan({ root });
    expect(count(report, 'MCG011', 'Dockerfile')).toBe(n);
    expectScanned(report);
  });
});
