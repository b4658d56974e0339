/** Which tool surface of the baseline the probe of a target compares against, or why none. */
import { describe, expect, it } from 'vitest';
import { baselineSurface } from '../../../src/engine/pipeline-scanners.js';
import type { Baseline } from '../../../src/core/merge.js';
import { parseReport } from '../../../src/engine/artifact-reports.js';
import { surfacesOfReport } from '../../../src/core/probe/surface.js';
import { makeReport } from '../../support/report-builder.js';

const tools = [{ name: 'a', descriptionHash: 'd', schemaHash: 's' }];
const b = (over: Partial<Baseline>): Baseline => ({ source: 'file', fingerprints: new Set(), entries: [], ...over });

describe('baselineSurface', () => {
  it('the target\'s surface from a report JSON baseline', () => {
    expect(baselineSurface(b({ surfaces: new Map([['app', tools]]) }), 'app')).toEqual({ tools });
  });
  it('says why there is none: no baseline, a SARIF or code-scanning baseline, no probe of the target', () => {
    expect(baselineSurface(undefined, 'app')).toEqual({ none: 'no baseline' });
    expect(baselineSurface(b({ source: 'code-scanning' }), 'app')).toEqual({ none: expect.stringMatching(/code-scanning SARIF.*report JSON/) });
    expect(baselineSurface(b({}), 'app')).toEqual({ none: expect.stringMatching(/records no tool surface/) });
    expect(baselineSurface(b({ surfaces: new Map([['other', tools]]) }), 'app')).toEqual({ none: 'the baseline has no probe of app that completed a handshake' });
  });
});

describe('the tool surface in the report schema', () => {
  const H = 'a'.repeat(64);
  const probe = {
    image: 'app:1',
    transport: 'stdio' as const,
    status: 'passed' as const,
    culprits: [],
    profile: [],
    envNames: [],
    tools: [{ name: 'rm', descriptionHash: H, schemaHash: H, annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true } }],
    starts: 1,
    durationMs: 1,
  };
  const text = (p: unknown): string => JSON.stringify(makeReport({ targets: [{ name: 'Dockerfile', dockerfile: 'Dockerfile', probe: p as typeof probe }] }));
  it('accepts the four hints and both forms of drift', () => {
    expect(() => parseReport(text({ ...probe, drift: { compared: true, added: 1, removed: 0, changed: 0 } }), 'x')).not.toThrow();
    expect(() => parseReport(text({ ...probe, drift: { compared: false, reason: 'no baseline' } }), 'x')).not.toThrow();
    const back = surfacesOfReport(JSON.parse(text(probe)) as Record<string, unknown>);
    expect(back.get('Dockerfile')).toEqual(probe.tools);
  });
  it('rejects other annotations and a drift with neither counts nor reason', () => {
    expect(() => parseReport(text({ ...probe, tools: [{ ...probe.tools[0], annotations: { title: 'x' } }] }), 'x')).toThrow(/not an mcg report/);
    expect(() => parseReport(text({ ...probe, drift: { compared: true } }), 'x')).toThrow(/not an mcg report/);
  });
});
