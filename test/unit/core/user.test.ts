import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { goAtoi, isRootUserSpec, passwdUid } from '../../../src/core/user.js';

describe('goAtoi (strconv.Atoi as runc reads a uid)', () => {
  it.each([
    ['0', 0], ['000', 0], ['+0', 0], ['-0', 0], ['0100', 100], ['+10001', 10001], ['-1', -1],
  ])('%s is %d', (text, n) => expect(goAtoi(text)).toBe(n));
  it.each(['', '+', '0x0', ' 0', '0 ', '1e3', 'root', '9223372036854775808'])('%j is not a number', (text) => {
    expect(goAtoi(text)).toBeUndefined();
  });
});

describe('isRootUserSpec', () => {
  it.each(['root', '0', '000', '00:1000', '+0:wheel', '-0', '0:0', 'root:root', ''])('%j is root', (spec) => {
    expect(isRootUserSpec(spec)).toBe(true);
  });
  it.each(['app', '10001', '1000:0', 'node:node', '0100', 'rootless'])('%j is not root', (spec) => {
    expect(isRootUserSpec(spec)).toBe(false);
  });
  it('resolves names in /etc/passwd: the UID decides', () => {
    const passwd = 'root:x:0:0::/root:/bin/sh\napp:x:0:0::/app:/bin/sh\nsvc:x:999:999::/:/bin/false\n';
    expect(passwdUid(passwd, 'app')).toBe(0);
    expect(isRootUserSpec('app', passwd)).toBe(true);
    expect(isRootUserSpec('app:svc', passwd)).toBe(true);
    expect(isRootUserSpec('svc', passwd)).toBe(false);
    // a numeric user is a UID, never looked up as a name
    expect(isRootUserSpec('999', 'x999:x:0:0::/:/bin/sh\n')).toBe(false);
  });
  it('every spelling of UID 0 (sign, leading zeros, any group) is root, every other UID is not', () => {
    const spelling = fc.tuple(
      fc.constantFrom('', '+', '-'),
      fc.nat({ max: 6 }),
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.option(fc.stringMatching(/^[a-z0-9+-]{0,8}$/), { nil: undefined }),
    );
    fc.assert(
      fc.property(spelling, ([sign, zeros, uid, group]) => {
        const spec = `${sign}${'0'.repeat(zeros)}${uid}${group === undefined ? '' : `:${group}`}`;
        expect(isRootUserSpec(spec)).toBe(uid === 0);
      }),
      { verbose: true },
    );
  });
});
