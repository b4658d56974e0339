/**
 * Hostile YAML: every case ends in bounded time and memory with a clear MCG991 finding at
 * file:line (or clean findings), never a crash; documents after a broken one are still checked.
 */
import { describe, expect, it } from 'vitest';
import { checkYamlFile, classifyYaml, MAX_YAML_BYTES, type YamlInput } from '../../src/engine/yaml-engine.js';
import type { Finding } from '../../src/core/types.js';

// generous: a guard against exponential blow-ups (alias bombs, quadratic key checks), not a speed
// measurement — the suite shares two cores with Docker builds
const TIME_MS = 15_000;
const HEAP_MB = 200;

function bounded(input: YamlInput): { findings: Finding[]; fatal: boolean; notKubernetes?: boolean; ms: number; heapMb: number } {
  globalThis.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const res = checkYamlFile(input);
  const ms = performance.now() - t0;
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1048576;
  expect(ms, `${input.path} took ${ms.toFixed(0)} ms`).toBeLessThan(TIME_MS);
  expect(heapMb, `${input.path} grew the heap by ${heapMb.toFixed(0)} MB`).toBeLessThan(HEAP_MB);
  const lines = input.text.split('\n').length;
  for (const f of res.findings) {
    expect(f.location.startLine).toBeGreaterThanOrEqual(1);
    expect(f.location.startLine).toBeLessThanOrEqual(lines);
  }
  return { ...res, ms, heapMb };
}

const errors = (fs: Finding[]) => fs.filter((f) => f.ruleId === 'MCG991');
const k8s = (text: string, path = 'deploy/x.yaml'): YamlInput => ({ path, text, kind: 'k8s', target: 't' });
const compose = (text: string, path = 'compose.yaml'): YamlInput => ({ path, text, kind: 'compose', target: 't' });

const privilegedPod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: c:1\n      securityContext:\n        privileged: true\n';

