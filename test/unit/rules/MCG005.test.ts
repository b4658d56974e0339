import { dockerfileRuleTable } from '../../support/rule-table.js';
import { rule } from '../../../src/rules/dockerfile/MCG005-no-healthcheck.js';

dockerfileRuleTable(rule, {
  fires: [
    { name: 'no HEALTHCHECK', dockerfile: 'FROM python:3.12-slim\nUSER 1000\nCMD ["python", "s.py"]\n', lines: [1], message: 'defines no HEALTHCHECK' },
    { name: 'HEALTHCHECK NONE', dockerfile: 'FROM node:22-slim\nHEALTHCHECK NONE\nCMD ["node", "i.js"]\n', lines: [2], message: 'NONE' },
    { name: 'last HEALTHCHECK is NONE', dockerfile: 'FROM node:22-slim\nHEALTHCHECK CMD node hc.js\nHEALTHCHECK none\n', lines: [3] },
    {
      name: 'multi-stage: only the build stage has one',
      dockerfile: 'FROM node:22 AS build\nHEALTHCHECK CMD true\nFROM node:22-slim\nCOPY --from=build /app /app\n',
      lines: [3],
    },
    { name: 'built image has no health check', dockerfile: 'FROM python:3.12-slim\n', image: { user: 'app' }, lines: [1], message: 'The image has no health check' },
    { name: 'built image says NONE', dockerfile: 'FROM python:3.12-slim\n', image: { user: 'app', healthcheck: ['NONE'] }, lines: [1] },
  ],
  passes: [
    { name: 'exec-form HEALTHCHECK', dockerfile: 'FROM python:3.12-slim\nHEALTHCHECK --interval=30s CMD ["python", "-c", "print(1)"]\n' },
    { name: 'inherited from a parent stage', dockerfile: 'FROM node:22-slim AS base\nHEALTHCHECK CMD node hc.js\nFROM base\nCMD ["node", "i.js"]\n' },
    { name: 'NONE then re-enabled', dockerfile: 'FROM node:22-slim\nHEALTHCHECK NONE\nHEALTHCHECK CMD node hc.js\n' },
    { name: 'target selects the stage with a HEALTHCHECK', dockerfile: 'FROM alpine:3.20 AS prod\nHEALTHCHECK CMD true\nFROM alpine:3.20 AS dev\n', target: 'prod' },
    { name: 'built image inherits a health check from its base', dockerfile: 'FROM example/base:1\n', image: { user: 'app', healthcheck: ['CMD-SHELL', 'curl -f localhost'] } },
  ],
});
