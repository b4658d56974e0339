/**
 * Dockerfiles for the BuildKit differential test: the cases of issue 16, and a generator that
 * strings together the pieces where readers disagree (directives, both escape characters,
 * continuations with comments and blank lines, heredocs with fd prefixes, `<<-`, quoted and partly
 * quoted delimiters, flags, JSON and near-JSON, ONBUILD, CRLF, BOM, NUL and invalid UTF-8 bytes).
 * Generated texts are byte strings: one character per byte.
 */
import fc from 'fast-check';

export const ISSUE_CASES: string[] = [
  '# x-generated-by=renovate\n# escape=`\nFROM alpine\nENV DB_PASSWORD=hunter2 `\nRUN curl https://x | sh\n',
  'FROM alpine\nRUN cat 0<<EOF > /etc/motd\nUSER app\nEOF\n',
  'FROM alpine\nRUN <<E"O"F\necho hi\nEOF\nUSER root\nRUN curl x | sh\n',
  '# syntax=docker/dockerfile:1 \n# escape=`\nFROM alpine\nRUN echo `\n  hi\n',
  'FROM alpine\nRUN <<EOF\necho\nEOF \nUSER root\n',
  '# escape=\\\n# escape=`\nFROM alpine\n',
  '# escape=x\nFROM alpine\n',
  'FROM alpine\nUSER 000\n',
  'FROM alpine\nRUN echo \\\n# comment\n\n  more\n',
  'FROM alpine\nRUN echo a\0b\n',
  'FROM alpine\nCOPY <<-"EOF" /x\n\tbody\n\tEOF\n',
  'FROM alpine\nONBUILD RUN <<EOF\necho\nEOF\n',
  'FROM alpine\nRUN ["echo", 1]\n',
  'FROM alpine\nCMD ["a", "b"] x\n',
  'FOO bar\nFROM alpine\n',
  '',
  '# only a comment\n',
];

const word = fc.constantFrom('a', 'echo', 'x=1', '"q q"', "'s s'", '$V', '${V:-d}', '${V', '\\$', 'é', '\xff', '\0', '#', '[', ']', '"', "'", ',', '=', '--', '--mount=type=cache', '--a="b c"', '<<', '<<EOF', '0<<EOF', '<<-EOF', '<<"EOF"', "<<'E'OF", '<<E"O"F', '<< EOF', '3<<-X', '<<${V}', '\\', '`', '\t', '\xa0', '\xc2\xa0', '\xc2\x85', '\xe2\x80\x83');
const keyword = fc.constantFrom('FROM', 'RUN', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL', 'CMD', 'ENTRYPOINT', 'USER', 'WORKDIR', 'HEALTHCHECK', 'ONBUILD', 'SHELL', 'VOLUME', 'EXPOSE', 'MAINTAINER', 'STOPSIGNAL', 'run', 'OnBuild RUN', 'ONBUILD COPY', 'HEALTHCHECK CMD', 'HEALTHCHECK NONE', 'FOO', '');
const json = fc.constantFrom('["a","b"]', '[ "a" ]', '[]', '["a",1]', '["a"', '[1e999]', '["\\u00e9"]', '["a"] b', "['a']", '[null]', '["\\ud800"]');
const directive = fc.constantFrom('# syntax=docker/dockerfile:1', '# escape=`', '# escape=\\', '#escape = ` ', '# check=skip=all', '# x-unknown=1', '# escape=x', '# SYNTAX=a', '#', '# comment');
const heredocBody = fc.constantFrom('EOF', '\tEOF', 'EOF ', 'X', '\tX', 'E', 'echo body', 'USER root', '', '${V}', 'EOF\r');
const lineEnd = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', ' \\\n', '\\\n', ' `\n', '`\n', '\\ \t\n', '\\\\\n');

const instruction = fc
  .tuple(keyword, fc.array(fc.oneof(word, json), { maxLength: 6 }), fc.constantFrom(' ', '  ', '\t', ' \\\n  ', '`\n', ' \\\n# c\n', ' \\\n\n'))
  .map(([k, ws, sep]) => `${k} ${ws.join(sep)}`);

const line = fc.oneof({ weight: 6, arbitrary: instruction }, { weight: 2, arbitrary: heredocBody }, { weight: 1, arbitrary: directive }, { weight: 1, arbitrary: fc.constantFrom('', '  ', '# c', '  # c') });

export const dockerfileText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('', '\xef\xbb\xbf'), fc.array(directive, { maxLength: 3 }), fc.array(fc.tuple(line, lineEnd), { maxLength: 14 }))
  .map(([bom, ds, ls]) => bom + ds.map((d) => `${d}\n`).join('') + ls.map(([l, e]) => l + e).join(''));

