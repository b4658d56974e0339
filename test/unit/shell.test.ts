import { describe, expect, it } from 'vitest';
import { parseShell } from '../../src/core/dockerfile/shell.js';

const argvs = (src: string) => parseShell(src).map((c) => c.argv);

describe('parseShell: braces', () => {
  it('keeps ${VAR} and ${VAR:-default} inside their word', () => {
    expect(argvs('curl -o- https://example.com/v${V}/install.sh | bash')).toEqual([
      ['curl', '-o-', 'https://example.com/v${V}/install.sh'],
      ['bash'],
    ]);
    expect(argvs('echo ${A:-x y}z; ls')).toEqual([['echo', '${A:-x y}z'], ['ls']]);
  });

  it('keeps brace expansion inside its word', () => {
    expect(argvs('cp a.{json,lock} /dst')).toEqual([['cp', 'a.{json,lock}', '/dst']]);
  });

  it('still splits { …; } groups and ( … ) subshells into their commands', () => {
    expect(argvs('{ echo a; echo b; } && (cd x && make)')).toEqual([['echo', 'a'], ['echo', 'b'], ['cd', 'x'], ['make']]);
  });

  it('pipes keep their operator', () => {
    const cmds = parseShell('curl -fsSL u | sh -s -- -y');
    expect(cmds.map((c) => c.op)).toEqual(['|', '']);
  });
});
