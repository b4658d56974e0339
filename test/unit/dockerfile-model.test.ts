import { describe, expect, it } from 'vitest';
import {
  blankWords,
  chainInstructions,
  commandsOf,
  expand,
  finalStage,
  imageEnv,
  normalizedText,
  parseDockerfile,
  parseImageRef,
  resolveStageRef,
  rootImage,
  runScript,
  stageChain,
  variablesAt,
} from '../../src/core/dockerfile/model.js';
import { effectiveArgv, parseShell, programName } from '../../src/core/dockerfile/shell.js';

const parse = (text: string) => parseDockerfile('Dockerfile', text);
const argvs = (src: string) => parseShell(src).map((c) => c.argv);

describe('parseDockerfile: structure', () => {
  it('reports an empty file as a fatal issue', () => {
    for (const text of ['', '\n\n', '# only a comment\n']) {
      const m = parse(text);
      expect(m.stages).toEqual([]);
      expect(m.issues).toHaveLength(1);
      expect(m.issues[0]).toMatchObject({ line: 1, fatal: true });
      expect(m.issues[0]!.message).toContain('empty');
    }
  });

  it('refuses a file whose first instruction before FROM is not an ARG, as BuildKit does (no build stage)', () => {
    const m = parse('ARG V=1\nRUN echo hi\nCMD ["x"]\n');
    expect(m.issues.map((i) => [i.line, i.fatal])).toEqual([
      [2, true],
      [1, true],
    ]);
    expect(m.issues[0]!.message).toContain('RUN before the first FROM');
    expect(m.issues[1]!.message).toContain('no FROM');
  });

  it.each([
    ['an unknown instruction', 'FROM alpine:3.20\nRUNN echo typo\nUSER app\n', 2, 'unknown instruction "RUNN"'],
    ['a misspelt FROM', 'FORM debian\n', 1, 'unknown instruction "FORM"'],
    ['an unknown flag', 'FROM alpine\nCOPY --chmodd=644 a /b\n', 2, 'unknown flag: --chmodd'],
    ['a missing destination', 'FROM alpine\nUSER app\nCOPY a\n', 3, 'COPY requires at least two arguments'],
    ['FROM with two words', 'FROM alpine latest\n', 1, 'FROM requires either one or three arguments'],
    ['ONBUILD FROM', 'FROM alpine\nONBUILD FROM x\n', 2, "FROM isn't allowed as an ONBUILD trigger"],
    ['a flag ENV does not take', 'FROM alpine\nENV --x=1 A=b\n', 2, 'unknown flag: --x'],
    ['an interval under a millisecond', 'FROM alpine\nHEALTHCHECK --interval=10us CMD true\n', 2, 'cannot be less than 1ms'],
    ['a network mode BuildKit does not know', 'FROM alpine\nRUN --network=bridge true\n', 2, 'invalid network mode'],
  ])('refuses the whole file at %s, on its line, as BuildKit does', (_n, text, line, message) => {
    const m = parse(text);
    const fatal = m.issues.filter((i) => i.fatal);
    expect(fatal[0]).toMatchObject({ line, fatal: true });
    expect(fatal[0]!.message).toContain(message);
  });

  it.each([
    ['STOPSIGNAL, which reads no flags', 'FROM alpine\nSTOPSIGNAL --x SIGTERM\n'],
    ['ONBUILD of an unknown instruction (read only when a child is built)', 'FROM alpine\nONBUILD FOO bar\n'],
    ['a HEALTHCHECK NONE with flags', 'FROM alpine\nHEALTHCHECK --bogus NONE\n'],
    ['a mount whose type is checked only after expansion', 'FROM alpine\nRUN --mount=type=nonsense true\n'],
  ])('accepts %s, as BuildKit does', (_n, text) => {
    expect(parse(text).issues.filter((i) => i.fatal)).toEqual([]);
  });

  it('never echoes the value of a pasted .env line in the unknown-instruction message', () => {
    const token = `ghp_${'a1B2c3D4e5'.repeat(4)}`;
    for (const line of [`GITHUB_TOKEN=${token}`, `${token}`, `export API_KEY=${token}`]) {
      const m = parse(`FROM alpine:3.20\n${line}\n`);
      const message = m.issues.map((i) => i.message).join('\n');
      expect(message).toContain('unknown instruction');
      // no 8-character piece of the token, in any letter case
      for (let i = 0; i + 8 <= token.length; i++) expect(message.toUpperCase()).not.toContain(token.slice(i, i + 8).toUpperCase());
    }
  });

  it('numbers lines from 1 and spans continuation lines', () => {
    const m = parse('FROM alpine:3.20\n\nRUN apk add \\\n    curl \\\n    jq\nUSER 1000\n');
    const [run, user] = m.stages[0]!.instructions;
    expect(run).toMatchObject({ keyword: 'RUN', line: 3, endLine: 5 });
    expect(user).toMatchObject({ keyword: 'USER', line: 6, endLine: 6 });
    expect(argvs(runScript(run!))).toEqual([['apk', 'add', 'curl', 'jq']]);
    expect(normalizedText(run!)).toBe('RUN apk add curl jq');
  });

  it('skips comment lines inside a continuation', () => {
    const m = parse('FROM alpine:3.20\nRUN apk add \\\n# a comment\n    curl\n');
    const run = m.stages[0]!.instructions[0]!;
    expect(run.endLine).toBe(4);
    expect(argvs(runScript(run))).toEqual([['apk', 'add', 'curl']]);
  });

  it('reads stages by name and by index, case-insensitively', () => {
    const m = parse('FROM node:22 AS Build\nRUN npm ci\nFROM build AS test\nFROM node:22-slim\nCOPY --from=Build /a /a\nCOPY --from=1 /b /b\n');
    expect(m.stages.map((s) => [s.index, s.name, s.parent])).toEqual([
      [0, 'Build', undefined],
      [1, 'test', 0],
      [2, undefined, undefined],
    ]);
    expect(resolveStageRef(m, 'build', 2)).toBe(0);
    expect(resolveStageRef(m, '1', 2)).toBe(1);
    expect(resolveStageRef(m, '2', 2)).toBeUndefined(); // a stage cannot copy from itself or later ones
    expect(resolveStageRef(m, 'nginx:1.25', 2)).toBeUndefined();
    expect(finalStage(m)!.index).toBe(2);
    expect(finalStage(m, 'test')!.index).toBe(1);
    expect(finalStage(m, 'nope')!.index).toBe(2);
  });

  it('follows FROM <stage> chains for instructions and the root image', () => {
    const m = parse('FROM python:3.12 AS base\nENV A=1\nFROM base AS deps\nRUN pip install x\nFROM deps\nUSER app\n');
    const last = finalStage(m)!;
    expect(stageChain(m, last).map((s) => s.index)).toEqual([0, 1, 2]);
    expect(chainInstructions(m, last).map((i) => i.keyword)).toEqual(['ENV', 'RUN', 'USER']);
    expect(rootImage(m, last)).toMatchObject({ repository: 'python', tag: '3.12' });
    expect(imageEnv(m, last).get('A')?.value).toBe('1');
  });

  it('reads --platform and other FROM flags', () => {
    const m = parse('FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM --platform=linux/amd64 alpine:3.20\n');
    expect(m.stages[0]!.platform).toBe('$BUILDPLATFORM');
    expect(m.stages[0]!.base).toBe('golang:1.23');
    expect(m.stages[0]!.name).toBe('build');
    expect(m.stages[1]!.platform).toBe('linux/amd64');
    expect(m.stages[1]!.image).toMatchObject({ repository: 'alpine', tag: '3.20' });
  });

  it('reads COPY/RUN flags, repeated flags and keeps them in the normalised text', () => {
    const m = parse(
      'FROM alpine:3.20\nCOPY --from=nginx:1.25 --chown=1000:1000 /etc/nginx /etc/nginx\n' +
        'RUN --mount=type=cache,target=/var/cache/apk --mount=type=secret,id=npm apk add curl\nCOPY --link . /app\n',
    );
    const [copy, run, link] = m.stages[0]!.instructions;
    expect(copy!.flags).toEqual({ from: ['nginx:1.25'], chown: ['1000:1000'] });
    expect(copy!.rest).toBe('/etc/nginx /etc/nginx');
    expect(run!.flags['mount']).toEqual(['type=cache,target=/var/cache/apk', 'type=secret,id=npm']);
    expect(run!.rest).toBe('apk add curl');
    expect(argvs(runScript(run!))).toEqual([['apk', 'add', 'curl']]);
    expect(link!.flags).toEqual({ link: [''] });
    // versions and numeric ids are masked so that fingerprints survive version bumps
    expect(normalizedText(copy!)).toBe('COPY --from=nginx:<v> --chown=<v> /etc/nginx /etc/nginx');
    expect(normalizedText(copy!)).not.toBe(normalizedText(parse('FROM a\nCOPY --from=other /etc/nginx /etc/nginx\n').stages[0]!.instructions[0]!));
  });

  it('reads HEALTHCHECK flags and exec form', () => {
    const m = parse('FROM alpine:3.20\nHEALTHCHECK --interval=30s --timeout=3s CMD ["wget", "-qO-", "http://localhost/"]\n');
    const hc = m.stages[0]!.instructions[0]!;
    expect(hc.flags).toEqual({ interval: ['30s'], timeout: ['3s'] });
    expect(hc.json).toEqual(['wget', '-qO-', 'http://localhost/']);
    expect(commandsOf(hc)[0]!.argv).toEqual(['wget', '-qO-', 'http://localhost/']);
  });

  it('reads exec form, and a shell form that only looks like JSON', () => {
    const m = parse('FROM alpine:3.20\nCMD ["node", "index.js"]\nENTRYPOINT [not json]\nRUN ["sh", "-c", "apk add curl && rm -rf /x"]\n');
    const [cmd, ep, run] = m.stages[0]!.instructions;
    expect(cmd!.json).toEqual(['node', 'index.js']);
    expect(ep!.json).toBeUndefined();
    expect(commandsOf(run!).map((c) => c.argv)).toEqual([
      ['apk', 'add', 'curl'],
      ['rm', '-rf', '/x'],
    ]);
  });

  it('reads ENV/ARG properties in both syntaxes', () => {
    const m = parse('FROM alpine:3.20\nENV A=1 B="two words"\nENV C 3 4\nARG D\nARG E=5\n');
    const props = m.stages[0]!.instructions.map((i) => i.properties.map((p) => [p.name, p.value]));
    expect(props).toEqual([
      [
        ['A', '1'],
        ['B', 'two words'],
      ],
      [['C', '3 4']],
      [['D', undefined]],
      [['E', '5']],
    ]);
  });
});

