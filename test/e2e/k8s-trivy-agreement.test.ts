/**
 * Agreement with Trivy on the Kubernetes checks both tools have (DESIGN §10): real `trivy config`
 * over the real corpus manifests and our own agreement fixtures, compared file by file and rule by
 * rule. Every difference must be listed with its reason in test/corpus/k8s-trivy-differences.tsv;
 * an unexplained difference fails, and so does a listed difference that no longer occurs.
 * Trivy missing is a failure, never a skip; the corpus part is skipped with the reason when
 * ../shared is absent (a failure under CI=true / MCG_REQUIRE_CORPUS=1).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rigValue } from '../support/rig.js';
import { CORPUS_DIR, needCorpus } from '../support/corpus.js';
import { checkYamlFile } from '../../src/engine/yaml-engine.js';

const root = join(import.meta.dirname, '..', '..');
const corpus = join(CORPUS_DIR, 'k8s');
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

/** Corpus files carry the flattened repository path (`owner__repo__path`); the fixtures do not. */
const isCorpusFile = (difference: string): boolean => difference.includes('__');

interface Agreement {
  /** The differences, `file<TAB>rule<TAB>only-trivy|only-mcg`. */
  actual: Set<string>;
  agreed: number;
  /** Per rule: files where both fire, files where neither does. */
  both: Map<string, { fire: number; quiet: number }>;
}

function agreement(trivy: string, dir: string): Agreement {
  const actual = new Set<string>();
  let compared = 0;
  let agreed = 0;
  const both = new Map<string, { fire: number; quiet: number }>([...COMPARED].map((r) => [r, { fire: 0, quiet: 0 }]));
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
  console.info(`k8s agreement with trivy on ${dir}: ${agreed}/${compared} file×rule pairs agree, ${actual.size} differences`);
  return { actual, agreed, both };
}

/** The differences found are exactly the listed ones of that set of files. */
function expectListed(actual: Set<string>, mine: (difference: string) => boolean): void {
  const listed = [...listedDifferences().keys()].filter(mine);
  const unexplained = [...actual].filter((d) => !listed.includes(d)).sort();
  const stale = listed.filter((d) => !actual.has(d)).sort();
  expect(unexplained, 'differences not in test/corpus/k8s-trivy-differences.tsv').toEqual([]);
  expect(stale, 'listed differences that no longer occur').toEqual([]);
}

describe('Kubernetes checks agree with trivy config', () => {
  it('runs against a real trivy', () => {
    const trivy = rigValue('MCG_TRIVY');
    expect(existsSync(trivy), `trivy binary at ${trivy}`).toBe(true);
    const version = execFileSync(trivy, ['--version'], { encoding: 'utf8' });
    expect(version).toMatch(/Version: \d+\.\d+/);
  });

  it('on the fixtures: every difference is listed with its reason, every listed one occurs, every compared rule is exercised both ways', () => {
    const r = agreement(rigValue('MCG_TRIVY'), fixtures);
    expectListed(r.actual, (d) => !isCorpusFile(d));
    // The comparison must have teeth: every compared rule fires on some file for both tools and on
    // some file for neither (the fixtures alone see to that).
    const toothless = [...r.both].filter(([, n]) => n.fire === 0 || n.quiet === 0).map(([rule]) => rule);
    expect(toothless, 'compared rules that no file exercises both ways').toEqual([]);
  });

  it('on the real corpus: every difference is listed with its reason and every listed one occurs', (ctx) => {
    needCorpus(ctx, 'k8s');
    const r = agreement(rigValue('MCG_TRIVY'), corpus);
    expectListed(r.actual, isCorpusFile);
    // the corpus adds many file×rule pairs on which both tools agree
    expect(r.agreed).toBeGreaterThan(50);
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
