/**
 * The compose and Kubernetes engine over the real-world corpus (DESIGN §10): no crash, no parse
 * error, every finding on a line of its file, and the reviewed table of rule hits per file
 * (test/corpus/{compose,k8s}.snapshot; regenerate with UPDATE_SNAPSHOTS=1 and review the diff).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { checkYamlFile, classifyYaml, type YamlRuleKind } from '../../src/engine/yaml-engine.js';
import { CORPUS_DIR, describeCorpus, expectGolden } from '../support/corpus.js';

const root = join(import.meta.dirname, '..', '..');
const corpus = CORPUS_DIR;

for (const kind of ['compose', 'k8s'] as const satisfies readonly YamlRuleKind[]) {
  describeCorpus(`YAML corpus: ${kind}`, kind, () => {
    it(`${kind}: every file parses, every finding is on a real line, hits match the reviewed snapshot`, () => {
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
      expectGolden(snap, text);
    });
  });
}
