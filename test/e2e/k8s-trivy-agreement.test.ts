/**
 * Agreement with Trivy on the Kubernetes checks both tools have (DESIGN §10): real `trivy config`
 * over the real corpus manifests and our own agreement fixtures, compared file by file and rule by
 * rule. Every difference must be listed with its reason in test/corpus/k8s-trivy-differences.tsv;
 * an unexplained difference fails, and so does a listed difference that no longer occurs.
 * Trivy missing is a failure, never a skip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rigValue } from '../support/rig.js';
import { checkYamlFile } from '../../src/core/yaml-engine.js';

const root = join(import.meta.dirname, '..', '..');
const corpus = join(root, '..', 'shared', 'corpus', 'real-mcp', 'k8s');
const fixtures = join(root, 'test', 'fixtures', 'k8s-agreement');
const differencesFile = join(root, 'test', 'corpus', 'k8s-trivy-differences.tsv');

/** Trivy check → our rule (Trivy ids normalised to `KSV-0012` style; `KSV012` is accepted too). */
export const TRIVY_TO_MCG: Record<string, string> = {
  'KSV-0012': 'MCG201', // runAsNonRoot
  'KSV-0001': 'MCG202', // allowPrivilegeEscalation
  'KSV-0014': 'MCG203', // readOnlyRootFilesystem
  'KSV-0003': 'MCG204', // capabilities.drop ALL
  'KSV-0018': 'MCG206', // memory limit
  'KSV-0008': 'MCG209', // hostIPC
  'KSV-0009': 'MCG209', // hostNetwork
  'KSV-0010': 'MCG209', // hostPID
  'KSV-0017': 'MCG210', // privileged
  'KSV-0006': 'MCG208', // docker.sock hostPath
};
const COMPARED = new Set(Object.values(TRIVY_TO_MCG));

function normaliseId(id: string): string {
  const m = /^(?:AVD-)?KSV-?0*(\d+)$/.exec(id);
  return m ? `KSV-${m[1]!.padStart(4, '0')}` : id;
}

const dirs = [
  { label: 'corpus', dir: corpus },
  { label: 'fixtures', dir: fixtures },
];

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort();
}

interface TrivyResult {
  Target: string;
  Misconfigurations?: { ID: string; Status?: string }[] | null;
}

const cacheDir = mkdtempSync(join(tmpdir(), 'mcg-trivy-cache-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

function trivyHits(trivy: string, dir: string): Map<string, Set<string>> {
  const out = execFileSync(
    trivy,
    ['config', '--format', 'json', '--skip-check-update', '--skip-version-check', '--disable-telemetry', '--quiet', '--cache-dir', cacheDir, dir],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 },
  );
  const report = JSON.parse(out) as { Results?: TrivyResult[] };
  const hits = new Map<string, Set<string>>();
  for (const r of report.Results ?? []) {
    for (const m of r.Misconfigurations ?? []) {
      if (m.Status && m.Status !== 'FAIL') continue;
      const rule = TRIVY_TO_MCG[normaliseId(m.ID)];
      if (!rule) continue;
      const file = r.Target.split('/').pop()!;
      if (!hits.has(file)) hits.set(file, new Set());
      hits.get(file)!.add(rule);
    }
  }
  return hits;
}

function ourHits(dir: string): Map<string, Set<string>> {
  const hits = new Map<string, Set<string>>();
  for (const f of yamlFiles(dir)) {
    const res = checkYamlFile({ path: f, text: readFileSync(join(dir, f), 'utf8'), kind: 'k8s', target: f });
    const set = new Set(res.findings.map((x) => x.ruleId).filter((id) => COMPARED.has(id)));
    if (set.size > 0) hits.set(f, set);
  }
  return hits;
}

/** `file<TAB>rule<TAB>only-trivy|only-mcg<TAB>reason` rows, comments with #. */
function listedDifferences(): Map<string, string> {
  const listed = new Map<string, string>();
  for (const line of readFileSync(differencesFile, 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [file, rule, side, reason] = line.split('\t');
    expect(reason?.trim().length ?? 0, `a reason for ${line}`).toBeGreaterThan(10);
    listed.set(`${file}\t${rule}\t${side}`, reason!);
  }
  return listed;
}

describe('Kubernetes checks agree with trivy config', () => {
  it('runs against a real trivy', () => {
    const trivy = rigValue('MCG_TRIVY');
    expect(existsSync(trivy), `trivy binary at ${trivy}`).toBe(true);
    const version = execFileSync(trivy, ['--version'], { encoding: 'utf8' });
    expect(version).toMatch(/Version: \d+\.\d+/);
  });

  it('every difference on the rules both have is listed with its reason, and every listed one occurs', () => {
    const trivy = rigValue('MCG_TRIVY');
    if (!existsSync(corpus)) {
      console.warn(`\n!!! ${corpus} is absent: the Trivy agreement ran on the fixtures only !!!\n`);
      if (process.env['MCG_REQUIRE_CORPUS'] === '1') expect(existsSync(corpus), corpus).toBe(true);
    }
    const actual = new Set<string>();
    let compared = 0;
    let agreed = 0;
    // per rule: files where both fire, files where neither does
    const both = new Map<string, { fire: number; quiet: number }>([...COMPARED].map((r) => [r, { fire: 0, quiet: 0 }]));
    for (const { dir } of dirs) {
      if (!existsSync(dir)) continue;
      const theirs = trivyHits(trivy, dir);
      const ours = ourHits(dir);
      for (const f of yamlFiles(dir)) {
        for (const rule of COMPARED) {
          const t = theirs.get(f)?.has(rule) ?? false;
          const o = ours.get(f)?.has(rule) ?? false;
          compared++;
          if (t === o) {
            agreed++;
            both.get(rule)![t ? 'fire' : 'quiet']++;
          } else actual.add(`${f}\t${rule}\t${t ? 'only-trivy' : 'only-mcg'}`);
        }
      }
    }
    const listed = listedDifferences();
    const unexplained = [...actual].filter((d) => !listed.has(d)).sort();
    const stale = [...listed.keys()].filter((d) => !actual.has(d) && (existsSync(corpus) || !d.includes('__'))).sort();
    console.info(`k8s agreement with trivy: ${agreed}/${compared} file×rule pairs agree, ${actual.size} listed differences`);
    expect(unexplained, 'differences not in test/corpus/k8s-trivy-differences.tsv').toEqual([]);
    expect(stale, 'listed differences that no longer occur').toEqual([]);
    // The comparison must have teeth: every compared rule fires on some file for both tools and on
    // some file for neither (the fixtures alone see to that), and the corpus adds many more pairs.
    const toothless = [...both].filter(([, n]) => n.fire === 0 || n.quiet === 0).map(([r]) => r);
    expect(toothless, 'compared rules that no file exercises both ways').toEqual([]);
    if (existsSync(corpus)) expect(agreed).toBeGreaterThan(50);
  });

  it('the fixtures fire every compared rule in both tools', () => {
    const trivy = rigValue('MCG_TRIVY');
    const theirs = trivyHits(trivy, fixtures);
    const ours = ourHits(fixtures);
    const all = (m: Map<string, Set<string>>) => new Set([...m.values()].flatMap((s) => [...s]));
    expect([...all(theirs)].sort()).toEqual([...COMPARED].sort());
    expect([...all(ours)].sort()).toEqual([...COMPARED].sort());
  });
});
