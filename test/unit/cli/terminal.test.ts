/** The CLI's terminal filter: no control character gets through, except the colour the table asks for on stdout. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { terminalSafe } from '../../../src/cli/terminal.js';

// every C0/C1 control but TAB and LF, and the bidi overrides/isolates
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_CHARS = ['\u001b', '\u009b', '\u0007', '\r', '\u0000', '\u202e', '\u0085', '[', ']', '2J', ';', 'm', 'a'];

describe('terminalSafe', () => {
  it('leaves no control character in any text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...CONTROL_CHARS), fc.string({ unit: 'binary' }))), (parts) => {
        expect(terminalSafe(parts.join(''))).not.toMatch(FORBIDDEN);
      }),
    );
  });

  it('with keepColour, lets only SGR colour sequences keep their ESC', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...CONTROL_CHARS), fc.string({ unit: 'binary' }))), (parts) => {
        const out = terminalSafe(parts.join(''), { keepColour: true });
        // take out the kept colour sequences: nothing else may hold a control character
        expect(out.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(FORBIDDEN);
      }),
    );
  });

  it('keeps the table reporter colours and drops a cursor move or a screen clear', () => {
    expect(terminalSafe('\u001b[1m\u001b[31mHIGH\u001b[39m\u001b[22m', { keepColour: true })).toBe('\u001b[1m\u001b[31mHIGH\u001b[39m\u001b[22m');
    expect(terminalSafe('a\u001b[2Jb\u001b]0;title\u0007c', { keepColour: true })).toBe('a[2Jb]0;titlec');
    expect(terminalSafe('\u001b[31mred', {})).toBe('[31mred');
  });
});