/**
 * Files around BuildKit's instruction parser (instructions.Parse): each keyword with the flags it
 * takes, flags it does not take, missing and malformed values, the wrong number of arguments,
 * ONBUILD triggers, HEALTHCHECK types, RUN's --mount/--device/--network/--security, heredoc
 * destinations, and instructions before the first FROM.
 */
const FLAGS: Record<string, string[]> = {
  COPY: ['chown', 'from', 'chmod', 'link', 'exclude', 'parents'],
  ADD: ['chown', 'chmod', 'link', 'keep-git-dir', 'checksum', 'unpack', 'exclude'],
  FROM: ['platform'],
  RUN: ['mount', 'device', 'network', 'security'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};
const flagValue = fc.constantFrom(
  '', '=', '=1', '=1', '=2s', '=30s', '=1m30s', '=true', '=FALSE', '=maybe', '=0s', '=0', '=-0', '=1ms', '=500us', '=999us', '=1.5h', '=-1s', '=1x', '=.s', '=1.', '=1\xb5s', '=1\xc2\xb5s', '=9999999999h', '=3', '=-3', '=+7', '=1_0', '=2147483648',
  '=host', '=none', '=bogus', '=insecure', '=Sandbox', '=type=cache,target=/x', '=from=$X', '=from=a$', '=from=${A}b', '="a', '=a"b', '=\'x,"y""z"\'', '="x"y', '=type=secret,id=x,required', '=/dev/a,name=b', '=name=a,name=b', '=a,b', '=a,required=yes', '=,', '=required,x=1',
);
const argWord = fc.constantFrom('a', 'b', '/dst/', 'AS', 'as', 'aS', 'a\u017f', 'x1', '1x', 'S_2', 'n.a-m', '<<EOF', '<<-X', '""', "''", '\xc2\xa0', '=v', 'k=v', '=', '["a","b"]', '[]', '[""]', '["x"]', 'NONE', 'CMD', 'cmd', 'none', 'RUN', 'FROM', 'onbuild', 'Maintainer', 'ONBUILD', 'FOO', '--', '-x');
const KEYWORDS = ['FROM', 'RUN', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL', 'CMD', 'ENTRYPOINT', 'USER', 'WORKDIR', 'HEALTHCHECK', 'ONBUILD', 'SHELL', 'VOLUME', 'EXPOSE', 'MAINTAINER', 'STOPSIGNAL', 'copy', 'Run'];
const checkedInstruction = fc
  .tuple(
    fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...KEYWORDS) }, { weight: 1, arbitrary: fc.constantFrom('FORM', 'USERR', 'RUNN') }),
    fc.array(fc.tuple(fc.oneof({ weight: 8, arbitrary: fc.nat(7) }, { weight: 1, arbitrary: fc.constantFrom('chmodd', 'x', 'LINK', '') }), flagValue), { maxLength: 2 }),
    fc.array(argWord, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('', '', 'CMD ', 'NONE ', 'RUN ', 'COPY '),
  )
  .map(([k, fs, as, lead]) => {
    const own = FLAGS[k.toUpperCase()] ?? FLAGS['RUN']!;
    // most instructions take no flag: give them one now and then
    const flags = (FLAGS[k.toUpperCase()] || fs.length === 1 ? fs : []).map(([f, v]) => `--${typeof f === 'number' ? own[f % own.length]! : f}${v}`);
    const sub = k === 'HEALTHCHECK' || k === 'ONBUILD' ? lead : '';
    return [k, ...(k === 'ONBUILD' ? [] : flags), sub + (k === 'ONBUILD' && sub !== '' ? flags.join(' ') : ''), ...as].filter((w) => w !== '').join(' ');
  });
const heredocTail = fc.constantFrom('', '', 'EOF\n', 'X\n');

export const instructionLevelText: fc.Arbitrary<string> = fc
  .tuple(fc.nat(5), fc.array(fc.tuple(checkedInstruction, heredocTail), { minLength: 1, maxLength: 4 }))
  .map(([from, ls]) => (from > 0 ? 'FROM alpine\n' : '') + ls.map(([l, h]) => `${l}\n${l.includes('<<') ? h : ''}`).join(''));
