/**
 * server.json against the MCP registry's own schema (the 2025-12-11 file embedded in its Go
 * module, test/support/registry-schema.ts): the examples' server.json files are valid and scanned
 * clean by the default policy; MCG520 agrees with the registry's schema on mutants of an example
 * (each invalid for one reason) and on every current-schema server.json of the real corpus.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMcpFile } from '../../src/engine/mcp-engine.js';
import { decide, DEFAULT_POLICY } from '../../src/core/policy.js';
import { CURRENT_SCHEMA } from '../../src/core/mcp/server-json.js';
import { CORPUS_DIR, describeCorpus } from '../support/corpus.js';
import { registryErrors } from '../support/registry-schema.js';
import { repoRoot } from '../support/scan-rig.js';

const EXAMPLES = ['examples/node-mcp-server/server.json', 'examples/python-mcp-server/server.json'];
const mcg520 = (path: string, text: string): string[] =>
  checkMcpFile({ path, text, target: 't' })
    .findings.filter((f) => f.ruleId === 'MCG520')
    .map((f) => f.message);

describe("the examples' server.json files", () => {
  it.each(EXAMPLES)('%s is valid against the registry schema', (p) => {
    const text = readFileSync(join(repoRoot, p), 'utf8');
    const doc = JSON.parse(text) as { $schema: string };
    expect(doc.$schema).toBe(`https://static.modelcontextprotocol.io/schemas/${CURRENT_SCHEMA}/server.schema.json`);
    expect(registryErrors(CURRENT_SCHEMA, doc)).toEqual([]);
  });

  it.each(EXAMPLES)('%s has no finding at all and passes the default policy', (p) => {
    const { findings } = checkMcpFile({ path: p, text: readFileSync(join(repoRoot, p), 'utf8'), target: 't' });
    expect(findings.map((f) => `${f.ruleId}:${f.location.startLine} ${f.message}`)).toEqual([]);
    expect(decide(findings, DEFAULT_POLICY).result).toBe('pass');
  });

  it('the hardened example stays clean with its built image, whose ownership label names it', () => {
    const p = EXAMPLES[0]!;
    const text = readFileSync(join(repoRoot, p), 'utf8');
    const name = (JSON.parse(text) as { name: string }).name;
    const dockerfile = readFileSync(join(repoRoot, 'examples/node-mcp-server/Dockerfile'), 'utf8');
    expect(dockerfile).toContain(`LABEL io.modelcontextprotocol.server.name="${name}"`);
    const image = { labels: { 'io.modelcontextprotocol.server.name': name } };
    expect(checkMcpFile({ path: p, text, target: 't', image }).findings).toEqual([]);
    // and without the label the registry would refuse it
    expect(checkMcpFile({ path: p, text, target: 't', image: { labels: {} } }).findings.map((f) => f.ruleId)).toEqual(['MCG523']);
  });
});

/** Mutants of the hardened example, each invalid for one reason the schema states. */
const MUTANTS: [string, (d: Record<string, unknown>) => void][] = [
  ['no description', (d) => delete d['description']],
  ['name without a namespace', (d) => (d['name'] = 'node-mcp-server')],
  ['description over 100 characters', (d) => (d['description'] = 'x'.repeat(101))],
  ['repository without a source', (d) => delete (d['repository'] as Record<string, unknown>)['source']],
  ['package without a transport', (d) => delete (d['packages'] as Record<string, unknown>[])[0]!['transport']],
  ['unknown transport type', (d) => ((d['packages'] as Record<string, Record<string, unknown>>[])[0]!['transport']!['type'] = 'pipe')],
  ['fileSha256 in upper case', (d) => ((d['packages'] as Record<string, unknown>[])[0]!['fileSha256'] = 'A'.repeat(64))],
  ['runtime argument of an unknown type', (d) => ((d['packages'] as Record<string, Record<string, unknown>[]>[])[0]!['runtimeArguments']![0]!['type'] = 'flag')],
];

describe('MCG520 agrees with the registry schema', () => {
  const base = readFileSync(join(repoRoot, EXAMPLES[0]!), 'utf8');
  it.each(MUTANTS)('%s: both refuse it', (_n, mutate) => {
    const doc = JSON.parse(base) as Record<string, unknown>;
    mutate(doc);
    const text = JSON.stringify(doc, null, 2);
    expect(registryErrors(CURRENT_SCHEMA, doc)).not.toEqual([]);
    expect(mcg520('server.json', text)).not.toEqual([]);
  });
});

describeCorpus('MCG520 and the registry schema on the real server.json files', 'configs', () => {
  it('a current-schema file is valid for the registry exactly when MCG520 is silent', () => {
    const dir = join(CORPUS_DIR, 'configs');
    const rows: string[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith('server.json')).sort()) {
      const text = readFileSync(join(dir, f), 'utf8');
      const doc = JSON.parse(text) as { $schema?: string };
      if (doc.$schema !== `https://static.modelcontextprotocol.io/schemas/${CURRENT_SCHEMA}/server.schema.json`) continue;
      const official = registryErrors(CURRENT_SCHEMA, doc).length === 0;
      const ours = mcg520('server.json', text).length === 0;
      rows.push(`${f} registry:${official ? 'valid' : 'invalid'} mcg:${ours ? 'valid' : 'invalid'}`);
    }
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(rows.filter((r) => r.includes('registry:valid') !== r.includes('mcg:valid'))).toEqual([]);
    expect(rows.some((r) => r.includes('registry:invalid'))).toBe(true);
  });
});
