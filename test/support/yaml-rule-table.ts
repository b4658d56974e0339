/**
 * Valid/invalid tables for compose, Kubernetes and workflow rules: every case runs the rule alone
 * through the real YAML engine (parser, aliases, merge keys, models) and checks which lines fire.
 */
import { describe, expect, it } from 'vitest';
import { fingerprintKeyDigest } from '../../src/core/rule-hits.js';
import { checkYamlWith, type YamlRuleKind, type YamlRuleSet } from '../../src/engine/yaml-engine.js';
import type { Finding } from '../../src/core/types.js';
import type { ComposeRule, K8sRule, WorkflowRule } from '../../src/rules/yaml-types.js';

export interface YamlCase {
  name: string;
  yaml: string;
  /** Lines the rule must report (firing cases); omitted = at least one hit. */
  lines?: number[];
  /** Substring every message must contain. */
  message?: string;
  /** Fingerprint keys the hits must have (sorted comparison). */
  keys?: string[];
}

type AnyRule = ComposeRule | K8sRule | WorkflowRule;

export const defaultPaths: Record<YamlRuleKind, string> = {
  compose: 'compose.yaml',
  k8s: 'deploy/manifest.yaml',
  workflow: '.github/workflows/ci.yml',
};

export function runYamlRule(rule: AnyRule, kind: YamlRuleKind, yaml: string): Finding[] {
  const set: YamlRuleSet = { compose: [], k8s: [], workflow: [] };
  (set[kind] as AnyRule[]).push(rule);
  const res = checkYamlWith({ path: defaultPaths[kind], text: yaml, kind, target: 'test' }, set);
  const errors = res.findings.filter((f) => f.ruleId === 'MCG991');
  if (errors.length > 0) throw new Error(`test YAML did not parse: ${errors.map((e) => e.message).join('; ')}`);
  return res.findings;
}

export function yamlRuleTable(rule: AnyRule, table: { fires: YamlCase[]; passes: YamlCase[] }): void {
  const kind = rule.meta.kind as YamlRuleKind;
  describe(`${rule.meta.id} ${rule.meta.name}`, () => {
    it('has at least 3 firing and 3 non-firing cases', () => {
      expect(table.fires.length).toBeGreaterThanOrEqual(3);
      expect(table.passes.length).toBeGreaterThanOrEqual(3);
    });
    it.each(table.fires.map((c) => [c.name, c] as const))('fires: %s', (_n, c) => {
      const hits = runYamlRule(rule, kind, c.yaml);
      expect(hits.length).toBeGreaterThan(0);
      const total = c.yaml.split('\n').length;
      for (const h of hits) {
        expect(h.ruleId).toBe(rule.meta.id);
        expect(h.location.startLine).toBeGreaterThanOrEqual(1);
        expect(h.location.startLine).toBeLessThanOrEqual(total);
        if (c.message) expect(h.message).toContain(c.message);
      }
      if (c.lines) expect(hits.map((h) => h.location.startLine).sort((a, b) => a - b)).toEqual([...c.lines].sort((a, b) => a - b));
      if (c.keys) expect(hits.map((h) => h.fingerprintKey).sort()).toEqual(c.keys.map((k) => fingerprintKeyDigest(k)).sort());
    });
    it.each(table.passes.map((c) => [c.name, c] as const))('passes: %s', (_n, c) => {
      expect(runYamlRule(rule, kind, c.yaml)).toEqual([]);
    });
  });
}
