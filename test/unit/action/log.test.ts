import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ActionLog, logLine } from '../../../src/action/log.js';
import { SecretRegistry } from '../../../src/core/secret-registry.js';

const SEED = Number(process.env['FC_SEED'] ?? Date.now() % 2 ** 31);
const RUNS = { numRuns: 500, seed: SEED };

/** How the runner reads a log line: after leading whitespace, `::` starts a command. */
function isCommand(line: string): boolean {
  return line.trimStart().startsWith('::');
}

const hostile = fc.string({ unit: fc.oneof(fc.constantFrom(':', '\n', '\r', '%', ',', ' ', '\u001b', '\u009b', 'x', '='), fc.string({ minLength: 1, maxLength: 1 })), maxLength: 60 });

function capture(): { log: ActionLog; lines: string[]; secrets: SecretRegistry } {
  const lines: string[] = [];
  const secrets = new SecretRegistry();
  const log = new ActionLog(secrets, (l) => lines.push(...l.split('\n')));
  return { log, lines, secrets };
}

describe('ActionLog', () => {
  it('info() of untrusted text never yields a command line, a line break or a control character', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const line = logLine(text);
        expect(isCommand(line)).toBe(false);
        expect(line).not.toMatch(/[\r\n\u001b\u009b]/);
      }),
      RUNS,
    );
  });

  it('the attack names stay text', () => {
    const { log, lines } = capture();
    for (const n of ['a\n::stop-commands::x\nb', '::error title=Forged::pwned', '  ::add-mask::hello', '\r::warning::x']) {
      log.info(`skipped ${n}`);
      log.info(n);
    }
    expect(lines.filter(isCommand)).toEqual([]);
  });

  it('warning/error/notice issue exactly one command whose data cannot break out', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const { log, lines } = capture();
        log.warning(text);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^::warning::[^\r\n]*$/);
      }),
      RUNS,
    );
  });

  it('command properties are escaped (%, CR, LF, :, ,)', () => {
    const { log, lines } = capture();
    log.command('error', { file: 'a,b:c%\nd', title: 'x' }, 'm');
    expect(lines).toEqual(['::error file=a%2Cb%3Ac%25%0Ad,title=x::m']);
  });

  it('redacts registered secrets in every line and fences blocks with a random token', () => {
    const { log, lines, secrets } = capture();
    secrets.add('s3cr3t-value');
    log.info('the value is s3cr3t-value');
    log.block('build output', 'line 1\n::add-mask::s3cr3t-value\n::error::forged');
    expect(lines.join('\n')).not.toContain('s3cr3t-value');
    const start = lines.find((l) => l.startsWith('::stop-commands::'))!;
    const token = start.slice('::stop-commands::'.length);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(lines.at(-1)).toBe(`::${token}::`);
  });

  it('refuses a rendered annotation that is not exactly one command line', () => {
    const { log } = capture();
    expect(() => log.rawCommand('::error::a\n::stop-commands::x')).toThrow();
  });
});
