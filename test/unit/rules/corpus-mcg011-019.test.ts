/**
 * MCG011–MCG019 over the real-world corpus (../shared/corpus/real-mcp, read in place):
 * every file is checked without error, every finding lands on a real line, and the findings
 * reviewed by hand stay found. Absent corpus: skipped with the reason; under CI=true or
 * MCG_REQUIRE_CORPUS=1 it fails (test/support/corpus.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { checkDockerfile } from '../../../src/engine/engine.js';
import { dockerfileRules } from '../../../src/rules/index.js';
import { CORPUS_DIR, corpusPresent, describeCorpus } from '../../support/corpus.js';

const dir = join(CORPUS_DIR, 'dockerfiles');
const present = corpusPresent('dockerfiles');
const mine = dockerfileRules.filter((r) => /^MCG01[1-9]$/.test(r.meta.id));

describeCorpus('MCG011-MCG019 on the real-MCP corpus', 'dockerfiles', () => {
  const files = present ? readdirSync(dir).sort() : [];
  const results = new Map(
    files.map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return [f, { text, findings: checkDockerfile({ path: f, text, target: f }, mine).findings.filter((x) => /^MCG01[1-9]$/.test(x.ruleId)) }] as const;
    }),
  );

  it('every finding is on a line of its file that holds the reported instruction', () => {
    for (const [f, { text, findings }] of results) {
      const lines = text.split(/\r?\n/);
      for (const x of findings) {
        expect(x.location.startLine, `${f} ${x.ruleId}`).toBeGreaterThanOrEqual(1);
        expect(x.location.startLine, `${f} ${x.ruleId}`).toBeLessThanOrEqual(lines.length);
        expect(lines[x.location.startLine - 1]!.trim(), `${f}:${x.location.startLine} ${x.ruleId}`).toMatch(/^(FROM|RUN|ADD|COPY|CMD|ENTRYPOINT|EXPOSE|HEALTHCHECK)\b/i);
      }
    }
  });

  // Reviewed by hand against the files.
  it.each([
    ['open-webui__mcpo__Dockerfile', 'MCG011', 13], // curl … setup_22.x | bash -
    ['oraios__serena__Dockerfile', 'MCG011', 30], // curl -o- …/v${NVM_VERSION}/install.sh | bash
    ['oraios__serena__Dockerfile', 'MCG011', 42], // curl … uv/install.sh | sh
    ['rohitg00__kubectl-mcp-server__Dockerfile', 'MCG011', 25], // get-helm-3 | bash
    ['alexei-led__k8s-mcp-server__deploy__docker__Dockerfile', 'MCG011', 84], // curl … | VAR=… sh -
    ['getzep__graphiti__mcp_server__docker__Dockerfile.standalone', 'MCG011', 14], // ADD https://astral.sh/… without --checksum
    ['qdrant__mcp-server-qdrant__Dockerfile', 'MCG012', 21], // CMD uvx mcp-server-qdrant …
    ['qdrant__mcp-server-qdrant__Dockerfile', 'MCG013', 21], // … in shell form
    ['redis__mcp-redis__Dockerfile', 'MCG019', 8], // COPY . . before uv sync
    ['smart-mcp-proxy__mcpproxy-go__Dockerfile', 'MCG019', 10], // COPY . . before npm ci of the frontend
    ['chroma-core__chroma-mcp__Dockerfile', 'MCG018', 14], // pip install without --no-cache-dir
    ['modelcontextprotocol__servers__src__fetch__Dockerfile', 'MCG017', 25], // python:3.12-slim-bookworm runtime, no PYTHONUNBUFFERED
  ] as const)('%s: %s at line %i', (file, id, line) => {
    const r = results.get(file);
    expect(r, file).toBeDefined();
    expect(r!.findings.filter((x) => x.ruleId === id).map((x) => x.location.startLine)).toContain(line);
  });

  it.each([
    ['modelcontextprotocol__servers__src__fetch__Dockerfile', 'MCG019'], // copies uv.lock/pyproject first, then the sources
    ['IBM__mcp-context-forge__Containerfile', 'MCG013'], // exec form
  ] as const)('%s: no %s', (file, id) => {
    expect(results.get(file)!.findings.filter((x) => x.ruleId === id)).toEqual([]);
  });
});
