// The coverage ledger for YAML and JSON (issue 17 items 3 and 5): every file found is listed; a
// Helm chart's templates are not checked, with the documented way to check them; `{{` outside a
// chart is text; JSON manifests are read; a file with no Kubernetes object is not applicable.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../../src/engine/scan.js';
import { checkYamlFile, classifyYaml } from '../../../src/engine/yaml-engine.js';

const root = mkdtempSync(join(tmpdir(), 'mcg-yaml-coverage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const files: Record<string, string> = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: x\nversion: 1.0.0\n',
  'chart/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "x.fullname" . }}\n',
  'deploy/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    note: "{{ if .x }}y{{ end }}"\nspec:\n  containers:\n    - name: c\n      image: c:1\n      securityContext: {privileged: yes}\n',
  'deploy/pod.json': JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' }, spec: { hostPID: true, containers: [{ name: 'c', image: 'c:1' }] } }),
  'config/settings.yaml': 'apiVersion: 1\nlevel: debug\n',
  'big/manifests.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\n' + 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: q\nspec:\n  containers:\n    - name: c\n      image: c:1\n      securityContext: {privileged: on}\n',
};
for (const [p, t] of Object.entries(files)) {
  mkdirSync(dirname(join(root, p)), { recursive: true });
  writeFileSync(join(root, p), t);
}

const silent = { debug: () => undefined, info: () => undefined, warning: () => undefined, error: () => undefined };
const exec = async () => ({ exitCode: 1, stdout: '', stderr: 'no exec in this test' });

describe('YAML and JSON in the coverage ledger', () => {
  it('lists every YAML and JSON file with what became of it', async () => {
    const report = await scan({ root, build: false, scanners: { trivy: false, trufflehog: false } }, { logger: silent, exec, yaml: { classify: classifyYaml, check: checkYamlFile } });
    const ledger = new Map(report.coverage.map((e) => [e.path, e]));
    for (const p of Object.keys(files)) expect(ledger.has(p), `${p} is in the ledger`).toBe(true);
    expect(ledger.get('chart/templates/deployment.yaml')).toMatchObject({ kind: 'helm-template', status: 'not-checked' });
    expect(ledger.get('chart/templates/deployment.yaml')!.reason).toContain('helm template');
    expect(ledger.get('chart/templates/deployment.yaml')!.reason).toContain('mcg scan --stdin');
    expect(ledger.get('deploy/pod.yaml')).toMatchObject({ kind: 'k8s', status: 'checked' });
    expect(ledger.get('deploy/pod.json')).toMatchObject({ kind: 'k8s', status: 'checked' });
    expect(ledger.get('big/manifests.yaml')).toMatchObject({ kind: 'k8s', status: 'checked' });
    expect(ledger.get('config/settings.yaml')!.status).toBe('not-applicable');
    const at = (path: string, id: string) => report.findings.filter((f) => f.location.path === path && f.ruleId === id).map((f) => f.location.startLine);
    expect(at('deploy/pod.yaml', 'MCG210')).toEqual([11]);
    expect(at('deploy/pod.yaml', 'MCG993')).toEqual([11]);
    expect(at('big/manifests.yaml', 'MCG210')).toEqual([14]);
    expect(report.findings.some((f) => f.location.path === 'deploy/pod.json' && f.ruleId.startsWith('MCG2'))).toBe(true);
    expect(report.findings.filter((f) => f.location.path.startsWith('chart/'))).toEqual([]);
  });
});
