/** Which tool surface of the baseline the probe of a target compares against, or why none. */
import { describe, expect, it } from 'vitest';
import { baselineSurface } from '../../../src/engine/pipeline-scanners.js';
import type { Baseline } from '../../../src/core/merge.js';

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
