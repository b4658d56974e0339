/**
 * The compose and Kubernetes engine over the real-world corpus (DESIGN §10): no crash, no parse
 * error, every finding on a line of its file, and the reviewed table of rule hits per file
 * (test/corpus/{compose,k8s}.snapshot; regenerate with UPDATE_SNAPSHOTS=1 and review the diff).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkYamlFile, classifyYaml, type YamlRuleKind } from '../../src/core/yaml-engine.js';

const root = join(import.meta.dirname, '..', '..');
const corpus = join(root, '..', 'shared', 'corpus', 'real-mcp');
const present = existsSync(corpus);

if (!present) {
  const msg = `\n!!! ${corpus} is absent: the YAML corpus tests DID NOT RUN !!!\n`;
  console.warn(msg);
}

describe('YAML corpus', () => {
  it('is present (required when MCG_REQUIRE_CORPUS=1)', () => {
    if (process.env['MCG_REQUIRE_CORPUS'] === '1') expect(present, `${corpus} must exist`).toBe(true);
  });

  for (const kind of ['compose', 'k8s'] as const satisfies readonly YamlRuleKind[]) {
    it.runIf(present)(`${kind}: every file parses, every finding is on a real line, hits match the reviewed snapshot`, () => {
      const dir = join(corpus, kind);
      const files = readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort();
      expect(files.length).toBeGreaterThan(5);
      const rows: string[] = [];
      for (const f of files) {
        const text = readFileSync(join(dir, f), 'utf8');
        // The corpus flattens repository paths with `__`: classify by the original path.
        const original = f.split('__').slice(2).join('/');
        expect(classifyYaml(original, text), `${f} is classified as ${kind}`).toBe(kind);
        const res = checkYamlFile({ path: `${kind}/${f}`, text, kind, target: f });
        expect(res.fatal, f).toBe(false);
        expect(res.findings.filter((x) => x.ruleId === 'MCG991').map((x) => x.message), f).toEqual([]);
        const lines = text.split('\n').length;
        for (const x of res.findings) {
          expect(x.location.startLine, `${f} ${x.ruleId}`).toBeGreaterThanOrEqual(1);
          expect(x.location.startLine, `${f} ${x.ruleId}`).toBeLessThanOrEqual(lines);
          expect(x.fingerprintKey).not.toMatch(/\bline\s*\d/);
          rows.push(`${f}\t${x.ruleId}\t${x.location.startLine}`);
        }
      }
      rows.sort();
      const snap = join(root, 'test', 'corpus', `${kind}.snapshot`);
      const text = rows.join('\n') + '\n';
      if (process.env['UPDATE_SNAPSHOTS'] === '1') writeFileSync(snap, text);
      expect(existsSync(snap), `${snap} (create it with UPDATE_SNAPSHOTS=1)`).toBe(true);
      expect(text).toBe(readFileSync(snap, 'utf8'));
    });
  }
});
