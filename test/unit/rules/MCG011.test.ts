import { describe, expect, it } from 'vitest';
import { dockerfileRuleTable, runDockerfileRule } from '../../support/rule-table.js';
import { rule, runsStdin } from '../../../src/rules/dockerfile/MCG011-remote-code-at-build.js';

dockerfileRuleTable(rule, {
  fires: [
    { name: 'curl piped into sh', dockerfile: 'FROM debian:bookworm-slim\nRUN curl -LsSf https://example.com/install.sh | sh\n', lines: [2], message: 'curl download into sh' },
    {
      name: 'wget -qO- piped into sudo -E bash -',
      dockerfile: 'FROM ubuntu:24.04\nRUN apt-get update && \\\n    wget -qO- https://deb.example.com/setup_22.x | sudo -E bash - && \\\n    apt-get install -y nodejs\n',
      lines: [2],
      message: 'wget download into bash',
    },
    { name: 'sh -c "$(curl …)"', dockerfile: 'FROM alpine:3.20\nRUN sh -c "$(curl -fsSL https://example.com/i.sh)"\n', lines: [2] },
    { name: 'bash <(curl …)', dockerfile: 'FROM debian:bookworm-slim\nRUN bash <(curl -s https://example.com/i.sh)\n', lines: [2], message: 'process substitution' },
    {
      name: 'ENV-substituted URL piped into bash',
      dockerfile: 'FROM debian:bookworm-slim\nENV NVM_VERSION=0.40.3\nRUN curl -o- https://example.com/nvm/v${NVM_VERSION}/install.sh | bash\n',
      lines: [3],
    },
    { name: 'curl into python3 reading stdin', dockerfile: 'FROM python:3.12-slim\nRUN curl -sSL https://example.com/get.py | python3 -\n', lines: [2] },
    { name: 'curl | bash -s -- with arguments', dockerfile: 'FROM rust:1\nRUN curl https://example.com/rustup.sh | bash -s -- -y --profile minimal\n', lines: [2] },
    {
      name: 'multi-stage: a builder stage pipes to sh (build-time code runs in any stage)',
      dockerfile: 'FROM node:22 AS build\nRUN curl -fsSL https://example.com/i.sh | sh\nFROM node:22-slim\nCOPY --from=build /app /app\n',
      lines: [2],
      message: 'stage build',
    },
    { name: 'exec-form RUN with sh -c script', dockerfile: 'FROM alpine:3.20\nRUN ["/bin/sh", "-c", "wget -O - https://example.com/x | sh"]\n', lines: [2] },
    { name: 'heredoc RUN', dockerfile: 'FROM debian:bookworm-slim\nRUN <<EOF\nset -e\ncurl -fsSL https://example.com/i.sh | bash\nEOF\n', lines: [2] },
    { name: 'ADD https without --checksum', dockerfile: 'FROM alpine:3.20\nADD https://example.com/tool.tar.gz /tmp/\n', lines: [2], message: 'https://example.com without --checksum' },
    {
      name: 'ADD of an ARG-substituted URL',
      dockerfile: 'FROM alpine:3.20\nARG TOOL_URL=https://example.com/tool\nADD ${TOOL_URL} /usr/local/bin/tool\n',
      lines: [3],
    },
    { name: 'ADD with a malformed checksum', dockerfile: 'FROM alpine:3.20\nADD --checksum=md5:abc https://example.com/t /t\n', lines: [2] },
    { name: 'ADD of a git repository at a branch', dockerfile: 'FROM alpine:3.20\nADD https://github.com/org/repo.git#main /src\n', lines: [2] },
    { name: 'ADD "https://…" (quoted source)', dockerfile: 'FROM alpine:3.20\nADD "https://example.com/tool.tar.gz" /tmp/\n', lines: [2] },
    { name: 'ADD ${URL:-https://…} (unset, the default)', dockerfile: 'FROM alpine:3.20\nADD ${URL:-https://example.com/t} /t\n', lines: [2] },
  ],
  passes: [
    {
      name: 'download, verify, then run',
      dockerfile:
        'FROM debian:bookworm-slim\nRUN curl -fsSLo /tmp/i.sh https://example.com/i.sh && \\\n    echo "0123abcd  /tmp/i.sh" | sha256sum -c - && sh /tmp/i.sh\n',
    },
    { name: 'curl output parsed by python -c', dockerfile: 'FROM python:3.12-slim\nRUN curl -s https://api.example.com/v | python3 -c "import sys,json; print(json.load(sys.stdin))"\n' },
    { name: 'curl piped into tar', dockerfile: 'FROM alpine:3.20\nRUN wget -qO- https://example.com/t.tgz | tar xz -C /opt\n' },
    { name: 'ADD with sha256 checksum', dockerfile: `FROM alpine:3.20\nADD --checksum=sha256:${'a'.repeat(64)} https://example.com/t.tgz /tmp/\n` },
    { name: 'ADD of a local file', dockerfile: 'FROM alpine:3.20\nADD app.tar.gz /opt/\n' },
    { name: 'ADD of a git repository at a commit', dockerfile: `FROM alpine:3.20\nADD https://github.com/org/repo.git#${'b'.repeat(40)} /src\n` },
    { name: 'bash runs a script file fed by nothing', dockerfile: 'FROM debian:bookworm-slim\nRUN curl -o /tmp/x https://example.com/x; bash /tmp/build.sh\n' },
    { name: 'curl output into jq', dockerfile: 'FROM debian:bookworm-slim\nRUN curl -s https://api.example.com | jq -r .tag > /v\n' },
  ],
});

describe('MCG011 runsStdin', () => {
  it.each([
    [['sh'], true],
    [['bash', '-'], true],
    [['bash', '-s', '--', '-y'], true],
    [['sudo', '-E', 'bash', '-'], true],
    [['bash', '-o', 'pipefail'], true],
    [['bash', '-c', 'echo'], false],
    [['bash', 'install.sh'], false],
    [['python3', '-c', 'print(1)'], false],
    [['python3', '-m', 'json.tool'], false],
    [['python3'], true],
    [['node', '-e', 'x'], false],
    [['node'], true],
    [['perl', '-ne', 'print'], false],
    [['jq', '.'], false],
  ] as const)('%j → %s', (argv, expected) => {
    expect(runsStdin(argv)).toBe(expected);
  });

  it('never echoes the URL path or query in the message', () => {
    const hits = runDockerfileRule(rule, { name: 'q', dockerfile: 'FROM alpine\nADD https://user:pw@example.com/t?token=abc123 /t\n' });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.message).not.toContain('abc123');
    expect(hits[0]!.message).not.toContain('pw');
  });
});
