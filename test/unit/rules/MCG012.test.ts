import { describe, expect, it } from 'vitest';
import { dockerfileRuleTable } from '../../support/rule-table.js';
import { fetchAtStart, rule } from '../../../src/rules/dockerfile/MCG012-fetch-at-start.js';

dockerfileRuleTable(rule, {
  fires: [
    { name: 'CMD npx -y pkg (exec form)', dockerfile: 'FROM node:22-slim\nCMD ["npx", "-y", "@modelcontextprotocol/server-filesystem", "/data"]\n', lines: [2], message: 'npx @modelcontextprotocol/server-filesystem' },
    { name: 'ENTRYPOINT uvx pkg', dockerfile: 'FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim\nENTRYPOINT ["uvx", "mcp-server-fetch"]\n', lines: [2], message: 'uvx mcp-server-fetch' },
    { name: 'shell-form CMD with pip install before the server', dockerfile: 'FROM python:3.12-slim\nCMD pip install -r requirements.txt && python server.py\n', lines: [2], message: 'pip install' },
    { name: 'sh -c script runs npm install', dockerfile: 'FROM node:22-slim\nCMD ["sh", "-c", "npm install && node index.js"]\n', lines: [2], message: 'npm install' },
    { name: 'bash -lc script runs pnpm dlx', dockerfile: 'FROM node:22-slim\nENTRYPOINT ["/bin/bash", "-lc", "exec pnpm dlx some-mcp"]\n', lines: [2], message: 'pnpm dlx some-mcp' },
    { name: 'pipx run', dockerfile: 'FROM python:3.12-slim\nCMD ["pipx", "run", "mcp-server-time"]\n', lines: [2] },
    { name: 'bunx', dockerfile: 'FROM oven/bun:1\nCMD bunx mcp-remote https://example.com/sse\n', lines: [2] },
    {
      name: 'ENTRYPOINT npx with the package in CMD',
      dockerfile: 'FROM node:22-slim\nENTRYPOINT ["npx", "-y"]\nCMD ["@scope/server"]\n',
      lines: [2],
    },
    {
      name: 'multi-stage: CMD inherited from the parent stage',
      dockerfile: 'FROM node:22-slim AS base\nCMD ["npx", "mcp-server"]\nFROM base\nUSER node\n',
      lines: [2],
    },
    { name: 'python -m pip install in CMD', dockerfile: 'FROM python:3.12-slim\nCMD ["sh", "-c", "python -m pip install mcp && python -m mcp_server"]\n', lines: [2] },
  ],
  passes: [
    { name: 'installed at build time, started directly', dockerfile: 'FROM node:22-slim\nRUN npm install -g @scope/server@1.2.3\nCMD ["mcp-server"]\n' },
    { name: 'npx --no-install', dockerfile: 'FROM node:22-slim\nCMD ["npx", "--no-install", "tsx", "server.ts"]\n' },
    { name: 'npx only in a builder stage RUN', dockerfile: 'FROM node:22 AS build\nRUN npx tsc\nFROM node:22-slim\nCMD ["node", "dist/index.js"]\n' },
    {
      name: 'CMD of the parent is reset by an ENTRYPOINT in the final stage',
      dockerfile: 'FROM node:22-slim AS base\nCMD ["npx", "-y", "x"]\nFROM base\nENTRYPOINT ["node", "server.js"]\n',
    },
    { name: 'shell-form ENTRYPOINT ignores CMD', dockerfile: 'FROM node:22-slim\nCMD ["npx", "-y", "x"]\nENTRYPOINT exec node server.js\n' },
    { name: 'uv run without --with', dockerfile: 'FROM python:3.12-slim\nCMD ["uv", "run", "--frozen", "server.py"]\n' },
    { name: 'npm start', dockerfile: 'FROM node:22-slim\nENTRYPOINT ["npm", "start"]\n' },
  ],
});

describe('MCG012 fetchAtStart', () => {
  it.each([
    [['npx', '-y', '@a/b'], 'npx @a/b'],
    [['npx', '--package=@a/b', 'cmd'], 'npx @a/b'],
    [['uvx', '--from', 'mcp-x==1.0', 'mcp-x'], 'uvx mcp-x==1.0'],
    [['uv', 'tool', 'run', 'mcp-x'], 'uv tool run mcp-x'],
    [['uv', 'run', '--with', 'mcp', 'server.py'], 'uv run --with mcp'],
    [['npm', 'exec', '--', 'x'], 'npm exec x'],
    [['yarn', 'dlx', 'x'], 'yarn dlx x'],
    [['pip3', 'install', 'x'], 'pip install'],
    [['npm', 'run', 'start'], undefined],
    [['node', 'server.js'], undefined],
    [['uv', 'pip', 'list'], undefined],
  ] as const)('%j → %s', (argv, expected) => {
    expect(fetchAtStart(argv)).toBe(expected);
  });
});
