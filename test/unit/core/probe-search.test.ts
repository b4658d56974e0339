import { describe, expect, it } from 'vitest';
import { leastPrivilege, probeUser, runArgs, type FlagGroup, type ProfileFlag } from '../../../src/core/probe/profile.js';
import { MAX_EXTRA_STARTS, searchProfile, type Attempt } from '../../../src/core/probe/search.js';

/** A server that passes unless any of `breaks` is in the flags it runs with; `broken` never passes. */
function fakeStart(breaks: FlagGroup[], broken = false) {
  const seen: ProfileFlag[][] = [];
  const start = (flags: ProfileFlag[]): Promise<Attempt> => {
    seen.push(flags);
    const ok = !broken && !flags.some((f) => breaks.includes(f.group));
    return Promise.resolve({ flags, ok, stderr: '', nonJson: [], durationMs: 1 });
  };
  return { start, seen };
}

describe('least-privilege profile', () => {
  it('uses the image user, or 65532 for none or root', () => {
    expect(probeUser('app')).toBe('app');
    expect(probeUser('')).toBe('65532:65532');
    expect(probeUser('root')).toBe('65532:65532');
    expect(probeUser('0:0')).toBe('65532:65532');
  });
  it('builds docker run argv with -i --rm --init, a label, the flags, and env names only', () => {
    const args = runArgs({ image: 'img:1', name: 'n', flags: leastPrivilege({ imageUser: '', transport: 'stdio' }), envNames: ['API_KEY'], runId: 'r1' });
    expect(args.slice(0, 4)).toEqual(['run', '-i', '--rm', '--init']);
    for (const w of ['--read-only', '--cap-drop', 'no-new-privileges', '--network', 'none', '--memory', '--pids-limit']) expect(args).toContain(w);
    expect(args).toContain('65532:65532');
    expect(args.slice(-3)).toEqual(['-e', 'API_KEY', 'img:1']);
  });
  it('has no --network none for http servers', () => {
    expect(leastPrivilege({ imageUser: 'app', transport: 'http' }).some((f) => f.group === 'network')).toBe(false);
  });
});

describe('bounded search', () => {
  const profile = leastPrivilege({ imageUser: 'app', transport: 'stdio' });
  it('passes with one start when the server survives the profile', async () => {
    const f = fakeStart([]);
    const v = await searchProfile(profile, f.start);
    expect(v.status).toBe('passed');
    expect(f.seen).toHaveLength(1);
  });
  it.each(['read-only', 'user', 'network', 'capabilities', 'limits'] as FlagGroup[])('names %s when only that group breaks it', async (g) => {
    const f = fakeStart([g]);
    const v = await searchProfile(profile, f.start);
    expect(v.status).toBe('hardened-fails');
    expect(v.culprits).toEqual([g]);
    expect(v.proven?.some((x) => x.group === g)).toBe(false);
    expect(f.seen.length - 1).toBeLessThanOrEqual(MAX_EXTRA_STARTS);
  });
  it('tells broken from breaks-when-hardened with a start without profile', async () => {
    const f = fakeStart([], true);
    const v = await searchProfile(profile, f.start);
    expect(v.status).toBe('broken');
    expect(f.seen[1]).toEqual([]);
    expect(f.seen).toHaveLength(2);
  });
  it('stays within 6 extra starts and names no culprit when two groups break it', async () => {
    const f = fakeStart(['read-only', 'user']);
    const v = await searchProfile(profile, f.start);
    expect(v.culprits).toEqual([]);
    expect(f.seen.length - 1).toBeLessThanOrEqual(MAX_EXTRA_STARTS);
  });
});
