import { describe, expect, it } from 'vitest';
import { dockerfileRuleTable } from '../../support/rule-table.js';
import { privilegedPorts, rule } from '../../../src/rules/dockerfile/MCG015-privileged-port.js';

dockerfileRuleTable(rule, {
  fires: [
    { name: 'EXPOSE 80 as a named user', dockerfile: 'FROM node:22-slim\nUSER node\nEXPOSE 80\n', lines: [3], message: '"node"' },
    { name: 'EXPOSE 443/tcp among other ports', dockerfile: 'FROM python:3.12-slim\nUSER 10001\nEXPOSE 8080 443/tcp\n', lines: [3], message: 'EXPOSE 443/tcp' },
    { name: 'range starting below 1024', dockerfile: 'FROM python:3.12-slim\nUSER app\nEXPOSE 1000-1100/udp\n', lines: [3] },
    { name: 'ARG-substituted port', dockerfile: 'FROM node:22-slim\nARG PORT=80\nUSER node\nEXPOSE ${PORT}\n', lines: [4] },
    {
      name: 'multi-stage: EXPOSE in the parent stage, USER in the final',
      dockerfile: 'FROM nginx:1.27 AS web\nEXPOSE 80\nFROM web\nUSER nginx\n',
      lines: [2],
    },
    { name: 'non-root base (distroless nonroot) without USER', dockerfile: 'FROM gcr.io/distroless/nodejs22-debian12:nonroot\nEXPOSE 443\n', lines: [2], message: 'from its base image' },
    { name: 'built image runs as a user', dockerfile: 'FROM python:3.12-slim\nEXPOSE 80\n', image: { user: 'app' }, lines: [2] },
  ],
  passes: [
    { name: 'root container (MCG001 reports it)', dockerfile: 'FROM nginx:1.27\nEXPOSE 80\n' },
    { name: 'high port as non-root', dockerfile: 'FROM node:22-slim\nUSER node\nEXPOSE 8080 3000/tcp\n' },
    { name: 'unresolved ARG port', dockerfile: 'FROM node:22-slim\nARG PORT\nUSER node\nEXPOSE $PORT\n' },
    { name: 'EXPOSE 80 only in a builder stage', dockerfile: 'FROM node:22 AS b\nEXPOSE 80\nFROM node:22-slim\nUSER node\nEXPOSE 8080\n' },
    { name: 'USER unresolved: cannot tell', dockerfile: 'FROM node:22-slim\nARG U\nUSER $U\nEXPOSE 80\n' },
    { name: 'built image runs as root', dockerfile: 'FROM python:3.12-slim\nUSER app\nEXPOSE 80\n', image: { user: 'root' } },
  ],
});

describe('MCG015 privilegedPorts', () => {
  it.each([
    ['80', [80]],
    ['80/tcp', [80]],
    ['1023', [1023]],
    ['1024', []],
    ['0', []],
    ['500-2000', [500]],
    ['8080-8090', []],
    ['$PORT', []],
    ['abc', []],
  ] as const)('%s → %j', (w, expected) => {
    expect(privilegedPorts(w)).toEqual(expected);
  });
});
