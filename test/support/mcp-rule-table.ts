/**
 * Valid/invalid tables for the MCP launch rules (MCG5xx): every case runs the rule alone through
 * the real MCP engine (jsonc-parser or yaml, the readers, the Docker argument reader) and checks
 * which lines fire. A case names its file (`path`): the path decides how it is read.
 */
import { describe, expect, it } from 'vitest';
import { checkMcpFile } from '../../src/engine/mcp-engine.js';
import type { Finding } from '../../src/core/types.js';
import type { BuiltImage, McpRule } from '../../src/rules/mcp/types.js';

export interface McpCase {
  name: string;
  /** Default `.vscode/mcp.json`. */
  path?: string;
  text: string;
  lines?: number[];
  message?: string;
  image?: BuiltImage;
  profile?: string[];
}

export function runMcpRule(rule: McpRule, c: McpCase): Finding[] {
  const path = c.path ?? '.vscode/mcp.json';
  const res = checkMcpFile({ path, text: c.text, target: 'test', image: c.image, profile: c.profile }, [rule]);
  const errors = res.findings.filter((f) => f.ruleId === 'MCG991');
  if (errors.length > 0) throw new Error(`test config did not read: ${errors.map((e) => e.message).join('; ')}`);
  return res.findings;
}

/** A `.vscode/mcp.json` with one stdio server started by `docker` with these args. */
export function vscodeDocker(args: string[], extra = ''): string {
  return `{\n  "servers": {\n    "s": {\n      "command": "docker",\n      "args": [\n${args.map((a) => `        ${JSON.stringify(a)}`).join(',\n')}\n      ]${extra}\n    }\n  }\n}\n`;
}

/** A server.json of the current schema holding these packages (and extra top-level keys). */
export function sj(pk: string, top = ''): string {
  return `{\n  "$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",\n  "name": "io.github.owner/weather",\n  "description": "Weather",\n  "version": "1.2.0",${top}\n  "packages": [\n    ${pk}\n  ]\n}\n`;
}

/** One stdio OCI package of a server.json. */
export function oci(id: string, extra = ''): string {
  return `{"registryType": "oci", "identifier": "${id}", "transport": {"type": "stdio"}${extra}}`;
}

/** The hardened flags, for cases that must not fire other rules' concerns. */
export const HARDENED = ['run', '-i', '--rm', '--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges', '--user', '10001:10001', '--memory', '512m', '--pids-limit', '256', '--network', 'none'];

export function mcpRuleTable(rule: McpRule, table: { fires: McpCase[]; passes: McpCase[] }): void {
  describe(`${rule.meta.id} ${rule.meta.name}`, () => {
    it('has at least 3 firing and 3 non-firing cases', () => {
      expect(table.fires.length).toBeGreaterThanOrEqual(3);
      expect(table.passes.length).toBeGreaterThanOrEqual(3);
    });
    it.each(table.fires.map((c) => [c.name, c] as const))('fires: %s', (_n, c) => {
      const hits = runMcpRule(rule, c);
      expect(hits.length).toBeGreaterThan(0);
      const total = c.text.split('\n').length;
      for (const h of hits) {
        expect(h.ruleId).toBe(rule.meta.id);
        expect(h.location.startLine).toBeGreaterThanOrEqual(1);
        expect(h.location.startLine).toBeLessThanOrEqual(total);
        if (c.message) expect(h.message).toContain(c.message);
      }
      if (c.lines) expect(hits.map((h) => h.location.startLine).sort((a, b) => a - b)).toEqual([...c.lines].sort((a, b) => a - b));
    });
    it.each(table.passes.map((c) => [c.name, c] as const))('passes: %s', (_n, c) => {
      expect(runMcpRule(rule, c)).toEqual([]);
    });
  });
}
