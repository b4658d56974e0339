// MCG993 (read differently by kubectl): every case through the real YAML engine with all rules, so
// the verdict of the Kubernetes rules on kubectl's reading is checked together with the finding.
import { describe, expect, it } from 'vitest';
import { checkYamlFile } from '../../../src/engine/yaml-engine.js';

function scan(yaml: string) {
  const r = checkYamlFile({ path: 'deploy/pod.yaml', text: yaml, kind: 'k8s', target: 't' });
  const at = (id: string) => r.findings.filter((f) => f.ruleId === id).map((f) => f.location.startLine);
  return { ...r, at };
}

/** A pod whose container's securityContext gets `body` (lines from 11 on). */
const pod = (body: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${extra}  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n${body}`;

describe('MCG993 read-differently-by-kubectl', () => {
  it.each(['yes', 'on', 'Y', 'y', 'YES', 'On'])('privileged: %s is true for kubectl: MCG993 and MCG210 critical on the line', (v) => {
    const r = scan(pod(`        privileged: ${v}\n`));
    expect(r.at('MCG993')).toEqual([11]);
    expect(r.at('MCG210')).toEqual([11]);
    expect(r.findings.find((f) => f.ruleId === 'MCG210')!.severity).toBe('critical');
    expect(r.findings.find((f) => f.ruleId === 'MCG993')!.severity).toBe('high');
  });

  it('hostPID: on is the host process namespace for kubectl', () => {
    const r = scan(pod('', '  hostPID: on\n'));
    expect(r.at('MCG993')).toEqual([6]);
    expect(r.findings.some((f) => f.ruleId.startsWith('MCG2') && f.location.startLine === 6)).toBe(true);
  });

  it.each(['no', 'off', 'N'])('privileged: %s is false for kubectl: MCG993 only', (v) => {
    const r = scan(pod(`        privileged: ${v}\n`));
    expect(r.at('MCG993')).toEqual([11]);
    expect(r.at('MCG210')).toEqual([]);
  });

  it('a quoted "yes" is text for kubectl too: no MCG993', () => {
    expect(scan(pod('        privileged: "yes"\n')).at('MCG993')).toEqual([]);
  });

  it('a duplicate key: kubectl keeps the last value; both findings land on its line', () => {
    const r = scan(pod('        privileged: false\n        privileged: true\n'));
    expect(r.at('MCG993')).toEqual([12]);
    expect(r.at('MCG210')).toEqual([12]);
    expect(r.at('MCG991')).toEqual([]);
  });

  it('a duplicate key that ends harmless: MCG993, and no MCG210 (kubectl keeps false)', () => {
    const r = scan(pod('        privileged: true\n        privileged: false\n'));
    expect(r.at('MCG993')).toEqual([12]);
    expect(r.at('MCG210')).toEqual([]);
  });

  it('a later << merge wins for kubectl: MCG993 on the merge, MCG210 on the merged value', () => {
    const text = `x-priv: &priv\n  privileged: true\n---\n` + pod('        privileged: false\n        <<: {privileged: true}\n');
    const r = scan(text);
    expect(r.at('MCG993')).toEqual([15]);
    expect(r.at('MCG210')).toEqual([15]);
  });

  it('an earlier << merge is overridden by the own key, as everywhere: no MCG993', () => {
    const r = scan(pod('        <<: {privileged: true}\n        privileged: false\n'));
    expect(r.at('MCG993')).toEqual([]);
    expect(r.at('MCG210')).toEqual([]);
  });

  it('a quoted "<<" holding the safe settings is merged by nobody for kubectl: MCG993, and the defaults are checked', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n        "<<": {runAsNonRoot: true, allowPrivilegeEscalation: false}\n';
    const r = scan(text);
    expect(r.at('MCG993')).toEqual([10]);
    // the container runs with the defaults: root and privilege escalation allowed
    expect(r.findings.filter((f) => f.ruleId !== 'MCG993' && f.ruleId.startsWith('MCG2')).length).toBeGreaterThan(0);
  });

  it('a document after `...` in one section is ignored by kubectl: MCG993 at it', () => {
    const r = scan(pod('        privileged: false\n') + '...\n' + pod('        privileged: true\n'));
    expect(r.at('MCG993')).toEqual([13]);
    expect(r.at('MCG210')).toEqual([]);
  });

  it.each(['privileged', 'runAsNonRoot', 'allowPrivilegeEscalation', 'readOnlyRootFilesystem'])('%s: on in the container securityContext: MCG993 (a field the rules read)', (k) => {
    const r = scan(pod(`        ${k}: on\n`));
    expect(r.findings.filter((f) => f.ruleId === 'MCG993' && /YAML 1\.1/.test(f.message)).map((f) => f.location.startLine)).toEqual([11]);
  });

  it.each(['hostNetwork', 'hostIPC', 'automountServiceAccountToken', 'shareProcessNamespace', 'hostUsers'])('%s: yes in the pod spec: MCG993', (k) => {
    expect(scan(pod('', `  ${k}: yes\n`)).at('MCG993')).toEqual([6]);
  });

  it('YAML 1.1 spellings in fields no rule reads a verdict from (tty, stdin, an annotation, a ConfigMap): no MCG993', () => {
    const r = scan(pod('', '  enableServiceLinks: no\n') + '      tty: yes\n      stdin: on\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations: {a: y}\ndata:\n  flag: off\n');
    expect(r.at('MCG993')).toEqual([]);
  });

  it('duplicate keys and quoted or late << are reported in any field, not only the security ones', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    app: a\n    app: b\n  "<<": {x: 1}\ndata:\n  k: v\n  <<: {k: w}\n';
    expect(scan(text).at('MCG993').sort((a, b) => a - b)).toEqual([7, 8, 11]);
  });

  it.each(['true', 'false', 'True'])('passes: privileged: %s', (v) => {
    expect(scan(pod(`        privileged: ${v}\n`)).at('MCG993')).toEqual([]);
  });
});
