/**
 * The MCP checks through the real CLI (issue #21): a fresh bundle of dist/cli.js run as a child
 * process on a repository holding a registry server.json, client configs of each reading (VS
 * Code JSONC with comments and trailing commas, strict `.mcp.json` and Claude Desktop, Gemini's
 * JSON with comments), a Docker catalog entry and a README fence. Each finding must land on the
 * line of the file that holds its argument (for Markdown, the line inside the fence), in the JSON
 * report and in the SARIF log alike, and the coverage ledger must list every MCP file found.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import type { Report } from '../../src/core/types.js';
import { runCli, type CliRun } from '../support/cli-run.js';

const PINNED = `ghcr.io/acme/weather:1.2.0@sha256:${'b'.repeat(64)}`;
const SAFE = ['"run"', '"-i"', '"--rm"', '"--read-only"', '"--tmpfs"', '"/tmp"', '"--cap-drop"', '"ALL"', '"--security-opt"', '"no-new-privileges"', '"--user"', '"10001:10001"', '"--memory"', '"512m"', '"--pids-limit"', '"256"'];

/** Each file as its lines; a finding's expected line is found by the text it is about (`at`). */
const FILES: Record<string, string[]> = {
  'server.json': [
    '{',
    '  "$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",',
    '  "name": "io.github.acme/weather",',
    '  "description": "Weather for agents",',
    '  "version": "1.2.0",',
    '  "packages": [',
    '    {',
    '      "registryType": "oci",',
    '      "identifier": "ghcr.io/acme/weather:1.2.0",',
    '      "transport": {"type": "stdio"},',
    '      "runtimeArguments": [',
    '        {"type": "named", "name": "--network", "value": "host"}',
    '      ],',
    '      "environmentVariables": [',
    '        {"name": "WEATHER_TOKEN", "isSecret": true, "default": "tok-planted-in-default"}',
    '      ]',
    '    }',
    '  ]',
    '}',
  ],
  '.vscode/mcp.json': [
    '// VS Code reads comments and trailing commas here',
    '{',
    '  "inputs": [{"id": "token", "type": "promptString", "password": true}],',
    '  "servers": {',
    '    "weather": {',
    '      "command": "docker",',
    '      "args": [',
    `        ${SAFE.join(', ')},`,
    '        "-v", "/var/run/docker.sock:/var/run/docker.sock",',
    '        "-e", "WEATHER_TOKEN=${input:token}",',
    '        "--network", "none",',
    `        "${PINNED}",`,
    '      ],',
    '    },',
    '  },',
    '}',
  ],
  '.mcp.json': ['{', '  "mcpServers": {', '    "weather": {', '      "command": "docker",', `      "args": [${SAFE.join(', ')}, "--privileged", "--network", "none", "${PINNED}"]`, '    }', '  }', '}'],
  'claude_desktop_config.json': ['{', '  "mcpServers": {', '    "weather": {', '      "command": "docker",', `      "args": ["run", "--rm", "${PINNED}"]`, '    }', '  }', '}'],
  '.gemini/settings.json': [
    '// Gemini CLI strips comments',
    '{',
    '  "mcpServers": {',
    '    "weather": {',
    '      "command": "docker",',
    `      "args": [${SAFE.join(', ')}, "-e", "WEATHER_TOKEN=tok-planted-inline", "--network", "none", "${PINNED}"]`,
    '    }',
    '  }',
    '}',
  ],
  'servers/weather/server.yaml': ['name: weather', 'image: acme/weather:latest', 'type: server', 'run:', '  volumes:', '    - /:/host'],
  'README.md': ['# Weather', '', 'Start it:', '', '```sh', `docker run -i --rm --cap-add SYS_ADMIN ${PINNED}`, '```', ''],
};

/** rule, file, the text on the line it must land on */
const EXPECTED: [string, string, string][] = [
  ['MCG503', 'server.json', '"--network", "value": "host"'],
  ['MCG521', 'server.json', 'WEATHER_TOKEN'],
  ['MCG502', '.vscode/mcp.json', '/var/run/docker.sock'],
  ['MCG501', '.mcp.json', '--privileged'],
  ['MCG511', 'claude_desktop_config.json', '"command": "docker"'],
  // no hardening flag at all: MCG514 gives the corrected entry on the launch's line
  ['MCG514', 'claude_desktop_config.json', '"command": "docker"'],
  ['MCG510', '.gemini/settings.json', 'WEATHER_TOKEN=tok'],
  ['MCG507', 'servers/weather/server.yaml', 'image:'],
  ['MCG508', 'servers/weather/server.yaml', 'image:'],
  ['MCG502', 'servers/weather/server.yaml', '/:/host'],
  ['MCG504', 'README.md', '--cap-add SYS_ADMIN'],
  ['MCG514', 'README.md', '--cap-add SYS_ADMIN'],
];