describe('hostile YAML', () => {
  it('invalid YAML: an error at its line, and the next document is still checked', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: [unclosed\n---\n' + privilegedPod;
    const r = bounded(k8s(text));
    const e = errors(r.findings);
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toMatch(/^deploy\/x\.yaml:\d+: invalid YAML in document 1/);
    expect(e[0]!.location.startLine).toBeLessThanOrEqual(4);
    expect(r.findings.some((f) => f.ruleId === 'MCG210' && f.location.startLine === 14)).toBe(true);
    expect(r.fatal).toBe(false);
  });

  it('duplicate keys: reported at the second key, the document is skipped, others checked', () => {
    const text = 'services:\n  a:\n    image: a:1\n    privileged: false\n    privileged: true\n';
    const r = bounded(compose(text));
    expect(errors(r.findings).map((f) => [f.location.startLine, f.message])).toEqual([[5, 'compose.yaml:5: duplicate key "privileged" in the document (tools disagree on which value wins); the document was not checked']]);
    // compose-go refuses a file with a duplicate key: MCG994 says so at the repeated key
    expect(r.findings.filter((f) => f.ruleId !== 'MCG991').map((f) => `${f.ruleId}:${f.location.startLine}`)).toEqual(['MCG994:5']);
    expect(r.fatal).toBe(true);
  });

  it.each([
    ['compose file', 'compose' as const],
    ['Kubernetes manifest', 'k8s' as const],
  ])('a %s above the 64 MiB limit fails (MCG991) naming the limit and how to split it', (_n, kind) => {
    const text = 'a: ' + 'x'.repeat(MAX_YAML_BYTES) + '\n';
    const r = bounded(kind === 'k8s' ? k8s(text) : compose(text));
    expect(MAX_YAML_BYTES).toBe(64 * 1024 * 1024);
    expect(errors(r.findings).map((f) => f.message)).toEqual([expect.stringMatching(/:1: file is 65 MiB, above the 64 MiB limit .*split it into several files/)]);
    expect(r.fatal).toBe(true);
  });

  it('a 600 KB Kubernetes stream (far more than 256 KiB of workloads): every document is checked', () => {
    let text = '';
    let n = 0;
    for (; text.length < 600 * 1024; n++) text += privilegedPod + '---\n';
    const r = bounded(k8s(text));
    expect(errors(r.findings)).toEqual([]);
    expect(r.findings.filter((f) => f.ruleId === 'MCG210').length).toBe(n);
    expect(r.fatal).toBe(false);
  });

  it('a 1 MB stream of CRDs with one Deployment at the end: the Deployment is checked', () => {
    const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: x.example.com\nspec:\n  group: example.com\n  versions:\n    - name: v1\n      schema:\n        openAPIV3Schema:\n          type: object\n          description: "' + 'x'.repeat(2000) + '"\n';
    let text = '';
    while (text.length < 1024 * 1024) text += crd + '---\n';
    const before = text.split('\n').length - 1;
    text += privilegedPod;
    const r = bounded(k8s(text));
    expect(errors(r.findings)).toEqual([]);
    expect(r.findings.filter((f) => f.ruleId === 'MCG210').map((f) => f.location.startLine)).toEqual([before + 10]);
  });

  it('a wide flat map (many keys, 512 KiB) stays linear', () => {
    let text = 'services:\n  a:\n    image: a:1\n    environment:\n';
    for (let i = 0; text.length < 512 * 1024; i++) text += `      VAR_${i}: v\n`;
    const r = bounded(compose(text));
    expect(errors(r.findings)).toEqual([]);
  });

  it('an alias bomb ("billion laughs") is not expanded', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghij';
    for (let i = 1; i < names.length; i++) {
      const p = names[i - 1];
      levels.push(`${names[i]}: &${names[i]} [*${p},*${p},*${p},*${p},*${p},*${p},*${p},*${p},*${p}]`);
    }
    const text = levels.join('\n') + '\nservices:\n  x:\n    image: x:1\n    cap_add: *j\n    environment: *j\n    volumes: *j\n';
    const r = bounded(compose(text));
    // The service is still checked: its name line carries the absent-key findings.
    expect(r.findings.some((f) => f.ruleId === 'MCG103' && f.location.startLine === 12)).toBe(true);
  });

  it('a merge-key bomb is bounded', () => {
    const lines = ['x0: &x0 {k: v}'];
    for (let i = 1; i < 40; i++) lines.push(`x${i}: &x${i}\n  <<: [*x${i - 1}, *x${i - 1}, *x${i - 1}, *x${i - 1}]\n  k${i}: v`);
    const text = lines.join('\n') + '\nservices:\n  s:\n    <<: *x39\n    image: s:1\n';
    const r = bounded(compose(text));
    expect(r.findings.some((f) => f.ruleId === 'MCG103')).toBe(true);
  });

  it('deep nesting: flow and block', () => {
    const flow = 'services:\n  a:\n    image: a:1\n    labels: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n';
    const r1 = bounded(compose(flow));
    expect(r1.findings.length).toBeGreaterThan(0);
    let block = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n';
    for (let i = 0; i < 3000; i++) block += ' '.repeat(2 + i) + `k${i}:\n`;
    const r2 = bounded(k8s(block));
    expect(r2.findings).toEqual([]);
    const seqs = 'services:\n  a:\n    volumes:\n' + '- '.repeat(50000) + 'x\n';
    const r3 = bounded(compose(seqs));
    expect(r3.findings.length).toBeGreaterThan(0);
  });

  it('10,000 levels of flow nesting are read as kubectl reads them (no recursion), and the pod is checked', () => {
    const deep = (n: number) => 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: c\n  x: ' + '{a: ['.repeat(n / 2) + '1' + ']}'.repeat(n / 2) + '\nspec:\n  containers:\n    - name: c\n      image: x\n      securityContext: {privileged: yes}\n';
    const r = bounded(k8s(deep(10_000)));
    expect(errors(r.findings)).toEqual([]);
    expect(r.findings.filter((f) => f.ruleId === 'MCG210' || f.ruleId === 'MCG993').map((f) => `${f.ruleId}:${f.location.startLine}`).sort()).toEqual(['MCG210:10', 'MCG993:10']);
    // beyond the limit: a failing MCG991 naming the file, the limit and how to split
    const over = bounded(k8s(deep(10_002)));
    expect(errors(over.findings).map((f) => f.message)).toEqual([expect.stringMatching(/^deploy\/x\.yaml:\d+: .*nesting deeper than 10,000 flow levels.*split the nested part/)]);
    expect(over.fatal).toBe(true);
  });

  it('10,000 levels of block nesting are read, also with a dedent of thousands of levels after them (no recursion), for kubectl and compose', () => {
    let block = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n';
    for (let i = 0; i < 9_998; i++) block += ' '.repeat(2 + i) + `k${i}:\n`;
    expect(bounded(k8s(block)).findings).toEqual([]);
    const dedent = (n: number) => 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: c\n  x:\n  ' + '- '.repeat(n) + 'x\nspec:\n  hostPID: true\n  containers:\n    - name: c\n      image: x\n';
    const r = bounded(k8s(dedent(9_997)));
    expect(errors(r.findings)).toEqual([]);
    expect(r.findings.map((f) => `${f.ruleId}:${f.location.startLine}`)).toContain('MCG209:8');
    // the same sequence not indented under its key is invalid YAML at any depth (kubectl: "did not find expected key")
    const broken = bounded(k8s(dedent(9_000).replace('  x:\n  - ', '  x:\n- ')));
    expect(errors(broken.findings).map((f) => f.message)).toEqual([expect.stringMatching(/^deploy\/x\.yaml:6: .*block sequence may not be used as an implicit map key/)]);
    let nested = 'services:\n  a:\n    image: a:1\n    x-deep:\n';
    for (let i = 0; i < 9_996; i++) nested += ' '.repeat(6 + i) + `k${i}:\n`;
    nested += '    privileged: true\n';
    const c = bounded(compose(nested));
    expect(errors(c.findings)).toEqual([]);
    expect(c.findings.map((f) => `${f.ruleId}:${f.location.startLine}`)).toContain(`MCG101:${9_996 + 5}`);
    // beyond the limit: a failing MCG991 naming the file, the limit and how to split, for both readers
    const composeOver = 'services:\n  a:\n    image: a:1\n    x-deep:\n      ' + '- '.repeat(10_001) + 'x\n    privileged: true\n';
    for (const over of [bounded(k8s(dedent(10_001))), bounded(compose(composeOver))]) {
      expect(errors(over.findings).map((f) => f.message)).toEqual([expect.stringMatching(/^(deploy\/x|compose)\.yaml:\d+: .*nesting deeper than 10,000 block levels.*split the nested part/)]);
      expect(over.fatal).toBe(true);
    }
  });

  it('U+FFFD from undecodable bytes is reported at its line, the rest still checked', () => {
    const text = 'services:\n  a:\n    image: a:1\n    labels:\n      note: "caf\uFFFD"\n    privileged: true\n';
    const r = bounded(compose(text));
    const e = errors(r.findings);
    expect(e.map((f) => f.location.startLine)).toEqual([5]);
    expect(e[0]!.message).toContain('not valid UTF-8');
    expect(r.findings.some((f) => f.ruleId === 'MCG101' && f.location.startLine === 6)).toBe(true);
  });

  it('NUL bytes: binary, refused', () => {
    const r = bounded(compose('services:\n  a:\u0000\u0001\u0002\n'));
    expect(errors(r.findings)[0]!.message).toMatch(/compose\.yaml:2: .*binary/);
  });

  it('top level that is a list of objects: a clear message with file:line', () => {
    const r = bounded(k8s('- apiVersion: v1\n  kind: Pod\n'));
    const e = errors(r.findings);
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toMatch(/^deploy\/x\.yaml:1: /);
    expect(e[0]!.message).toMatch(/document is a list/);
    expect(e[0]!.message).toContain('must be a mapping');
  });

  it.each([
    ['a scalar', 'just a string\n'],
    ['a number', '42\n'],
  ])('top level that is %s: no Kubernetes object, so not applicable (no finding)', (_n, text) => {
    const r = bounded(k8s(text));
    expect(r.findings).toEqual([]);
    expect(r.notKubernetes).toBe(true);
  });

  it('a list document among good ones: the good ones are still checked', () => {
    const text = privilegedPod + '---\n- a\n- b\n---\n' + privilegedPod;
    const r = bounded(k8s(text));
    expect(errors(r.findings).map((f) => f.location.startLine)).toEqual([12]);
    expect(r.findings.filter((f) => f.ruleId === 'MCG210').map((f) => f.location.startLine)).toEqual([10, 24]);
  });

  it('empty files, comment-only files and trailing document markers are fine', () => {
    for (const text of ['', '# nothing\n', '---\n', privilegedPod + '---\n']) {
      const r = bounded(k8s(text));
      expect(errors(r.findings)).toEqual([]);
    }
  });

  it('unresolved aliases and odd keys do not crash', () => {
    const text = 'services:\n  a:\n    cap_add: *nowhere\n    ? [complex, key]\n    : 1\n    1: numeric\n    null: x\n';
    const r = bounded(compose(text));
    expect(r.findings.length).toBeGreaterThan(0);
  });

  it('a Helm template is one only in a chart (Chart.yaml beside templates/); elsewhere {{ is text, read as kubectl reads it', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "x.fullname" . }}\nspec:\n  {{- if .Values.replicas }}\n  replicas: {{ .Values.replicas }}\n  {{- end }}\n';
    expect(classifyYaml('chart/templates/deployment.yaml', text, { chartTemplate: true })).toBe('helm-template');
    expect(classifyYaml('chart/templates/deployment.yaml', text)).toBe('k8s');
    // outside a chart it is invalid YAML for kubectl too: a failing MCG991 at the line, never a silent skip
    const r = bounded(k8s(text, 'deploy/deployment.yaml'));
    expect(errors(r.findings).map((f) => f.message)).toEqual([expect.stringMatching(/^deploy\/deployment\.yaml:\d+: invalid YAML/)]);
    expect(r.fatal).toBe(true);
    const plain = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    note: "{{ if .x }}y{{ end }}"\nspec:\n  containers:\n    - name: c\n      image: c:1\n      securityContext: {privileged: true}\n';
    expect(classifyYaml('deploy/pod.yaml', plain)).toBe('k8s');
    expect(bounded(k8s(plain)).findings.some((f) => f.ruleId === 'MCG210' && f.location.startLine === 11)).toBe(true);
  });
});

