/**
 * #21 item 4 with real parts: the examples are built and probed for real, and MCG514 on the
 * `.vscode/mcp.json` beside each build holds the launch to the profile the probe proved for that
 * image (its corrected entry carries the proven flags), or finds nothing missing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROBE } from '../../../src/core/probe/options.js';
import { rigScan, type RigScan } from '../../support/scan-rig.js';

const runs = new Map<string, RigScan>();
const probe = { ...DEFAULT_PROBE, mode: 'true' as const };

beforeAll(async () => {
  for (const d of ['examples/python-mcp-server', 'examples/node-mcp-server']) runs.set(d, await rigScan(d, { scanners: { trivy: false, trufflehog: false }, probe }));
}, 20 * 60_000);

describe('the proven profile in the MCP launch checks', () => {
  it('flawed example: MCG514 names the built image and corrects the launch to the proven flags', () => {
    const run = runs.get('examples/python-mcp-server')!;
    const p = run.report.targets.find((t) => t.dockerfile === 'examples/python-mcp-server/Dockerfile')?.probe;
    expect(p?.proven, JSON.stringify(p)).toBeDefined();
    const f = run.report.findings.filter((x) => x.ruleId === 'MCG514' && x.location.path === 'examples/python-mcp-server/.vscode/mcp.json');
    expect(f.map((x) => x.location.startLine)).toEqual([5]);
    expect(f[0]!.message).toContain('(the image this repository builds)');
    expect(f[0]!.message).toContain('of the profile the runtime probe proved for it');
    const corrected = JSON.parse(/Corrected args: (\[.*\])$/.exec(f[0]!.message)![1]!) as string[];
    // every proven flag with its value, in order, is in the corrected entry
    const words = p!.proven!;
    for (let i = 0; i < words.length; i++) {
      if (!words[i]!.startsWith('-')) continue;
      const at = corrected.indexOf(words[i]!);
      expect(at, words[i]).toBeGreaterThan(0);
      if (words[i + 1] !== undefined && !words[i + 1]!.startsWith('-')) expect(corrected.slice(at).includes(words[i + 1]!), `${words[i]} ${words[i + 1]}`).toBe(true);
    }
  });

  it('hardened example: its launch already meets what the probe proved', () => {
    const run = runs.get('examples/node-mcp-server')!;
    const p = run.report.targets.find((t) => t.dockerfile === 'examples/node-mcp-server/Dockerfile')?.probe;
    expect(p?.status).toBe('passed');
    expect(run.report.findings.filter((x) => x.ruleId === 'MCG514')).toEqual([]);
  });
});
