/**
 * Differential test of our Kubernetes reading against kubectl's own (test/tools/kubectl-oracle:
 * apimachinery's YAMLOrJSONDecoder over sigs.k8s.io/yaml), replacing the old fast-parser test: for
 * every pod spec and container, the values the rules read (test/support/k8s-values.ts) must be the
 * same. Inputs: the real corpus, every Kubernetes file of the repository, the docs' examples and
 * the rule tables, every case of issue 17, and generated and mutated documents (>= 2,000 a run).
 * Where kubectl refuses a file, only the documents it read before are compared.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { checkKubernetes } from '../../src/core/yaml/k8s-engine.js';
import { classifyYaml } from '../../src/engine/yaml-engine.js';
import type { YDoc } from '../../src/core/yaml/ast.js';
import { corpusFiles, needCorpus } from '../support/corpus.js';
import { docExamples } from '../support/doc-examples.js';
import { documentValues, jsonReader, ydocReader } from '../support/k8s-values.js';
import { k8sStream, mutateManifest } from '../support/k8s-gen.js';
import { kubectlOracle, readWithKubectl } from '../support/kubectl-oracle.js';
import { ISSUE_17_CASES } from '../support/k8s-issue17.js';

const tables = vi.hoisted(() => [] as string[]);
vi.mock('../support/yaml-rule-table.js', () => ({
  yamlRuleTable: (_rule: unknown, t: { fires: { yaml: string }[]; passes: { yaml: string }[] }) => {
    for (const c of [...t.fires, ...t.passes]) tables.push(c.yaml);
  },
}));

const ROOT = join(import.meta.dirname, '..', '..');
const GENERATED = Number(process.env["MCG_K8S_GENERATED"] ?? 1600);
const MUTATED = Number(process.env["MCG_K8S_MUTATED"] ?? 600);

interface Case {
  source: string;
  text: string;
}

/** Our values, and whether we flagged a JSON stream that kubectl switches to YAML (where it may drop documents). */
function ourValues(text: string): { values: unknown[]; jsonSwitch: boolean } {
  let docs: YDoc[] = [];
  const r = checkKubernetes({ path: 'deploy/x.yaml', text, target: 't' }, (d) => {
    docs = d;
    return [];
  });
  const jsonSwitch = r.findings.some((f) => f.ruleId === 'MCG993' && /not valid JSON/.test(f.message));
  return { values: docs.flatMap((y) => documentValues(ydocReader(y), y.root)), jsonSwitch };
}

/** Where two JSON values first differ (a path and both values). */
function firstDiff(a: unknown, b: unknown, path = '$'): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return `${path}: ours ${JSON.stringify(a)}, kubectl ${JSON.stringify(b)}`;
}

/** Every difference between our reading and kubectl's over the cases, described. */
function differences(oracle: string, cases: readonly Case[]): string[] {
  const answers = readWithKubectl(oracle, cases.map((c) => c.text));
  const out: string[] = [];
  cases.forEach((c, i) => {
    const a = answers[i]!;
    const theirs = a.docs.flatMap((d) => documentValues(jsonReader, d));
    let ours: ReturnType<typeof ourValues>;
    try {
      ours = ourValues(c.text);
    } catch (e) {
      out.push(`${c.source}: our reading threw ${String(e)}`);
      return;
    }
    // where kubectl stopped (an error), or may have dropped documents after a JSON stream turned
    // YAML (which we flag with MCG993), only the documents it read are compared
    const compared = a.error !== undefined || ours.jsonSwitch ? ours.values.slice(0, theirs.length) : ours.values;
    try {
      expect(compared).toEqual(theirs);
    } catch {
      out.push(`${c.source}${a.error ? ` (kubectl stopped: ${a.error})` : ''}: ${firstDiff(compared, theirs) ?? 'equal?'}\n--- text\n${c.text.slice(0, 3000)}\n--- ours\n${JSON.stringify(compared).slice(0, 3000)}\n--- kubectl\n${JSON.stringify(theirs).slice(0, 3000)}`);
    }
  });
  return out;
}

