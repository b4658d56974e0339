/**
 * #21 item 4, the loop with the runtime probe: the profile the probe proved for the image a scan
 * built reaches MCG514 for the client configs and README fences beside that build, and only for
 * launches of that image. The pipeline is a stand-in returning what a probed build returns (its
 * summary's `proven` words); everything else is the engine the CLI wires in.
 */
import { describe, expect, it } from 'vitest';
import type { ImagePipeline } from '../../../src/engine/scan.js';
import { provenProfileFor } from '../../../src/core/mcp/built-image.js';
import { makeRepo, staticScan } from '../../support/repo.js';

const IMG = `ghcr.io/o/weather:1.2.0@sha256:${'a'.repeat(64)}`;
const PROVEN = ['--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges', '--user', '65532:65532', '--memory', '512m', '--pids-limit', '256', '--network', 'none'];
const config = (args: string[]): string => `{\n  "servers": {\n    "weather": {\n      "command": "docker",\n      "args": ${JSON.stringify(['run', '-i', '--rm', ...args, IMG])}\n    }\n  }\n}\n`;

function pipeline(proven?: string[]): ImagePipeline {
  return {
    async run() {
      const probe = proven ? { image: 'mcg-scan/x:1', transport: 'stdio' as const, status: 'passed' as const, culprits: [], profile: PROVEN, proven, envNames: [], tools: [], starts: 1, durationMs: 1 } : undefined;
      return { findings: [], scanners: [{ name: 'docker', status: 'ran' }], info: probe ? { probe } : {}, image: { user: '', labels: {}, hasPath: () => true } };
    },
  };
}

async function mcg514(files: Record<string, string>, proven?: string[]): Promise<string[]> {
  const root = makeRepo({ 'Dockerfile': 'FROM scratch\n', ...files });
  const r = await staticScan(root, { build: true }, { imagePipeline: pipeline(proven) });
  return r.findings.filter((f) => f.ruleId === 'MCG514').map((f) => `${f.location.path}:${f.location.startLine} ${f.message}`);
}

describe('the proven profile reaches MCG514', () => {
  it('a .vscode/mcp.json beside the probed build gets the proven user in its corrected entry', async () => {
    const [hit, ...rest] = await mcg514({ '.vscode/mcp.json': config([]) }, PROVEN);
    expect(rest).toEqual([]);
    expect(hit).toContain('.vscode/mcp.json:4 MCP server "weather" (the image this repository builds)');
    expect(hit).toContain('of the profile the runtime probe proved for it');
    expect(hit).toContain('"--user","65532:65532"');
    expect(hit).not.toContain('10001');
  });

  it('a launch that meets the proven profile but not the recommended one passes', async () => {
    // the probe proved the image works without --memory and --pids-limit being asked for
    const proven = ['--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL', '--user', '65532:65532', '--network', 'none'];
    expect(await mcg514({ '.vscode/mcp.json': config(proven) }, proven)).toEqual([]);
    expect((await mcg514({ '.vscode/mcp.json': config(proven) })).map((m) => m.includes('of the recommended least-privilege profile'))).toEqual([true]);
  });

  it('without a probe, the recommended profile', async () => {
    const [hit] = await mcg514({ 'README.md': `# Run\n\n\`\`\`sh\ndocker run -i --rm ${IMG}\n\`\`\`\n` });
    expect(hit).toContain('README.md:4');
    expect(hit).toContain('of the recommended least-privilege profile');
    expect(hit).toContain('--user 10001:10001');
  });
});

describe('provenProfileFor', () => {
  const a = { context: 'a', dockerfile: 'a/Dockerfile', labels: {}, proven: ['--read-only', '--tmpfs', '/tmp', '--user', '65532:65532'] };
  const b = { context: 'b', dockerfile: 'b/Dockerfile', labels: {} };
  it('one flag per entry, for the files of the build directory (dot-folders included), else the only build', () => {
    expect(provenProfileFor('a/.vscode/mcp.json', [a, b])).toEqual(['--read-only', '--tmpfs /tmp', '--user 65532:65532']);
    expect(provenProfileFor('a/README.md', [a, b])).toEqual(['--read-only', '--tmpfs /tmp', '--user 65532:65532']);
    expect(provenProfileFor('README.md', [a])).toEqual(['--read-only', '--tmpfs /tmp', '--user 65532:65532']);
    expect(provenProfileFor('README.md', [a, b])).toBeUndefined();
    expect(provenProfileFor('b/.cursor/mcp.json', [a, b])).toBeUndefined();
    expect(provenProfileFor('a/mcp.json', [{ ...a, proven: [] }])).toBeUndefined();
  });
});
