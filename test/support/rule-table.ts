/**
 * Valid/invalid tables for Dockerfile rules: every case runs the rule alone through the
 * real parser and context builder, and checks exactly which lines fire.
 */
import { describe, expect, it } from 'vitest';
import { parseDockerfile, finalStage } from '../../src/core/dockerfile/model.js';
import { makeBuildContext } from '../../src/core/build-context.js';
import type { DockerfileRule, ImageFacts } from '../../src/rules/types.js';
import type { RuleHit } from '../../src/core/types.js';

export interface DockerfileCase {
  name: string;
  dockerfile: string;
  /** Lines the rule must report (firing cases); omitted = at least one hit. */
  lines?: number[];
  /** Build-context files, relative; `.dockerignore` content separately. */
  context?: { files: string[]; dockerignore?: string };
  image?: { user?: string; healthcheck?: string[]; paths?: string[]; passwd?: string };
  target?: string;
  /** Substring every message must contain. */
  message?: string;
}

export function imageFacts(i: NonNullable<DockerfileCase['image']>): ImageFacts {
  const paths = new Set((i.paths ?? []).map((p) => p.replace(/^\/+/, '')));
  return { user: i.user ?? '', healthcheck: i.healthcheck, passwd: i.passwd, hasPath: (p: string) => paths.has(p.replace(/^\/+/, '')) };
}

export function runDockerfileRule(rule: DockerfileRule, c: DockerfileCase): RuleHit[] {
  const model = parseDockerfile('Dockerfile', c.dockerfile);
  const context = c.context
    ? makeBuildContext('.', c.context.files, c.context.dockerignore !== undefined ? { path: '.dockerignore', text: c.context.dockerignore } : undefined)
    : undefined;
  return rule.check({ path: 'Dockerfile', model, final: finalStage(model, c.target), context, image: c.image ? imageFacts(c.image) : undefined });
}

export function dockerfileRuleTable(rule: DockerfileRule, table: { fires: DockerfileCase[]; passes: DockerfileCase[] }): void {
  describe(`${rule.meta.id} ${rule.meta.name}`, () => {
    it('has at least 3 firing and 3 non-firing cases', () => {
      expect(table.fires.length).toBeGreaterThanOrEqual(3);
      expect(table.passes.length).toBeGreaterThanOrEqual(3);
    });
    it.each(table.fires.map((c) => [c.name, c] as const))('fires: %s', (_n, c) => {
      const hits = runDockerfileRule(rule, c);
      expect(hits.length).toBeGreaterThan(0);
      const total = c.dockerfile.split('\n').length;
      for (const h of hits) {
        expect(h.line).toBeGreaterThanOrEqual(1);
        expect(h.line).toBeLessThanOrEqual(total);
        expect(h.key).not.toMatch(/\bline\s*\d/);
        if (c.message) expect(h.message).toContain(c.message);
      }
      if (c.lines) expect(hits.map((h) => h.line).sort((a, b) => a - b)).toEqual([...c.lines].sort((a, b) => a - b));
    });
    it.each(table.passes.map((c) => [c.name, c] as const))('passes: %s', (_n, c) => {
      expect(runDockerfileRule(rule, c)).toEqual([]);
    });
  });
}