describe('classifyYaml', () => {
  it.each([
    ['compose.yaml', 'services:\n  a: {}\n', 'compose'],
    ['deploy/docker-compose.prod.yml', 'version: "3"\nservices:\n  a: {}\n', 'compose'],
    ['dev.compose.yaml', 'services:\n  a: {}\n', 'compose'],
    ['compose.yaml', 'name: x\n', undefined],
    ['k8s/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\n', 'k8s'],
    ['list.yml', '---\napiVersion: v1\nkind: List\nitems: []\n', 'k8s'],
    ['.github/workflows/ci.yml', 'on: push\njobs: {}\n', 'workflow'],
    ['.github/dependabot.yml', 'version: 2\n', undefined],
    ['.github/k8s.yaml', 'apiVersion: v1\nkind: Pod\n', undefined],
    ['config.yaml', 'apiVersion: 1\n', undefined],
    ['README.md', 'services:\n', undefined],
    ['compose.yaml', "services:\n  a:\n    healthcheck:\n      test: docker ps --format '{{.Names}}'\n", 'compose'],
    ['.github/workflows/ci.yml', 'jobs:\n  a:\n    steps:\n      - run: echo ${{ github.sha }}\n', 'workflow'],
  ])('%s → %s', (path, text, kind) => {
    expect(classifyYaml(path, text)).toBe(kind);
  });
});