const lineOf = (file: string, text: string): number => {
  const i = FILES[file]!.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`no line of ${file} holds ${text}`);
  return i + 1;
};

let dir: string;
let run: CliRun;
let report: Report;
let sarif: Log;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mcg-mcp-cli-'));
  mkdirSync(join(dir, '.git'));
  for (const [p, lines] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), `${lines.join('\n')}\n`);
  }
  writeFileSync(join(dir, 'package.json'), '{"name": "not-an-mcp-config"}\n');
  run = await runCli(['scan', '.', '--no-build', '--format', 'json', '--sarif', 'out.sarif'], { cwd: dir, env: { PATH: process.env['PATH'] ?? '' }, timeoutMs: 120_000 });
  report = JSON.parse(run.stdout) as Report;
  sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as Log;
}, 180_000);

const at = (rule: string, file: string): number[] =>
  report.findings
    .filter((f) => f.ruleId === rule && f.location.path === file)
    .map((f) => f.location.startLine)
    .sort((a, b) => a - b);

describe('mcg scan on a repository of MCP launch and publication files', () => {
  it('exits 1 (failing findings) and reports no internal error', () => {
    expect(run.stderr).not.toMatch(/internal error|TypeError|RangeError/);
    expect(run.code).toBe(1);
    expect(report.result).toBe('fail');
    expect(report.findings.filter((f) => f.ruleId === 'MCG991' || f.error).map((f) => f.message)).toEqual([]);
  });

  it.each(EXPECTED)('%s in %s on the line holding %s', (rule, file, text) => {
    expect(at(rule, file), JSON.stringify(report.findings.filter((f) => f.location.path === file).map((f) => `${f.ruleId}:${f.location.startLine}`))).toContain(lineOf(file, text));
  });

  it('the MCP files hold exactly these findings', () => {
    const got = report.findings.filter((f) => f.location.path in FILES).map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`);
    expect(got.sort()).toEqual(EXPECTED.map(([r, f, t]) => `${r} ${f}:${lineOf(f, t)}`).sort());
  });

  it('references and the file-launched release are not findings', () => {
    // ${input:token} is a reference, not an inline secret
    expect(at('MCG510', '.vscode/mcp.json')).toEqual([]);
    // the server.json package tagged with its own version is the release it publishes
    expect(at('MCG508', 'server.json')).toEqual([]);
    // the current schema is met
    expect(at('MCG520', 'server.json')).toEqual([]);
    // a pinned image is neither latest nor undigested
    for (const f of ['.vscode/mcp.json', '.mcp.json', '.gemini/settings.json', 'README.md']) expect([...at('MCG507', f), ...at('MCG508', f)], f).toEqual([]);
  });

  it('secret values are never shown', () => {
    for (const out of [run.stdout, readFileSync(join(dir, 'out.sarif'), 'utf8')]) {
      expect(out).not.toContain('tok-planted-inline');
      expect(out).not.toContain('tok-planted-in-default');
    }
  });

  it('the SARIF log puts every MCP finding on the same file and line as the report', () => {
    const results = sarif.runs.flatMap((r) => r.results ?? []);
    for (const [rule, file, text] of EXPECTED) {
      const hit = results.find((r) => r.ruleId === rule && r.locations?.[0]?.physicalLocation?.artifactLocation?.uri === file && r.locations[0].physicalLocation.region?.startLine === lineOf(file, text));
      expect(hit, `${rule} ${file}:${lineOf(file, text)} in the SARIF`).toBeDefined();
    }
  });

  it('the coverage ledger lists every MCP file found, each checked, and nothing else as MCP', () => {
    const mcp = report.coverage.filter((c) => c.kind === 'mcp-config' || c.kind === 'markdown');
    expect(mcp.map((c) => `${c.path} ${c.kind} ${c.status}`).sort()).toEqual(
      Object.keys(FILES)
        .map((p) => `${p} ${p.endsWith('.md') ? 'markdown' : 'mcp-config'} checked`)
        .sort(),
    );
    expect(report.coverage.find((c) => c.path === 'package.json')?.kind).not.toBe('mcp-config');
  });
});
