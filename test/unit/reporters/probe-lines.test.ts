/** The runtime probe in the terminal table (what `npm run demo` prints): the verdict and the proven docker run line. */
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../../src/reporters/table.js';
import { probeLines, probeSection } from '../../../src/reporters/probe-section.js';
import { makeReport } from '../../support/report-builder.js';
import type { ProbeSummary } from '../../../src/core/probe/options.js';

const base: ProbeSummary = {
  image: 'mcg-scan/app:1',
  transport: 'stdio',
  status: 'passed',
  culprits: [],
  profile: ['--read-only', '--tmpfs', '/tmp', '--user', '65532:65532', '--network', 'none'],
  proven: ['--read-only', '--tmpfs', '/tmp', '--user', '65532:65532', '--network', 'none'],
  envNames: [],
  tools: [{ name: 'add_note', descriptionHash: 'a', schemaHash: 'b' }],
  starts: 1,
  durationMs: 900,
};
const target = (probe: ProbeSummary): ReturnType<typeof makeReport>['targets'][number] => ({ name: 'Dockerfile', dockerfile: 'Dockerfile', context: '.', probe });

describe('probeLines', () => {
  it('a passing image: the verdict, its tools and the proven docker run line, in the table', () => {
    const out = renderTable(makeReport({ targets: [target(base)] }), { color: false });
    expect(out).toContain('Runtime probe: Dockerfile: passed under least privilege; 1 tool(s): add_note; 1 start(s)');
    expect(out).toContain('  proven profile: docker run -i --rm --init --read-only --tmpfs /tmp --user 65532:65532 --network none mcg-scan/app:1');
    expect(out.indexOf('Runtime probe:')).toBeLessThan(out.indexOf('Result:'));
  });

  it('a hardened failure names the flag taken away; a broken image has no profile line', () => {
    const hardened = probeLines(makeReport({ targets: [target({ ...base, status: 'hardened-fails', culprits: ['read-only'], proven: ['--user', '65532:65532'] })] }));
    expect(hardened[0]).toContain('works only with a flag taken away (not with read-only)');
    expect(hardened[1]).toContain('docker run -i --rm --init --user 65532:65532 mcg-scan/app:1');
    const broken = probeLines(makeReport({ targets: [target({ ...base, status: 'broken', proven: undefined, tools: [] })] }));
    expect(broken).toEqual(['Runtime probe: Dockerfile: does not answer MCP at all; no tools; 1 start(s)']);
  });

  it('no probe: no lines; hostile names are made plain', () => {
    expect(probeLines(makeReport())).toEqual([]);
    const lines = probeLines(makeReport({ targets: [target({ ...base, tools: [{ name: 'x\u001b[31mred', descriptionHash: 'a', schemaHash: 'b' }] })] }));
    expect(lines.join('\n')).not.toContain('\u001b');
  });

  it('the tool surface drift: counts when compared, the reason when not, in the table and the summary', () => {
    const compared = makeReport({ targets: [target({ ...base, drift: { compared: true, added: 1, removed: 0, changed: 2 } })] });
    expect(probeLines(compared)[1]).toBe('  Tool surface against the baseline: 1 added, 0 removed, 2 changed (MCG407-MCG409).');
    expect(probeSection(compared, 3).replace(/\\/g, '')).toContain('  - Tool surface against the baseline: 1 added, 0 removed, 2 changed (MCG407-MCG409).');
    const same = probeLines(makeReport({ targets: [target({ ...base, drift: { compared: true, added: 0, removed: 0, changed: 0 } })] }));
    expect(same[1]).toBe('  Tool surface: the same as the baseline.');
    const not = makeReport({ targets: [target({ ...base, drift: { compared: false, reason: 'no baseline' } })] });
    expect(probeLines(not)[1]).toBe('  Tool surface drift not compared: no baseline.');
    expect(probeSection(not, 3).replace(/\\/g, '')).toContain('Tool surface drift not compared: no baseline.');
  });
});
