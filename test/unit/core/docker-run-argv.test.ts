/**
 * The `docker run` argument reader: pflag's parsing rules, `docker … run` found in a command, the
 * shell splitter of README fences. Docker's documented flag table: docker-run-flag-table.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boolFlag, dockerRunStart, lastFlag, readDockerRun, type Word } from '../../../src/core/docker-run/argv.js';
import { BOOL_FLAGS, VALUE_FLAGS } from '../../../src/core/docker-run/flags.js';
import { splitShell, consoleCommands } from '../../../src/core/docker-run/words.js';

const w = (...a: string[]): Word[] => a.map((value, i) => ({ value, line: i + 1 }));

describe('readDockerRun', () => {
  it('reads long, =, short, attached and grouped flags; the image; the server args', () => {
    const r = readDockerRun(w('-it', '--rm', '--name=x', '-e', 'A=1', '-eB=2', '-e=C', '-itp8080:80', '--net', 'host', 'img:1', '--rm', '-v', 'x'));
    expect(r.flags.map((f) => [f.name, f.value])).toEqual([
      ['interactive', 'true'], ['tty', 'true'], ['rm', 'true'], ['name', 'x'], ['env', 'A=1'], ['env', 'B=2'], ['env', 'C'],
      ['interactive', 'true'], ['tty', 'true'], ['publish', '8080:80'], ['network', 'host'],
    ]);
    expect(r.image?.value).toBe('img:1');
    expect(r.args.map((a) => a.value)).toEqual(['--rm', '-v', 'x']);
    expect(r.errors).toEqual([]);
  });
  it('-- ends the flags; booleans take =false', () => {
    const r = readDockerRun(w('--rm=false', '-i=false', '--', '-image-like'));
    expect(boolFlag(r, 'rm')).toBe(false);
    expect(boolFlag(r, 'interactive')).toBe(false);
    expect(r.image?.value).toBe('-image-like');
  });
  it('reports what Docker refuses: unknown flag, missing value, no image', () => {
    expect(readDockerRun(w('--bogus', 'img')).errors[0]!.message).toMatch(/unknown flag --bogus/);
    expect(readDockerRun(w('-Z', 'img')).errors[0]!.message).toMatch(/unknown shorthand/);
    expect(readDockerRun(w('-i', '--user')).errors[0]!.message).toMatch(/needs an argument/);
    expect(readDockerRun(w('-i')).errors[0]!.message).toMatch(/no image/);
  });
  it('the last value of a flag wins', () => {
    expect(lastFlag(readDockerRun(w('-u', 'root', '--user=1000', 'img')), 'user')?.value).toBe('1000');
  });
  it('finds run after global options and in docker container run', () => {
    expect(dockerRunStart(w('docker', '--context', 'x', 'run', 'img'))).toBe(4);
    expect(dockerRunStart(w('/usr/bin/docker', 'container', 'run', 'img'))).toBe(3);
    expect(dockerRunStart(w('docker', 'mcp', 'gateway', 'run'))).toBe(-1);
    expect(dockerRunStart(w('npx', 'run'))).toBe(-1);
  });
  it('property: any mix of known flags and values is read back (seed printed on failure)', () => {
    const bools = [...BOOL_FLAGS];
    const vals = [...VALUE_FLAGS];
    const flag = fc.oneof(
      fc.constantFrom(...bools).map((n) => ({ words: [`--${n}`], name: n, value: 'true' })),
      fc.tuple(fc.constantFrom(...vals), fc.stringMatching(/^[a-z0-9=:/.]{1,8}$/)).map(([n, v]) => ({ words: [`--${n}`, v], name: n, value: v })),
      fc.tuple(fc.constantFrom(...vals), fc.stringMatching(/^[a-z0-9:/.]{1,8}$/)).map(([n, v]) => ({ words: [`--${n}=${v}`], name: n, value: v })),
    );
    fc.assert(
      fc.property(fc.array(flag, { maxLength: 12 }), (fs) => {
        const r = readDockerRun(w(...fs.flatMap((f) => f.words), 'img', '--x'));
        expect(r.errors).toEqual([]);
        expect(r.flags.map((f) => [f.name, f.value])).toEqual(fs.map((f) => [f.name, f.value]));
        expect(r.image?.value).toBe('img');
      }),
    );
  });
});

describe('splitShell', () => {
  it('joins continuation lines, removes quotes, keeps lines, stops at operators and comments', () => {
    const s = splitShell('docker run -i \\\n  -e "A=b c" \\\n  \'img:1\' # note\necho hi && ls', 10);
    expect(s.commands.map((c) => c.map((x) => x.value))).toEqual([['docker', 'run', '-i', '-e', 'A=b c', 'img:1'], ['echo', 'hi'], ['ls']]);
    expect(s.commands[0]!.map((x) => x.line)).toEqual([10, 10, 10, 11, 11, 12]);
  });
  it('reports an unterminated quote with its line', () => {
    expect(splitShell('docker run -e "A=1 img\n', 5).error).toEqual({ line: 5, message: expect.stringMatching(/unterminated double quote/) });
  });
  it('console: only prompted lines are commands', () => {
    expect(consoleCommands('$ docker run -i x\nsome output\n$ ls')).toBe('docker run -i x\n\nls');
  });
});