describe('parser directives and the escape character', () => {
  it('reads escape=` and joins continuation lines with it', () => {
    const m = parse('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a `\n    && echo b\n');
    expect(m.escape).toBe('`');
    expect(m.directives).toEqual({ escape: '`' });
    const run = m.stages[0]!.instructions[0]!;
    expect(run).toMatchObject({ line: 3, endLine: 4 });
    expect(argvs(runScript(run))).toEqual([
      ['echo', 'a'],
      ['echo', 'b'],
    ]);
  });

  it('reads the syntax directive and ignores directives after the first instruction', () => {
    const m = parse('# syntax=docker/dockerfile:1.7\n# check=skip=all\nFROM alpine:3.20\n# escape=`\nRUN echo \\\n  hi\n');
    expect(m.directives['syntax']).toBe('docker/dockerfile:1.7');
    expect(m.escape).toBe('\\');
    expect(m.stages[0]!.instructions[0]!.endLine).toBe(6);
  });
});

describe('heredocs', () => {
  it('runs the body of RUN <<EOF as the script', () => {
    const m = parse('FROM debian:bookworm-slim\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nUSER app\n');
    const [run, user] = m.stages[0]!.instructions;
    expect(run).toMatchObject({ line: 2, endLine: 5 });
    expect(run!.heredocs).toEqual([{ name: 'EOF', body: 'apt-get update\napt-get install -y curl', line: 3 }]);
    expect(argvs(runScript(run!))).toEqual([
      ['apt-get', 'update'],
      ['apt-get', 'install', '-y', 'curl'],
    ]);
    expect(user!.line).toBe(6);
    expect(m.issues).toEqual([]);
  });

  it('strips leading tabs with <<- and accepts a quoted delimiter', () => {
    const m = parse("FROM alpine:3.20\nRUN <<-'END' sh -e\n\tapk add curl\n\tEND\n");
    const run = m.stages[0]!.instructions[0]!;
    expect(run.heredocs[0]).toMatchObject({ name: 'END', body: 'apk add curl' });
    expect(argvs(runScript(run))).toContainEqual(['apk', 'add', 'curl']);
  });

  it('treats a heredoc fed to a program as data, not as shell', () => {
    const m = parse('FROM python:3.12-slim\nRUN python3 <<EOF\nimport os\nprint(os.getcwd())\nEOF\nRUN cat <<EOF > /etc/apt/apt.conf.d/99norec\nAPT::Install-Recommends "false";\nEOF\n');
    const [py, cat] = m.stages[0]!.instructions;
    expect(argvs(runScript(py!))).toEqual([['python3']]);
    expect(argvs(runScript(cat!))).toEqual([['cat', '>', '/etc/apt/apt.conf.d/99norec']]);
    expect(cat!.heredocs[0]!.body).toBe('APT::Install-Recommends "false";');
  });

  it('reports an unterminated heredoc as fatal: BuildKit refuses the file', () => {
    const m = parse('FROM alpine:3.20\nUSER app\nRUN <<EOF\napk add curl\n');
    expect(m.issues).toEqual([expect.objectContaining({ line: 3, fatal: true })]);
    expect(m.issues[0]!.message).toContain('never terminated');
  });

  it('reads COPY heredocs', () => {
    const m = parse('FROM alpine:3.20\nCOPY <<EOF /app/config.json\n{"a": 1}\nEOF\nUSER app\n');
    const copy = m.stages[0]!.instructions[0]!;
    expect(copy.heredocs).toEqual([{ name: 'EOF', body: '{"a": 1}', line: 3 }]);
    expect(m.stages[0]!.instructions[1]!.line).toBe(5);
  });
});

