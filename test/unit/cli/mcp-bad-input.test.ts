/**
 * Bad MCP input through the CLI's scan entry (issue #21, "Bad input"): malformed JSON, malformed
 * JSONC, a server.json with an unknown `$schema`, a Markdown fence that is never closed, a
 * `docker run` line with an unterminated quote, a 2 MB and a 10 MB config, next to one normal config with
 * a known finding. Each bad file is a failing MCG991 at its file:line with the reason, the ledger
 * says it was not (or only partly) checked, and the normal file's finding is still reported.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import type { Report } from '../../../src/core/types.js';

const PINNED = `ghcr.io/o/s:1.0.0@sha256:${'a'.repeat(64)}`;
const server = (schema: string): string =>
  `{\n  "$schema": "${schema}",\n  "name": "io.github.o/s",\n  "description": "S",\n  "version": "1.0.0",\n  "packages": [{"registryType": "oci", "identifier": "${PINNED}", "transport": {"type": "stdio"}}]\n}\n`;
const config = (n: number): string =>
  `{\n  "mcpServers": {\n${Array.from({ length: n }, (_, i) => `    "s${i}": {"command": "docker", "args": ["run", "-i", "--rm", "img:1"]},`).join('\n')}\n    "last": {"command": "node"}\n  }\n}\n`;

/** path → [text, line of the MCG991, what its message says] */
const BAD: Record<string, [string, number, RegExp]> = {
  'malformed-json/.mcp.json': ['{\n  "mcpServers": {\n    "a": {"command": "docker", "args": ["run", "img:1"],}\n  }\n}\n', 3, /not valid JSON \(PropertyNameExpected: .*trailing comma/],
  'malformed-jsonc/.vscode/mcp.json': ['// VS Code config\n{\n  "servers": {\n    "a": {"command": "docker" "args": []}\n  }\n}\n', 4, /not valid JSONC \(CommaExpected/],
  'unknown-schema/server.json': [server('https://example.com/schemas/2099-01-01/server.schema.json'), 2, /unknown "\$schema" .*was not checked against a schema/],
  'unclosed-fence/README.md': ['# Run it\n\n```sh\ndocker run -i --rm --privileged img:1\n', 3, /fence opened here is never closed/],
  'unterminated-quote/README.md': ['# Run it\n\n```bash\ndocker run -i --rm \\\n  -e "TOKEN=abc img:1\n```\n', 5, /unterminated double quote/],
  // above the 5 MiB every text file may have: not read at all
  'huge/.mcp.json': [config(140_000), 1, /MiB, over the 5 MiB limit for a text file: it was not checked/],
  // under it, above the 1 MiB the MCP reader parses
  'big/.mcp.json': [config(30_000), 1, /bytes, above the \d+-byte limit for MCP configs: it was not checked/],
};
const GOOD: [string, string] = ['good/.vscode/mcp.json', `{"servers": {"s": {"command": "docker", "args": ["run", "-i", "--rm", "--privileged", "${PINNED}"]}}}\n`];

let code = -1;
let report: Report;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcg-mcp-bad-input-'));
  mkdirSync(join(dir, '.git'));
  for (const [p, text] of [...Object.entries(BAD).map(([p, [t]]) => [p, t] as const), GOOD]) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  let json = '';
  const io = { stdout: (s: string) => void (json += s), stderr: () => undefined, env: {}, cwd: dir, isTTY: false };
  code = await main(['scan', dir, '--no-build', '--format', 'json'], io);
  report = JSON.parse(json) as Report;
}, 120_000);

describe('bad MCP configs never hide the other files', () => {
  it('the 10 MB config really is 10 MB', () => expect(BAD['huge/.mcp.json']![0].length).toBeGreaterThan(10 * 1024 * 1024));
  it('the normal config is still checked and its finding reported; the run fails', () => {
    expect(report.findings.some((f) => f.ruleId === 'MCG501' && f.location.path === GOOD[0] && f.location.startLine === 1)).toBe(true);
    expect(report.coverage.find((c) => c.path === GOOD[0])?.status).toBe('checked');
    expect(code).toBe(1);
  });
  it.each(Object.entries(BAD).map(([p, [, line, why]]) => [p, line, why] as const))('%s: a failing MCG991 on line %i with the reason', (path, line, why) => {
    const errors = report.findings.filter((f) => f.ruleId === 'MCG991' && f.location.path === path);
    expect(errors.map((f) => [f.location.startLine, f.failing]), JSON.stringify(errors.map((f) => f.message))).toContainEqual([line, true]);
    expect(errors.find((f) => f.location.startLine === line)!.message).toMatch(why);
    expect(['partial', 'not-checked']).toContain(report.coverage.find((c) => c.path === path)?.status);
  });
  it('an unclosed fence is still read to the end of the file, as Markdown renders it', () => {
    expect(report.findings.some((f) => f.ruleId === 'MCG501' && f.location.path === 'unclosed-fence/README.md' && f.location.startLine === 4)).toBe(true);
  });
});
