import { describe, expect, it } from 'vitest';
import { dockerfileRuleTable } from '../../support/rule-table.js';
import { pythonDashU, rule } from '../../../src/rules/dockerfile/MCG017-python-unbuffered.js';

dockerfileRuleTable(rule, {
  fires: [
    { name: 'python base, no ENV', dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/server.py"]\n', lines: [1], message: 'python:3.12-slim' },
    {
      name: 'uv image running uvicorn',
      dockerfile: 'FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim\nRUN uv sync --frozen\nCMD ["uvicorn", "app:app"]\n',
      lines: [1],
    },
    { name: 'debian base that installs and runs Python', dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get install -y python3-pip\nCMD ["python3", "-m", "server"]\n', lines: [1], message: 'python3' },
    {
      name: 'multi-stage: ENV only in the builder stage',
      dockerfile: 'FROM python:3.12 AS build\nENV PYTHONUNBUFFERED=1\nRUN pip wheel -w /w .\nFROM python:3.12-slim\nCOPY --from=build /w /w\nCMD ["python", "-m", "server"]\n',
      lines: [4],
    },
    { name: 'ENV set to empty', dockerfile: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=""\nCMD ["python", "s.py"]\n', lines: [1] },
    { name: '-u after the module is the module\'s argument', dockerfile: 'FROM python:3.12-slim\nCMD ["python", "-m", "server", "-u"]\n', lines: [1] },
  ],
  passes: [
    { name: 'ENV PYTHONUNBUFFERED=1', dockerfile: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nCMD ["python", "server.py"]\n' },
    { name: 'python -u', dockerfile: 'FROM python:3.12-slim\nCMD ["python", "-u", "server.py"]\n' },
    { name: 'ENTRYPOINT python -Bu + CMD', dockerfile: 'FROM python:3.12-slim\nENTRYPOINT ["python3", "-Bu"]\nCMD ["server.py"]\n' },
    {
      name: 'multi-stage: ENV inherited from the parent stage, ARG-substituted',
      dockerfile: 'FROM python:3.12-slim AS base\nARG UNBUF=1\nENV PYTHONUNBUFFERED=${UNBUF}\nFROM base\nCMD ["python", "x.py"]\n',
    },
    { name: 'not Python at all', dockerfile: 'FROM node:22-slim\nCMD ["node", "index.js"]\n' },
    { name: 'inline assignment in a shell-form CMD', dockerfile: 'FROM python:3.12-slim\nCMD PYTHONUNBUFFERED=1 exec python server.py\n' },
    { name: 'Python only in a builder stage', dockerfile: 'FROM python:3.12 AS gen\nRUN python gen.py\nFROM nginx:1.27\nCOPY --from=gen /out /usr/share/nginx/html\n' },
  ],
});

describe('MCG017 pythonDashU', () => {
  it.each([
    [['python', '-u', 'x.py'], true],
    [['python3.12', '-Bu', 'x.py'], true],
    [['python', '-um', 'pkg'], true],
    [['python', '-m', 'pkg', '-u'], false],
    [['python', '-c', 'x', '-u'], false],
    [['python', 'x.py'], false],
    [['node', '-u'], false],
  ] as const)('%j → %s', (argv, expected) => {
    expect(pythonDashU(argv)).toBe(expected);
  });
});