describe('ARG substitution', () => {
  it('substitutes global ARG defaults in FROM, including ${X:-d}', () => {
    const m = parse(
      'ARG REGISTRY=docker.io\nARG PY=3.12\nARG VARIANT\nARG TAG=${PY}-${VARIANT:-slim}\nFROM ${REGISTRY}/library/python:${TAG} AS build\nFROM $REGISTRY/node:${NODE:-22}\n',
    );
    expect([...m.globalArgs]).toEqual([
      ['REGISTRY', 'docker.io'],
      ['PY', '3.12'],
      ['VARIANT', undefined],
      ['TAG', '3.12-slim'],
    ]);
    expect(m.stages[0]!.base).toBe('docker.io/library/python:3.12-slim');
    expect(m.stages[0]!.image).toMatchObject({ registry: 'docker.io', repository: 'python', tag: '3.12-slim', unresolved: false });
    expect(m.stages[1]!.image).toMatchObject({ repository: 'node', tag: '22', unresolved: false });
    expect(m.globalInstructions).toHaveLength(4);
  });

  it('leaves a FROM without a default unresolved', () => {
    const m = parse('ARG BASE\nFROM ${BASE}\n');
    expect(m.stages[0]!.image).toMatchObject({ unresolved: true });
  });

  it('resolves FROM <stage> through an ARG', () => {
    const m = parse('ARG STAGE=build\nFROM alpine:3.20 AS build\nFROM ${STAGE}\n');
    expect(m.stages[1]!.parent).toBe(0);
  });

  it('sees stage ARGs, re-declared global ARGs and ENV at an instruction', () => {
    const m = parse('ARG V=1\nFROM alpine:3.20\nARG V\nARG W=${V}-w\nENV X=$W\nRUN echo\nARG Y=late\n');
    const s = m.stages[0]!;
    const vars = variablesAt(m, s, s.instructions[3]);
    expect([...vars]).toEqual([
      ['V', '1'],
      ['W', '1-w'],
      ['X', '1-w'],
    ]);
    // a global ARG not re-declared in the stage is not visible there
    const m2 = parse('ARG V=1\nFROM alpine:3.20\nRUN echo $V\n');
    expect(variablesAt(m2, m2.stages[0]!).has('V')).toBe(false);
  });

  it('gives each instruction of a chain the variables in force before it, and the end state without one', () => {
    const m = parse('ARG G=g\nFROM alpine:3.20 AS base\nENV A=1\nRUN one\nENV A=2 B=$A\nFROM base\nARG G\nRUN two\nENV C=${B}c\n');
    const [b, d] = [m.stages[0]!, m.stages[1]!];
    const at = (s: typeof b, i: number) => [...variablesAt(m, s, s.instructions[i])];
    expect(at(b, 0)).toEqual([]);
    expect(at(b, 1)).toEqual([['A', '1']]);
    // every value of one ENV line is expanded with the variables before the line (BuildKit's B is 1)
    expect([...variablesAt(m, b)]).toEqual([['A', '2'], ['B', '1']]);
    // the child stage sees its parent's ENV first (the image carries it), then its own re-declared global ARG
    expect(at(d, 1)).toEqual([['A', '2'], ['B', '1'], ['G', 'g']]);
    expect([...variablesAt(m, d)]).toEqual([['A', '2'], ['B', '1'], ['G', 'g'], ['C', '1c']]);
    // asked again (the answer is worked out once per stage): the same, and unchanged by the asking
    expect(at(b, 1)).toEqual([['A', '1']]);
    expect(at(d, 2)).toEqual([['A', '2'], ['B', '1'], ['G', 'g']]);
    // an instruction of another stage's chain: the end state
    expect([...variablesAt(m, b, d.instructions[1])]).toEqual([['A', '2'], ['B', '1']]);
  });

  it('blankWords splits like trim().split(/\\s+/).filter(Boolean)', () => {
    const samples = ['', '   ', 'a', ' a  b\tc\n', 'x\u00a0y\u2003z\u3000', '\ufeffw v', 'python:3.12 AS build', '\t8080/tcp  443 \r\n'];
    for (const t of samples) expect(blankWords(t)).toEqual(t.trim().split(/\s+/).filter(Boolean));
    let seed = 7;
    const chars = ['a', 'b', ' ', '\t', '\n', '\u00a0', '\u2028', '\u200b', '$', '-'];
    for (let k = 0; k < 500; k++) {
      let t = '';
      for (let i = 0; i < 12; i++) t += chars[(seed = (seed * 1103515245 + 12345) & 0x7fffffff) % chars.length];
      expect(blankWords(t)).toEqual(t.trim().split(/\s+/).filter(Boolean));
    }
  });

  it('expand() handles the forms Docker supports', () => {
    const vars = new Map<string, string | undefined>([
      ['A', 'a'],
      ['E', ''],
      ['U', undefined],
    ]);
    expect(expand('$A ${A} ${A:-x} ${E:-x} ${E-x} ${N:-x} ${A:+y} ${E:+y} ${N} $N', vars)).toBe('a a a x  x y  ${N} $N');
    expect(expand('${U:-d}', vars)).toBe('d');
  });
});

