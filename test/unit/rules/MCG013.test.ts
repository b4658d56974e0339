import { describe, expect, it } from 'vitest';
import { dockerfileRuleTable } from '../../support/rule-table.js';
import { endsInExec, rule } from '../../../src/rules/dockerfile/MCG013-shell-form-start.js';

dockerfileRuleTable(rule, {
  fires: [
    { name: 'shell-form CMD', dockerfile: 'FROM node:22-slim\nUSER node\nCMD node server.js\n', lines: [3], message: 'shell form' },
    { name: 'shell-form ENTRYPOINT', dockerfile: 'FROM python:3.12-slim\nENTRYPOINT python -m server\n', lines: [2] },
    {
      name: 'only the effective CMD counts (the last one)',
      dockerfile: 'FROM node:22-slim\nCMD ["node", "a.js"]\nCMD node b.js\n',
      lines: [3],
    },
    {
      name: 'multi-stage: shell-form CMD inherited from the parent stage',
      dockerfile: 'FROM python:3.12-slim AS base\nCMD python server.py\nFROM base\nUSER 10001\n',
      lines: [2],
    },
    {
      name: 'shell-form CMD after an exec-form ENTRYPOINT',
      dockerfile: 'FROM node:22-slim\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD node server.js --port $PORT\n',
      lines: [3],
      message: 'passed to the ENTRYPOINT',
    },
    {
      name: 'ENTRYPOINT and CMD both in shell form: only the ENTRYPOINT runs',
      dockerfile: 'FROM node:22-slim\nENTRYPOINT node server.js\nCMD --verbose\n',
      lines: [2],
    },
    { name: 'two commands, no exec', dockerfile: 'FROM node:22-slim\nCMD node migrate.js && node server.js\n', lines: [2] },
  ],
  passes: [
    { name: 'exec form', dockerfile: 'FROM node:22-slim\nCMD ["node", "server.js"]\n' },
    { name: 'shell form starting with exec', dockerfile: 'FROM node:22-slim\nCMD exec node server.js --port "$PORT"\n' },
    { name: 'cd then exec', dockerfile: 'FROM python:3.12-slim\nCMD cd /app && exec python -m server\n' },
    {
      name: 'shell-form CMD in a builder stage only',
      dockerfile: 'FROM node:22 AS build\nCMD npm test\nFROM node:22-slim\nCMD ["node", "dist/index.js"]\n',
    },
    {
      name: 'inherited shell-form CMD reset by the final ENTRYPOINT',
      dockerfile: 'FROM node:22-slim AS base\nCMD node old.js\nFROM base\nENTRYPOINT ["node", "server.js"]\n',
    },
    { name: 'shell-form CMD ignored under a shell-form ENTRYPOINT that execs', dockerfile: 'FROM node:22-slim\nENTRYPOINT exec node server.js\nCMD node other.js\n' },
    { name: 'no CMD or ENTRYPOINT', dockerfile: 'FROM node:22-slim\nRUN echo hi\n' },
  ],
});

describe('MCG013 endsInExec', () => {
  it.each([
    ['exec node a.js', true],
    ['FOO=1 exec node a.js', true],
    ['set -e; exec "$@"', true],
    ['node a.js', false],
    ['exec', false],
    ['exec node a.js || echo failed', true],
    ['node migrate.js && node a.js', false],
  ] as const)('%s → %s', (script, expected) => {
    expect(endsInExec(script)).toBe(expected);
  });
});