function repositoryCases(): Case[] {
  const files = execFileSync('git', ['ls-files', '-z', '--', '*.yaml', '*.yml', '*.json'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter((f) => f !== '');
  const out: Case[] = [];
  for (const f of files) {
    const text = readFileSync(join(ROOT, f), 'utf8');
    if (classifyYaml(f, text) === 'k8s') out.push({ source: f, text });
  }
  for (const f of readdirSync(join(ROOT, 'docs', 'rules')).filter((n) => n.endsWith('.md'))) {
    const ex = docExamples(readFileSync(join(ROOT, 'docs', 'rules', f), 'utf8'));
    for (const e of [...ex.failing, ...ex.fixed]) if (e.lang === 'yaml' && /apiVersion/.test(e.body)) out.push({ source: `docs/rules/${f}`, text: e.body });
  }
  return out;
}

async function tableCases(): Promise<Case[]> {
  const dir = join(ROOT, 'test', 'unit', 'rules');
  for (const f of readdirSync(dir).filter((n) => /^MCG2\d\d\.test\.ts$/.test(n)).sort()) await import(join(dir, f));
  return tables.map((text, i) => ({ source: `rule table case ${i}`, text }));
}

const oracle = kubectlOracle();

describe.runIf(oracle !== undefined)('kubectl differential: the values the rules read are the values kubectl reads', () => {
  it('every case of issue 17', () => {
    expect(ISSUE_17_CASES.length).toBeGreaterThanOrEqual(10);
    expect(differences(oracle!, ISSUE_17_CASES)).toEqual([]);
  });

  it('documents nested 10,000 levels deep (built without recursion) read as kubectl reads them', () => {
    const flow = (n: number, body: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: deep\n  x: ${'{a: ['.repeat(n / 2)}1${']}'.repeat(n / 2)}\nspec:\n${body}`;
    let block = 'apiVersion: v1\nkind: Pod\nspec:\n  hostPID: on\n  containers:\n    - name: c\n      image: x\n      securityContext: {privileged: yes, runAsUser: 0777}\n  deep:\n';
    for (let i = 0; i < 9_996; i++) block += ' '.repeat(4 + i) + `k${i}:\n`;
    const cases = [
      { source: 'flow 10,000', text: flow(9_996, '  hostNetwork: y\n  containers:\n    - name: c\n      image: x\n      securityContext:\n        privileged: false\n        <<: {privileged: yes}\n        allowPrivilegeEscalation: on\n') },
      { source: 'flow 300, anchors and duplicates', text: `a: &s {privileged: on}\n---\n` + flow(300, '  containers:\n    - name: c\n      image: x\n      securityContext: {privileged: false, privileged: Y, "<<": {runAsUser: 0}}\n') },
      { source: 'block 10,000 to the end', text: block },
    ];
    // kubectl reads them all (so the comparison is not vacuous) ...
    expect(readWithKubectl(oracle!, cases.map((c) => c.text)).map((r) => [r.error, r.docs.length])).toEqual([[undefined, 1], [undefined, 2], [undefined, 1]]);
    // ... and so do we
    expect(differences(oracle!, cases)).toEqual([]);
  });

  it('every Kubernetes file of the repository, the docs examples and the MCG2xx rule tables', async () => {
    const cases = [...repositoryCases(), ...(await tableCases())];
    expect(cases.length).toBeGreaterThan(50);
    expect(differences(oracle!, cases)).toEqual([]);
  });

  it('the real corpus', (ctx) => {
    needCorpus(ctx, 'k8s');
    const files = corpusFiles('k8s');
    if (!files) throw new Error('unreachable: needCorpus returned without the corpus');
    const cases = files.map((f) => ({ source: f, text: readFileSync(f, 'utf8') }));
    expect(cases.length).toBeGreaterThan(0);
    expect(differences(oracle!, cases)).toEqual([]);
  });

  it(`${GENERATED} generated and ${MUTATED} mutated documents`, async () => {
    const seed = Number(process.env['MCG_FC_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
    const generated = fc.sample(k8sStream, { numRuns: GENERATED, seed }).map((text, i) => ({ source: `generated #${i} (seed ${seed})`, text }));
    const bases = [...repositoryCases(), ...(await tableCases()), ...(corpusFiles('k8s') ?? []).map((f) => ({ source: f, text: readFileSync(f, 'utf8') }))];
    const picks = fc.sample(fc.tuple(fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 3 })), { numRuns: MUTATED, seed });
    const mutated = picks.map(([b, ms], i) => {
      const base = bases[b % bases.length]!;
      return { source: `mutated #${i} of ${base.source} (seed ${seed})`, text: mutateManifest(base.text, ms) };
    });
    const cases = [...generated, ...mutated];
    expect(cases.length).toBeGreaterThanOrEqual(2000);
    const diffs = differences(oracle!, cases);
    expect(diffs.slice(0, 3), `${diffs.length} differences; rerun with MCG_FC_SEED=${seed}`).toEqual([]);
  });
});