describe('parseImageRef', () => {
  it.each([
    ['python:3.12-slim', { repository: 'python', tag: '3.12-slim', registry: undefined, digest: undefined }],
    ['docker.io/library/node:22', { repository: 'node', tag: '22', registry: 'docker.io' }],
    ['localhost:5000/app/x:1@sha256:abc', { repository: 'app/x', tag: '1', registry: 'localhost:5000', digest: 'sha256:abc' }],
    ['ghcr.io/owner/img', { repository: 'owner/img', tag: undefined, registry: 'ghcr.io' }],
    ['owner/img@sha256:def', { repository: 'owner/img', tag: undefined, digest: 'sha256:def' }],
    ['SCRATCH', { scratch: true }],
  ])('%s', (ref, expected) => {
    expect(parseImageRef(ref)).toMatchObject(expected);
  });
});

describe('parseShell', () => {
  it('splits on && || ; | & and newlines, keeping the operator', () => {
    expect(parseShell('a 1 && b || c; d | e & f\ng').map((c) => [c.argv.join(' '), c.op])).toEqual([
      ['a 1', '&&'],
      ['b', '||'],
      ['c', ';'],
      ['d', '|'],
      ['e', '&'],
      ['f', '\n'],
      ['g', ''],
    ]);
  });

  it('removes quotes and escapes, keeps $(…), ${…} and backticks inside words', () => {
    expect(argvs(`echo "a b" 'c d' e\\ f "$(cat /x | wc -l)" \${HOME:-/root}/x \`id -u\``)).toEqual([
      ['echo', 'a b', 'c d', 'e f', '$(cat /x | wc -l)', '${HOME:-/root}/x', '`id -u`'],
    ]);
  });

  it('keeps assignments apart and drops comments', () => {
    const [c] = parseShell('NODE_ENV=production DEBUG= npm ci # install\n');
    expect(c).toMatchObject({ assignments: ['NODE_ENV=production', 'DEBUG='], argv: ['npm', 'ci'] });
  });

  it('does not split redirections like 2>&1 or &>', () => {
    expect(argvs('apt-get update 2>&1 | tee log && make &>/dev/null')).toEqual([
      ['apt-get', 'update', '2>&1'],
      ['tee', 'log'],
      ['make', '&>/dev/null'],
    ]);
  });

  it('treats subshells and { } groups as separators but not {} in find -exec', () => {
    expect(argvs('(cd /x && make) && { echo a; echo b; }')).toEqual([['cd', '/x'], ['make'], ['echo', 'a'], ['echo', 'b']]);
    expect(argvs('find / -name x -exec rm {} \\;')).toEqual([['find', '/', '-name', 'x', '-exec', 'rm', '{}', ';']]);
  });

  it('joins backslash-newline continuations', () => {
    expect(argvs('apt-get install -y \\\n  curl \\\n  jq')).toEqual([['apt-get', 'install', '-y', 'curl', 'jq']]);
  });

  it('effectiveArgv drops wrappers and programName drops the directory', () => {
    expect(effectiveArgv(['sudo', '-E', 'env', 'A=1', '-i', 'exec', 'apt-get', 'install'])).toEqual(['apt-get', 'install']);
    expect(programName('/usr/bin/apt-get')).toBe('apt-get');
    expect(programName(undefined)).toBe('');
  });
});
