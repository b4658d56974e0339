/**
 * Config parsing throws nothing but ConfigError, whatever the text; the YAML engine never throws
 * on arbitrary or mutated compose/Kubernetes files and reports only on existing lines.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/core/config.js';
import { checkYamlFile, classifyYaml } from '../../src/engine/yaml-engine.js';
import { corpusFiles, needCorpus } from '../support/corpus.js';
import { lineCount, mutate, mutation } from './mutate.js';

function onlyConfigErrors(text: string): void {
  try {
    parseConfig('.mcg.yml', text);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw new Error(`parseConfig threw ${(e as Error).name}: ${(e as Error).message}\n--- input ---\n${text}`);
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.message).toContain('.mcg.yml:');
  }
}

const VALID = `severity-threshold: medium
fail-on: any
rules:
  MCG005: off
  MCG003: { severity: medium }
ignore:
  - id: CVE-2024-1234
    path: services/**
    reason: not reachable
    expires: 2030-01-01
    owner: team
image-size-budget: 512MiB
include: ["**/Dockerfile"]
exclude: [vendor/**]
scanners:
  trivy: { enabled: true, ignore-unfixed: true, timeout-minutes: 5 }
  trufflehog: { verify: false }
`;

const configKeys = fc.constantFrom('severity-threshold', 'fail-on', 'rules', 'ignore', 'image-size-budget', 'include', 'exclude', 'scanners', 'MCG005', 'id', 'reason', 'expires', 'trivy', 'enabled', '__proto__', 'constructor');

describe('config parsing under fuzzing', () => {
  it('arbitrary text: only ConfigError', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), onlyConfigErrors), { numRuns: 400 });
  });
  it('arbitrary YAML values (known keys, any shapes): only ConfigError', () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), fc.dictionary(configKeys, tie('v'), { maxKeys: 4 }), fc.array(tie('v'), { maxLength: 3 })),
    })).v;
    fc.assert(fc.property(fc.dictionary(configKeys, value, { maxKeys: 6 }), (obj) => onlyConfigErrors(stringify(obj))), { numRuns: 400 });
  });
  it('mutated valid config: only ConfigError', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (ms) => onlyConfigErrors(mutate(VALID, ms))), { numRuns: 400 });
  });
  it('alias bombs and deep nesting: only ConfigError, quickly', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
    const t0 = Date.now();
    onlyConfigErrors(bomb);
    onlyConfigErrors(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    // a blow-up guard (an unbounded alias bomb never finishes), not a speed measurement
    expect(Date.now() - t0).toBeLessThan(30_000);
  });
});

const yamlTexts = [...(corpusFiles('compose') ?? []), ...(corpusFiles('k8s') ?? [])].map((f) => ({ f, text: readFileSync(f, 'utf8') }));

describe('YAML engine under fuzzing', () => {
  const check = (text: string, kind: 'compose' | 'k8s' | 'workflow'): void => {
    const res = checkYamlFile({ path: 'deploy/x.yml', text, kind, target: 'repository' });
    const n = lineCount(text);
    for (const f of res.findings) {
      expect(f.location.path).toBe('deploy/x.yml');
      expect(f.location.startLine, `${f.ruleId}: ${f.message}`).toBeGreaterThanOrEqual(1);
      expect(f.location.startLine, `${f.ruleId}: ${f.message}`).toBeLessThanOrEqual(n);
    }
  };
  it('arbitrary text as compose, k8s and workflow: no crash, findings on existing lines', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('compose' as const, 'k8s' as const, 'workflow' as const), (text, kind) => {
        classifyYaml('deploy/x.yml', text);
        check(text, kind);
      }),
      { numRuns: 300 },
    );
  });
  it('mutated real compose and Kubernetes files: no crash, findings on existing lines', (ctx) => {
    needCorpus(ctx, 'compose');
    needCorpus(ctx, 'k8s');
    fc.assert(
      fc.property(fc.nat({ max: Math.max(0, yamlTexts.length - 1) }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (i, ms) => {
        const { f, text } = yamlTexts[i]!;
        const mutated = mutate(text, ms);
        check(mutated, f.includes('/k8s/') ? 'k8s' : 'compose');
        const kind = classifyYaml('deploy/x.yml', mutated);
        if (kind && kind !== 'helm-template') check(mutated, kind);
      }),
      { numRuns: 250 },
    );
  });
});
