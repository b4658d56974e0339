/** The report's "not rescanned" section: every value from the (untrusted) matrix is inert markdown. */
import { describe, expect, it } from 'vitest';
import { MAX_LISTED, notRescannedSection } from '../../../src/reporters/not-rescanned.js';

describe('notRescannedSection', () => {
  it('is empty when nothing was skipped', () => expect(notRescannedSection([])).toBe(''));

  it('lists each target with its reason, escaped', () => {
    const md = notRescannedSection([{ target: 'servers-a', dockerfile: 'servers/a/Dockerfile', reason: 'not rescanned: <img src=x> @octocat [x](javascript:alert(1))\n# heading' }]);
    expect(md).toMatch(/### Not rescanned \(changed-only\): 1 target\n/);
    expect(md).toContain('- `servers/a/Dockerfile` (`servers-a`): ');
    expect(md).not.toContain('<img');
    expect(md).not.toContain('](javascript');
    expect(md).not.toMatch(/@octocat/);
    expect(md.split('\n').some((l) => l.startsWith('# heading'))).toBe(false);
  });

  it(`lists at most ${MAX_LISTED} one by one`, () => {
    const md = notRescannedSection(Array.from({ length: MAX_LISTED + 7 }, (_, i) => ({ target: `t${i}`, dockerfile: `s${i}/Dockerfile`, reason: 'r' })));
    expect(md.split('\n').filter((l) => l.startsWith('- `'))).toHaveLength(MAX_LISTED);
    expect(md).toContain('- and 7 more');
  });
});
