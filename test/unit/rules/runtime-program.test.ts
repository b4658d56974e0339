import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { programNameOf, programOf } from '../../../src/rules/dockerfile/runtime.js';

describe('programNameOf: the name programOf gives, without the argument list', () => {
  it('agrees with programOf on wrapped, busybox and plain commands', () => {
    const word = fc.constantFrom('sudo', '-E', 'env', 'A=1', '--', 'exec', 'time', 'nohup', 'command', 'busybox', '/bin/busybox', 'wget', '/usr/bin/curl', 'pip', 'npm', 'ci', '-', '', 'x/y/', 'python3.12');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 7 }), (argv) => {
        expect(programNameOf(argv)).toBe(programOf(argv).name);
      }),
      { numRuns: 2000 },
    );
    expect(programNameOf(['sudo', '-u', 'x', 'busybox', 'wget', 'u'])).toBe(programOf(['sudo', '-u', 'x', 'busybox', 'wget', 'u']).name);
    expect(programNameOf(['/bin/busybox', 'wget'])).toBe('wget');
    expect(programNameOf([])).toBe('');
  });
});
