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
